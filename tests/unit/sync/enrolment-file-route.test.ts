import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import type { AuditEntry } from '../../../shared/sync/admin';
import { readEnrolmentFile } from '../../../shared/sync/package/enrolment-file';
import { writePushPackage } from '../../../shared/sync/package/push-package';
import { buildServer } from '../../../server/sync/app';
import { openPglite, type Database } from '../../../server/sync/db';
import { fileLog } from '../../../server/sync/server-log';
import { initialiseAdmin } from '../../../server/sync/store/admin';
import { importPackage } from '../../../server/sync/store/packages';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { createUnion } from '../../../server/sync/store/unions';
import { ADMIN_PASSWORD, post } from './harness';

const PASSWORD = 'county admin password';

/** 下载注册文件 on the dashboard: a union of the admin's subtree only, logged, the passcode in the answer and nowhere else. */
describe('POST /api/admin/unions/:id/enrolment-file', () => {
  let db: Database;
  let app: FastifyInstance;
  let admin = '';
  const union: Record<string, string> = {};
  const dir = mkdtempSync(join(tmpdir(), 'ub-enrolment-file-'));
  const logFile = join(dir, 'server.log');
  let passcodes: string[] = [];

  beforeAll(async () => {
    db = await openPglite();
    // The server's own log, to check the passcode never reaches it.
    app = await buildServer({ db, log: fileLog(logFile) });
    await initialiseAdmin(db, ADMIN_PASSWORD);
    await createOrg(db, ROOT_ORG_ID, { code: 'XC', name: '县总工会' });
    const town = await createOrg(db, ROOT_ORG_ID, { code: 'XZ', name: '乡镇总工会', parentCode: 'XC' });
    const other = await createOrg(db, ROOT_ORG_ID, { code: 'QT', name: '邻县总工会' });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'XC', name: 'county', password: PASSWORD });
    union.town = (await createUnion(db, 'LC01', '林场工会', town.id)).union.id;
    union.other = (await createUnion(db, 'QT01', '邻县工会', other.id)).union.id;
    admin = String((await post(app, '/api/admin/login', { name: 'county', password: PASSWORD })).body.token);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const issue = (id: string, token = admin) =>
    app.inject({
      method: 'POST',
      url: `/api/admin/unions/${id}/enrolment-file`,
      payload: {},
      headers: { authorization: `Bearer ${token}` },
    });
  const devices = async (id: string) =>
    Number((await db.query<{ n: unknown }>('SELECT count(*) AS n FROM devices WHERE union_id = $1', [id]))[0]?.n);

  it('issues a file for a union of a town under the admin’s county; the passcode opens it and the device it enrols reports by package', async () => {
    const res = await issue(union.town!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { fileName, file, passcode } = res.json() as { fileName: string; file: string; passcode: string };
    expect(fileName).toBe('LC01-注册文件.ubenrol');
    const enrolment = await readEnrolmentFile(Buffer.from(file, 'base64'), passcode);
    expect(enrolment).toMatchObject({ unionCode: 'LC01', unionName: '林场工会' });
    await expect(readEnrolmentFile(Buffer.from(file, 'base64'), 'AAAAA-BBBBB')).rejects.toThrow(/口令不正确/);
    expect(await devices(union.town!)).toBe(1);

    const credentials = { unionCode: 'LC01', enrolmentId: enrolment.enrolmentId, packageKey: enrolment.packageKey };
    const pkg = await writePushPackage({ credentials, seq: 1, changes: [], cursor: 0 });
    const { report } = await importPackage(db, new HybridLogicalClock('servertest'), pkg, { code: 'LC01' });
    expect(report).toMatchObject({ unionCode: 'LC01', seq: 1 });

    const audit = (
      await app.inject({ method: 'GET', url: '/api/admin/audit', headers: { authorization: `Bearer ${admin}` } })
    ).json() as AuditEntry[];
    const entry = audit.find((e) => e.action === 'enrolment-file');
    expect(entry).toMatchObject({ admin: 'county', action: 'enrolment-file', target: 'LC01', org: { code: 'XZ' } });
    expect(JSON.stringify(audit)).not.toContain(passcode);
    passcodes = [passcode];
    const stored = await db.query<{ t: string }>('SELECT row_to_json(d)::text AS t FROM devices d');
    expect(stored.map((r) => r.t).join('\n')).not.toContain(passcode);
  });

  it('refuses a union outside the subtree as missing, and one that does not exist, writing nothing', async () => {
    const audits = async () => Number((await db.query<{ n: unknown }>('SELECT count(*) AS n FROM audit_log'))[0]?.n);
    const before = await audits();
    for (const id of [union.other!, 'no-such-union']) {
      const res = await issue(id);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: '工会不存在' });
    }
    expect(await devices(union.other!)).toBe(0);
    expect(await audits()).toBe(before);
    expect((await issue(union.town!, 'x'.repeat(43))).statusCode).toBe(401);
  });

  it('logs the issue without the passcode', async () => {
    await app.close();
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('admin.enrolment-file');
    expect(passcodes.length).toBe(1);
    for (const p of passcodes) expect(log).not.toContain(p);
  });
});
