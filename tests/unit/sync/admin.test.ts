import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/sync/app';
import { openPglite, type Database } from '../../../server/sync/db';
import { initialiseAdmin } from '../../../server/sync/store/admin';
import type { AdminOverview } from '../../../shared/sync/admin';
import { backends } from './backends';
import { ADMIN_PASSWORD, MEMBER, post, startServer, TestDevice } from './harness';

describe.each(backends())('the upper union’s admin API on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  let admin = '';
  let device: TestDevice;
  beforeAll(async () => {
    db = await backend.fresh();
    app = await startServer(db);
    const login = await post(app, '/api/admin/login', { password: ADMIN_PASSWORD });
    admin = String(login.body.token);
    const created = await post(app, '/api/admin/unions', { code: 'ADM1', name: '第一机械厂工会' }, admin);
    expect(created.status).toBe(200);
    const enrol = await post(app, '/api/v1/enrol', {
      v: 1,
      unionCode: 'ADM1',
      enrolmentCode: created.body.enrolmentCode,
      deviceId: 'adm1dev',
      deviceName: '',
    });
    expect(enrol.status).toBe(200);
    device = new TestDevice('adm1dev', String(enrol.body.token));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
  });

  it('keeps the password set at first initialisation and refuses a wrong one', async () => {
    expect(await initialiseAdmin(db, 'another password')).toBe(false);
    const wrong = await post(app, '/api/admin/login', { password: 'another password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('密码不正确');
  });

  it('spends an enrolment code once', async () => {
    const again = await post(app, '/api/admin/unions/x/codes', {}, admin);
    expect(again.status).toBe(404);
    const { unions } = (
      await app.inject({ method: 'GET', url: '/api/admin/overview', headers: { authorization: `Bearer ${admin}` } })
    ).json() as AdminOverview;
    const code = await post(app, `/api/admin/unions/${unions[0]!.id}/codes`, {}, admin);
    const first = await post(app, '/api/v1/enrol', {
      v: 1,
      unionCode: 'ADM1',
      enrolmentCode: String(code.body.enrolmentCode).toLowerCase(),
      deviceId: 'd2',
      deviceName: '',
    });
    expect(first.status).toBe(200);
    const second = await post(app, '/api/v1/enrol', {
      v: 1,
      unionCode: 'ADM1',
      enrolmentCode: code.body.enrolmentCode,
      deviceId: 'd3',
      deviceName: '',
    });
    expect(second.status).toBe(403);
    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM devices');
    expect(stored.every((d) => /^[0-9a-f]{64}$/.test(d.token_hash))).toBe(true);
    expect(stored.some((d) => d.token_hash === first.body.token)).toBe(false);
  });

  it('shows each union’s figures and the totals computed from synced rows', async () => {
    const year = new Date().getFullYear();
    const w = device.insert('members', { ...MEMBER, name: '李梅', gender: '女', isMigrantWorker: true });
    device.insert('members', { ...MEMBER, name: '王五' });
    device.insert('members', { ...MEMBER, name: '已离会', status: 'left' });
    device.insert('duesPayments', {
      memberId: w.id,
      month: `${year}-01`,
      amountFen: 2500,
      paidDate: `${year}-01-15`,
      method: '现金',
      receiptNumber: '',
      reversalOf: '',
      batchId: '',
    });
    device.insert('duesPayments', {
      memberId: w.id,
      month: `${year - 1}-12`,
      amountFen: 9900,
      paidDate: `${year - 1}-12-15`,
      method: '现金',
      receiptNumber: '',
      reversalOf: '',
      batchId: '',
    });
    await device.sync(app);
    const overview = (
      await app.inject({ method: 'GET', url: `/api/admin/overview?year=${year}`, headers: { authorization: `Bearer ${admin}` } })
    ).json() as AdminOverview;
    expect(overview.unions[0]).toMatchObject({
      code: 'ADM1',
      members: 2,
      women: 1,
      farmerWorkers: 1,
      duesCollectedFen: 2500,
      reportStatus: '未报送',
    });
    expect(overview.unions[0]!.lastSyncAt).not.toBeNull();
    expect(overview.totals).toMatchObject({ unions: 1, members: 2, women: 1, farmerWorkers: 1, duesCollectedFen: 2500 });
  });

  it('receives a report, serves its document, returns it with a reason that reaches the device', async () => {
    const doc = Buffer.from('年度工作总结').toString('base64');
    const sub = await post(
      app,
      '/api/v1/submissions',
      {
        v: 1,
        year: 2025,
        recordId: 'sub-2025',
        facts: { members: 2 },
        documents: [{ name: '工作总结.docx', mimeType: 'application/octet-stream', base64: doc }],
      },
      device.token,
    );
    expect(sub.status).toBe(200);
    expect(sub.body.receiptNumber).toBe('BS-2025-ADM1-01');
    const twice = await post(
      app,
      '/api/v1/submissions',
      { v: 1, year: 2025, recordId: 'sub-2025', facts: {}, documents: [] },
      device.token,
    );
    expect(twice.status).toBe(409);

    const overview = (
      await app.inject({ method: 'GET', url: '/api/admin/overview?year=2025', headers: { authorization: `Bearer ${admin}` } })
    ).json() as AdminOverview;
    const row = overview.unions[0]!;
    expect(row.reportStatus).toBe('已报送');
    const file = await app.inject({
      method: 'GET',
      url: `/api/admin/submissions/${row.submissionId}/documents/0`,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.toString()).toBe('年度工作总结');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('工作总结.docx'));

    const empty = await post(app, `/api/admin/submissions/${row.submissionId}/return`, { reason: ' ' }, admin);
    expect(empty.status).toBe(400);
    const returned = await post(
      app,
      `/api/admin/submissions/${row.submissionId}/return`,
      { reason: '会费收缴率有误，请核对后重报' },
      admin,
    );
    expect(returned.status).toBe(200);
    await device.sync(app);
    expect(device.get('submissions', 'sub-2025')).toMatchObject({
      status: 'returned',
      returnReason: '会费收缴率有误，请核对后重报',
      receiptNumber: 'BS-2025-ADM1-01',
    });
    const status = await app.inject({
      method: 'GET',
      url: '/api/v1/submissions/2025',
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(status.json()).toMatchObject({ status: 'returned', returnReason: '会费收缴率有误，请核对后重报' });
    const resubmit = await post(
      app,
      '/api/v1/submissions',
      { v: 1, year: 2025, recordId: 'sub-2025', facts: {}, documents: [] },
      device.token,
    );
    expect(resubmit.body.receiptNumber).toBe('BS-2025-ADM1-02');
  });

  it('publishes a preset and a template that come down with the next sync', async () => {
    const bad = await post(app, '/api/admin/published', { kind: 'preset', name: '标准', payload: { presetId: 'mars-2030' } }, admin);
    expect(bad.status).toBe(400);
    expect(
      (
        await post(
          app,
          '/api/admin/published',
          { kind: 'preset', name: '安徽省标准', payload: { presetId: 'anhui-2018', note: '按皖工发〔2018〕执行' } },
          admin,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await post(
          app,
          '/api/admin/published',
          { kind: 'template', name: '年度总结（上级范本）', payload: { kind: 'annual-summary', source: '# {{ union.name }}' } },
          admin,
        )
      ).status,
    ).toBe(200);
    const res = await post(app, '/api/v1/sync', { v: 1, changes: [], cursor: device.cursor }, device.token);
    expect((res.body.published as { name: string }[]).map((p) => p.name)).toEqual(['安徽省标准', '年度总结（上级范本）']);
  });

  it('rate-limits admin login and enrolment', async () => {
    // The limiter sits in front of the database, so an empty in-memory one is enough here.
    const limitedDb = await openPglite();
    const limited = await buildServer({ db: limitedDb, authRateLimit: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await post(limited, '/api/admin/login', { password: 'guess' + i })).status);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    const enrol: number[] = [];
    for (let i = 0; i < 4; i++)
      enrol.push(
        (await post(limited, '/api/v1/enrol', { v: 1, unionCode: 'ADM1', enrolmentCode: 'NOPE-NOPE', deviceId: 'x', deviceName: '' }))
          .status,
      );
    expect(enrol).toEqual([403, 403, 403, 429]);
    const body = (await post(limited, '/api/admin/login', { password: 'x' })).body;
    expect(body.error).toMatch(/尝试次数过多/);
    await limited.close();
    await limitedDb.close();
  });
});
