import { Readable } from 'node:stream';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { Queryable } from '../db';
import { subtreeCte } from './orgs';
import { iso } from './util';

interface Listed {
  submission_id: string;
  receipt_number: string;
  status: string;
  submitted_at: unknown;
  code: string;
  name: string;
  org_name: string;
  idx: number | null;
  doc_name: string | null;
}

const STATUS = { submitted: '已报送', accepted: '已接收' } as Record<string, string>;

/** Names come from the unions' apps: nothing in them may climb out of the folder or upset an unzipper. */
const safe = (name: string) =>
  name
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '_')
    .trim() || '_';

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The documents of the year's current, not returned submissions of `top`'s subtree, one folder per
 * union, with a 清单.csv; null when there are none. The archive streams as it is read: one document
 * is in memory at a time, whatever the subtree's size.
 */
export async function submittedDocumentsZip(db: Queryable, top: string, year: number): Promise<Readable | null> {
  const listed = await db.query<Listed>(
    `${subtreeCte('$1')} SELECT sub.id AS submission_id, sub.receipt_number, sub.status, sub.submitted_at, u.code, u.name,
       o.name AS org_name, d.idx, d.name AS doc_name
     FROM submissions sub JOIN unions u ON u.id = sub.union_id JOIN subtree s ON s.id = u.org_id JOIN orgs o ON o.id = u.org_id
     LEFT JOIN submission_documents d ON d.submission_id = sub.id
     WHERE sub.year = $2 AND sub.is_current AND sub.status IN ('submitted', 'accepted') ORDER BY u.code, d.idx`,
    [top, year],
  );
  if (!listed.length) return null;

  const manifest = ['工会代码,工会名称,所属组织,回执号,状态,报送时间,文件'];
  const files: { path: string; submissionId: string; idx: number }[] = [];
  const taken = new Set<string>();
  for (const r of listed) {
    let path = '';
    if (r.idx !== null) {
      const folder = safe(`${r.code} ${r.name}`);
      const base = safe(r.doc_name ?? '');
      path = `${folder}/${base}`;
      for (let n = 2; taken.has(path); n++) path = `${folder}/${n}-${base}`;
      taken.add(path);
      files.push({ path, submissionId: r.submission_id, idx: Number(r.idx) });
    }
    manifest.push(
      [r.code, r.name, r.org_name, r.receipt_number, STATUS[r.status] ?? r.status, iso(r.submitted_at), path].map(csvCell).join(','),
    );
  }

  async function* chunks(): AsyncGenerator<Uint8Array> {
    const ready: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else ready.push(chunk);
    });
    const add = (path: string, bytes: Uint8Array) => {
      const entry = new ZipDeflate(path, { level: 6 });
      zip.add(entry);
      entry.push(bytes, true);
      if (failure) throw failure;
    };
    // A BOM, so that a spreadsheet opens the list as UTF-8.
    add('清单.csv', strToU8(`\ufeff${manifest.join('\r\n')}\r\n`));
    yield* ready.splice(0);
    for (const f of files) {
      const rows = await db.query<{ content_base64: string }>(
        'SELECT content_base64 FROM submission_documents WHERE submission_id = $1 AND idx = $2',
        [f.submissionId, f.idx],
      );
      add(f.path, Buffer.from(rows[0]?.content_base64 ?? '', 'base64'));
      yield* ready.splice(0);
    }
    zip.end();
    if (failure) throw failure;
    yield* ready.splice(0);
  }
  return Readable.from(chunks(), { objectMode: false });
}
