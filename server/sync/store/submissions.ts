import type { HybridLogicalClock } from '../../../shared/clock/hlc';
import { uuidv7 } from '../../../shared/ids/uuid7';
import { PROTOCOL_VERSION, type SubmissionReceipt, type SubmissionRequest, type SubmissionStatus } from '../../../shared/sync/protocol';
import type { Database, Queryable } from '../db';
import { subtreeCte } from './orgs';
import { lockUnion, serverWrite } from './rows';
import { ClientError, iso, num } from './util';

export interface StoredSubmission {
  id: string;
  unionId: string;
  year: number;
  recordId: string;
  receiptNumber: string;
  status: SubmissionStatus;
  returnReason: string;
  submittedAt: string;
  documents: { index: number; name: string }[];
}

/**
 * Receives a year's report. The status also goes into the union's synced `submissions` row, so
 * every device of the union learns of it (and later of a return) through ordinary sync.
 */
export async function submitYear(
  db: Database,
  clock: HybridLogicalClock,
  union: { id: string; code: string },
  req: SubmissionRequest,
): Promise<SubmissionReceipt> {
  return db.tx(async (q) => {
    // Two submissions of one union arriving together are taken one after the other: the second
    // then finds the first and is refused (409) instead of both taking the same receipt number.
    await lockUnion(q, union.id);
    const open = await q.query<{ status: string }>(
      "SELECT status FROM submissions WHERE union_id = $1 AND year = $2 AND is_current AND status <> 'returned'",
      [union.id, req.year],
    );
    if (open.length) throw new ClientError(409, 'already-submitted', `${req.year} 年度已报送，上级工会退回后才能重新报送`);
    const count = await q.query<{ n: unknown }>('SELECT count(*) AS n FROM submissions WHERE union_id = $1 AND year = $2', [
      union.id,
      req.year,
    ]);
    const receiptNumber = `BS-${req.year}-${union.code}-${String(num(count[0]?.n) + 1).padStart(2, '0')}`;
    const id = uuidv7();
    const submittedAt = new Date().toISOString();
    await q.query('UPDATE submissions SET is_current = false WHERE union_id = $1 AND year = $2', [union.id, req.year]);
    await q.query(
      `INSERT INTO submissions (id, union_id, year, record_id, receipt_number, facts, status, submitted_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'submitted', $7)`,
      [id, union.id, req.year, req.recordId, receiptNumber, JSON.stringify(req.facts), submittedAt],
    );
    for (const [idx, doc] of req.documents.entries()) {
      await q.query('INSERT INTO submission_documents (submission_id, idx, name, mime_type, content_base64) VALUES ($1, $2, $3, $4, $5)', [
        id,
        idx,
        doc.name,
        doc.mimeType,
        doc.base64,
      ]);
    }
    const row = await serverWrite(q, union.id, clock, 'submissions', req.recordId, {
      year: req.year,
      status: 'submitted',
      receiptNumber,
      submittedAt,
      returnReason: '',
      deleted: 0,
    });
    return { v: PROTOCOL_VERSION, year: req.year, receiptNumber, submittedAt, status: 'submitted', returnReason: '', row };
  });
}

function toStored(r: Record<string, unknown>, documents: { index: number; name: string }[]): StoredSubmission {
  return {
    id: String(r.id),
    unionId: String(r.union_id),
    year: num(r.year),
    recordId: String(r.record_id),
    receiptNumber: String(r.receipt_number),
    status: r.status as SubmissionStatus,
    returnReason: String(r.return_reason ?? ''),
    submittedAt: iso(r.submitted_at),
    documents,
  };
}

/** The current submission of each union of `top`'s subtree for a year, of some unions, or of one. */
export async function currentSubmissions(
  db: Queryable,
  year: number,
  scope: { unionId: string } | { top: string } | { unionIds: readonly string[] },
): Promise<StoredSubmission[]> {
  const rows =
    'unionIds' in scope
      ? await db.query<Record<string, unknown>>(
          'SELECT * FROM submissions WHERE year = $1 AND is_current AND union_id = ANY($2::text[]) ORDER BY submitted_at',
          [year, scope.unionIds],
        )
      : 'unionId' in scope
        ? await db.query<Record<string, unknown>>(
            'SELECT * FROM submissions WHERE year = $1 AND is_current AND union_id = $2 ORDER BY submitted_at',
            [year, scope.unionId],
          )
        : await db.query<Record<string, unknown>>(
            `${subtreeCte('$2')} SELECT sub.* FROM submissions sub JOIN unions u ON u.id = sub.union_id JOIN subtree s ON s.id = u.org_id
           WHERE sub.year = $1 AND sub.is_current ORDER BY sub.submitted_at`,
            [year, scope.top],
          );
  if (!rows.length) return [];
  const docs = await db.query<{ submission_id: string; idx: unknown; name: string }>(
    'SELECT submission_id, idx, name FROM submission_documents WHERE submission_id IN (SELECT x FROM jsonb_array_elements_text($1::jsonb) AS x) ORDER BY idx',
    [JSON.stringify(rows.map((r) => r.id))],
  );
  // A city's subtree holds thousands of submissions: their documents are grouped by submission once, not searched for each.
  const bySubmission = new Map<string, { index: number; name: string }[]>();
  for (const d of docs) {
    const list = bySubmission.get(d.submission_id);
    const doc = { index: num(d.idx), name: d.name };
    if (list) list.push(doc);
    else bySubmission.set(d.submission_id, [doc]);
  }
  return rows.map((r) => toStored(r, bySubmission.get(String(r.id)) ?? []));
}

/** A submitted, current submission of `top`'s subtree, locked for its decision; one outside the subtree is as missing as one that never existed. */
async function lockForDecision(q: Queryable, submissionId: string, top: string, refusal: string): Promise<Record<string, unknown>> {
  const rows = await q.query<Record<string, unknown>>(
    `${subtreeCte('$2')} SELECT * FROM submissions WHERE id = $1
     AND union_id IN (SELECT u.id FROM unions u JOIN subtree s ON s.id = u.org_id) FOR UPDATE`,
    [submissionId, top],
  );
  const row = rows[0];
  if (!row) throw new ClientError(404, 'no-submission', '报送不存在');
  if (row.status !== 'submitted' || !row.is_current) throw new ClientError(409, 'not-decidable', refusal);
  return row;
}

export async function returnSubmission(
  db: Database,
  clock: HybridLogicalClock,
  submissionId: string,
  reason: string,
  top: string,
): Promise<StoredSubmission> {
  return db.tx(async (q) => {
    const row = await lockForDecision(q, submissionId, top, '只能退回已报送、尚未退回或接收的报送');
    await q.query("UPDATE submissions SET status = 'returned', return_reason = $2, returned_at = now() WHERE id = $1", [
      submissionId,
      reason,
    ]);
    await serverWrite(q, String(row.union_id), clock, 'submissions', String(row.record_id), { status: 'returned', returnReason: reason });
    return toStored({ ...row, status: 'returned', return_reason: reason }, []);
  });
}

/** 已接收: the year stays locked in the union's books; the union learns it through ordinary sync, like a return. */
export async function acceptSubmission(
  db: Database,
  clock: HybridLogicalClock,
  submissionId: string,
  top: string,
): Promise<StoredSubmission> {
  return db.tx(async (q) => {
    const row = await lockForDecision(q, submissionId, top, '只能接收已报送、尚未退回或接收的报送');
    await q.query("UPDATE submissions SET status = 'accepted' WHERE id = $1", [submissionId]);
    await serverWrite(q, String(row.union_id), clock, 'submissions', String(row.record_id), { status: 'accepted', returnReason: '' });
    return toStored({ ...row, status: 'accepted' }, []);
  });
}

export async function getDocument(
  db: Queryable,
  submissionId: string,
  index: number,
  top: string,
): Promise<{ name: string; mimeType: string; bytes: Buffer } | null> {
  const rows = await db.query<{ name: string; mime_type: string; content_base64: string }>(
    `${subtreeCte('$3')} SELECT d.name, d.mime_type, d.content_base64 FROM submission_documents d
     JOIN submissions sub ON sub.id = d.submission_id JOIN unions u ON u.id = sub.union_id JOIN subtree s ON s.id = u.org_id
     WHERE d.submission_id = $1 AND d.idx = $2`,
    [submissionId, index, top],
  );
  const r = rows[0];
  return r ? { name: r.name, mimeType: r.mime_type, bytes: Buffer.from(r.content_base64, 'base64') } : null;
}
