import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { createUnion } from '../../../server/sync/store/unions';
import type { AuditEntry } from '../../../shared/sync/admin';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { ADMIN_PASSWORD, post, startServer } from './harness';

const PASSWORD = 'district password';

describe.each(backends())('the admins’ audit log on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  const ids: Record<string, string> = {};
  const login = async (name: string | undefined, password: string, remoteAddress = '127.0.0.1') => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/login',
      payload: name ? { name, password } : { password },
      remoteAddress,
    });
    return res.statusCode === 200 ? String(res.json().token) : '';
  };
  const auditOf = async (token: string) =>
    (await app.inject({ method: 'GET', url: '/api/admin/audit', headers: { authorization: `Bearer ${token}` } })).json() as AuditEntry[];

  beforeAll(async () => {
    db = await backend.fresh();
    app = await startServer(db);
    const a = await createOrg(db, ROOT_ORG_ID, { code: 'DA', name: 'A区总工会' });
    const b = await createOrg(db, ROOT_ORG_ID, { code: 'DB', name: 'B区总工会' });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DA', name: 'da', password: PASSWORD });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DB', name: 'db', password: PASSWORD });
    const ua = await createUnion(db, 'UA', '甲厂工会', a.id);
    ids.UA = ua.union.id;
    ids.UB = (await createUnion(db, 'UB', '乙厂工会', b.id)).union.id;
    const enrol = await post(app, '/api/v1/enrol', {
      v: PROTOCOL_VERSION,
      unionCode: 'UA',
      enrolmentCode: ua.enrolmentCode,
      deviceId: 'pc-a',
      deviceName: '办公室电脑',
    });
    const sub = await post(
      app,
      '/api/v1/submissions',
      { v: PROTOCOL_VERSION, year: 2025, recordId: 'sub-ua', facts: {}, documents: [] },
      String(enrol.body.token),
    );
    expect(sub.status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
  });

  it('records each admin action with who, when and from where, for the organisation it concerns', async () => {
    expect(await login('da', 'wrong password', '203.0.113.7')).toBe('');
    const da = await login('da', PASSWORD, '198.51.100.2');
    expect((await post(app, '/api/admin/unions', { code: 'UA2', name: '丙厂工会' }, da)).status).toBe(200);
    expect((await post(app, `/api/admin/unions/${ids.UA}/codes`, {}, da)).status).toBe(200);
    expect(
      (await post(app, '/api/admin/published', { kind: 'preset', name: 'A区标准', payload: { presetId: 'anhui-2018' } }, da)).status,
    ).toBe(200);
    expect((await post(app, `/api/admin/unions/${ids.UA}/devices/pc-a/revoke`, {}, da)).status).toBe(200);
    const root = await login(undefined, ADMIN_PASSWORD);
    const submission = (await db.query<{ id: string }>("SELECT id FROM submissions WHERE record_id = 'sub-ua'"))[0]!.id;
    expect((await post(app, `/api/admin/submissions/${submission}/return`, { reason: '请补充' }, root)).status).toBe(200);
    const db_ = await login('db', PASSWORD);
    // Refused attempts outside the subtree change nothing and are not the district's actions.
    expect((await post(app, `/api/admin/unions/${ids.UA}/codes`, {}, db_)).status).toBe(404);

    const seenByA = await auditOf(da);
    expect(seenByA.map((e) => [e.action, e.admin, e.org.code, e.target]).reverse()).toEqual([
      ['login-failed', 'da', 'DA', ''],
      ['login', 'da', 'DA', ''],
      ['union-created', 'da', 'DA', 'UA2'],
      ['code-issued', 'da', 'DA', 'UA'],
      ['published', 'da', 'DA', 'A区标准'],
      ['device-revoked', 'da', 'DA', 'UA 办公室电脑'],
      ['submission-returned', 'admin', 'DA', 'UA BS-2025-UA-01'],
    ]);
    expect(seenByA.find((e) => e.action === 'login-failed')!.address).toBe('203.0.113.7');
    expect(seenByA.find((e) => e.action === 'login')!.address).toBe('198.51.100.2');
    expect(Date.now() - Date.parse(seenByA[0]!.at)).toBeLessThan(10 * 60_000);
    // B district sees its own login only; the root sees every organisation's.
    expect((await auditOf(db_)).map((e) => [e.action, e.admin])).toEqual([['login', 'db']]);
    const all = await auditOf(root);
    expect(all).toHaveLength(seenByA.length + 2);
    expect(all.filter((e) => e.org.code === 'ROOT').map((e) => e.action)).toEqual(['login']);
  });

  it('is append-only: an update or a delete changes nothing', async () => {
    const before = await db.query('SELECT * FROM audit_log ORDER BY id');
    expect(before.length).toBeGreaterThan(5);
    await db.query("UPDATE audit_log SET admin_name = 'someone else', address = ''");
    await db.query('DELETE FROM audit_log');
    expect(await db.query('SELECT * FROM audit_log ORDER BY id')).toEqual(before);
  });

  it('answers only a signed-in admin', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/admin/audit' })).statusCode).toBe(401);
  });
});
