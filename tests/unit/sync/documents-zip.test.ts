import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { createUnion } from '../../../server/sync/store/unions';
import type { AuditEntry } from '../../../shared/sync/admin';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { post, startServer } from './harness';
import { PYTHON } from '../../support/python';

const PASSWORD = 'district password';

/** Python's zipfile, an independent reader: every entry's name and bytes, after a CRC check of the whole archive. */
const READER = `
import base64, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
print(json.dumps({"bad": bad, "files": {i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}}))
`;

function readZip(bytes: Buffer): Record<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'ub-zip-'));
  try {
    const path = join(dir, 'documents.zip');
    writeFileSync(path, bytes);
    const out = JSON.parse(execFileSync(PYTHON, ['-c', READER, path], { encoding: 'utf8' })) as {
      bad: string | null;
      files: Record<string, string>;
    };
    expect(out.bad).toBeNull();
    return Object.fromEntries(Object.entries(out.files).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const doc = (name: string, text: string) => ({ name, mimeType: 'text/plain', base64: Buffer.from(text).toString('base64') });

describe.each(backends())('the year’s submitted documents of a subtree as one zip on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  let da = '';
  const download = (token: string, query: string) =>
    app.inject({ method: 'GET', url: `/api/admin/documents?${query}`, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    db = await backend.fresh();
    app = await startServer(db);
    const a = await createOrg(db, ROOT_ORG_ID, { code: 'DA', name: 'A区总工会' });
    const b = await createOrg(db, ROOT_ORG_ID, { code: 'DB', name: 'B区总工会' });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DA', name: 'da', password: PASSWORD });
    const submit = async (code: string, org: string, documents: ReturnType<typeof doc>[]) => {
      const created = await createUnion(db, code, `${code} 工会`, org);
      const enrol = await post(app, '/api/v1/enrol', {
        v: PROTOCOL_VERSION,
        unionCode: code,
        enrolmentCode: created.enrolmentCode,
        deviceId: `pc-${code}`,
        deviceName: '',
      });
      const res = await post(
        app,
        '/api/v1/submissions',
        { v: PROTOCOL_VERSION, year: 2025, recordId: `sub-${code}`, facts: {}, documents },
        String(enrol.body.token),
      );
      expect(res.status).toBe(200);
    };
    await submit('UA', a.id, [doc('工作总结.txt', '甲厂总结'), doc('工作总结.txt', '同名的第二份'), doc('../../etc/passwd', '名字想越界')]);
    await submit('UR', a.id, [doc('退回的总结.txt', '已退回')]);
    await submit('UB', b.id, [doc('乙厂总结.txt', '乙厂')]);
    da = String((await post(app, '/api/admin/login', { name: 'da', password: PASSWORD })).body.token);
    const returned = (
      await db.query<{ id: string }>("SELECT s.id FROM submissions s JOIN unions u ON u.id = s.union_id WHERE u.code = 'UR'")
    )[0]!;
    expect((await post(app, `/api/admin/submissions/${returned.id}/return`, { reason: '数字不对' }, da)).status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
  });

  it('holds each union’s documents of the admin’s subtree in its folder, with a list, and nothing of a sibling district or a returned report', async () => {
    const res = await download(da, 'year=2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('报送文件-2025-DA.zip'));
    const files = readZip(res.rawPayload);
    expect(Object.keys(files).sort()).toEqual(
      ['UA UA 工会/__.._etc_passwd', 'UA UA 工会/2-工作总结.txt', 'UA UA 工会/工作总结.txt', '清单.csv'].sort(),
    );
    expect(files['UA UA 工会/工作总结.txt']!.toString()).toBe('甲厂总结');
    expect(files['UA UA 工会/2-工作总结.txt']!.toString()).toBe('同名的第二份');
    const list = files['清单.csv']!.toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(list[0]).toBe('工会代码,工会名称,所属组织,回执号,状态,报送时间,文件');
    expect(list.slice(1).map((l) => l.split(',').filter((_, i) => [0, 3, 4, 6].includes(i)))).toEqual([
      ['UA', 'BS-2025-UA-01', '已报送', 'UA UA 工会/工作总结.txt'],
      ['UA', 'BS-2025-UA-01', '已报送', 'UA UA 工会/2-工作总结.txt'],
      ['UA', 'BS-2025-UA-01', '已报送', 'UA UA 工会/__.._etc_passwd'],
    ]);
  });

  it('refuses a sibling district’s organisation and a year without submissions, and logs each download', async () => {
    const sibling = await download(da, 'year=2025&org=DB');
    expect(sibling.statusCode).toBe(404);
    expect(sibling.json().error).toBe('组织不存在：DB');
    const empty = await download(da, 'year=2024');
    expect(empty.statusCode).toBe(404);
    expect(empty.json().error).toBe('A区总工会 2024 年度还没有已报送的文件');
    expect((await download(da, 'year=20x5')).statusCode).toBe(400);
    const audit = (
      await app.inject({ method: 'GET', url: '/api/admin/audit', headers: { authorization: `Bearer ${da}` } })
    ).json() as AuditEntry[];
    expect(audit.filter((e) => e.action === 'documents-downloaded').map((e) => [e.admin, e.org.code, e.target])).toEqual([
      ['da', 'DA', 'DA 2025'],
    ]);
  });
});
