import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import type { AuditEntry } from '../../../shared/sync/admin';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { post, startServer, unionWithDevices, type TestDevice } from './harness';

const PASSWORD = 'district password';

describe.each(backends())('accepting a report and changing an admin password on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  let device: TestDevice;
  let submissionId = '';
  const login = async (password: string) => {
    const res = await post(app, '/api/admin/login', { name: 'da', password });
    return res.status === 200 ? String(res.body.token) : '';
  };
  const auditOf = async (token: string) =>
    (await app.inject({ method: 'GET', url: '/api/admin/audit', headers: { authorization: `Bearer ${token}` } })).json() as AuditEntry[];

  beforeAll(async () => {
    db = await backend.fresh();
    app = await startServer(db);
    const a = await createOrg(db, ROOT_ORG_ID, { code: 'DA', name: 'A区总工会' });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DA', name: 'da', password: PASSWORD });
    const { unionId, devices } = await unionWithDevices(app, db, 'UA', 1);
    await db.query('UPDATE unions SET org_id = $2 WHERE id = $1', [unionId, a.id]);
    device = devices[0]!;
    const sub = await post(
      app,
      '/api/v1/submissions',
      { v: PROTOCOL_VERSION, year: 2025, recordId: 'sub-ua', facts: {}, documents: [] },
      device.token,
    );
    expect(sub.status).toBe(200);
    submissionId = String((await db.query<{ id: string }>('SELECT id FROM submissions'))[0]!.id);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
  });

  it('accepts a submitted report: the union’s app learns 已接收 on its next pull, and it can no longer be returned', async () => {
    const token = await login(PASSWORD);
    const accepted = await post(app, `/api/admin/submissions/${submissionId}/accept`, {}, token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    await device.sync(app);
    expect(device.get('submissions', 'sub-ua')).toMatchObject({ status: 'accepted', returnReason: '' });
    const overview = await app.inject({
      method: 'GET',
      url: '/api/admin/overview?year=2025',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(overview.json().unions[0].reportStatus).toBe('已接收');

    const again = await post(app, `/api/admin/submissions/${submissionId}/accept`, {}, token);
    expect(again.status).toBe(409);
    const returned = await post(app, `/api/admin/submissions/${submissionId}/return`, { reason: '晚了' }, token);
    expect(returned.status).toBe(409);
    expect(String(returned.body.error)).toContain('尚未退回或接收');
    const resubmit = await post(
      app,
      '/api/v1/submissions',
      { v: PROTOCOL_VERSION, year: 2025, recordId: 'sub-ua', facts: {}, documents: [] },
      device.token,
    );
    expect(resubmit.status).toBe(409);

    const log = (await auditOf(token)).filter((e) => e.action === 'submission-accepted');
    expect(log.map((e) => [e.admin, e.org.code, e.target])).toEqual([['da', 'DA', 'UA BS-2025-UA-01']]);
  });

  it('changes the password only with the current one, ends the admin’s other sessions and logs the change', async () => {
    const token = await login(PASSWORD);
    const other = await login(PASSWORD);
    const wrong = await post(app, '/api/admin/password', { current: 'not it at all', password: 'new district password' }, token);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toBe('当前密码不正确');
    expect(await login('new district password')).toBe('');
    const short = await post(app, '/api/admin/password', { current: PASSWORD, password: 'short' }, token);
    expect(short.status).toBe(400);
    expect(String(short.body.error)).toContain('新密码至少 8 位');

    const changed = await post(app, '/api/admin/password', { current: PASSWORD, password: 'new district password' }, token);
    expect(changed.status).toBe(200);
    expect(await login(PASSWORD)).toBe('');
    expect(await login('new district password')).not.toBe('');
    const stillMine = await app.inject({ method: 'GET', url: '/api/admin/overview', headers: { authorization: `Bearer ${token}` } });
    expect(stillMine.statusCode).toBe(200);
    const ended = await app.inject({ method: 'GET', url: '/api/admin/overview', headers: { authorization: `Bearer ${other}` } });
    expect(ended.statusCode).toBe(401);
    const log = (await auditOf(token)).filter((e) => e.action === 'password-changed');
    expect(log.map((e) => [e.admin, e.org.code])).toEqual([['da', 'DA']]);
  });
});
