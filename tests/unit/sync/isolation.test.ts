import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from './backends';
import { findUnionByCode, issueCode } from '../../../server/sync/store/unions';
import { MEMBER, post, unionWithDevices, type TestDevice, serverPerSuite } from './harness';

describe.each(backends())('one union’s token against another union on $name', (backend) => {
  const s = serverPerSuite(backend);
  let a: TestDevice;
  let b: TestDevice;
  let memberId = '';
  let aSubmissionRecord = '';
  beforeAll(async () => {
    a = (await unionWithDevices(s.app, s.db, 'AAA', 1)).devices[0]!;
    b = (await unionWithDevices(s.app, s.db, 'BBB', 1)).devices[0]!;
    memberId = a.insert('members', { ...MEMBER, name: '甲工会会员' }).id;
    await a.sync(s.app);
    aSubmissionRecord = 'rec-a-2025';
    const sub = await post(
      s.app,
      '/api/v1/submissions',
      { v: 1, year: 2025, recordId: aSubmissionRecord, facts: { a: 1 }, documents: [] },
      a.token,
    );
    expect(sub.status).toBe(200);
  });

  it('pulls nothing of the other union', async () => {
    const res = await post(s.app, '/api/v1/sync', { v: 1, changes: [], cursor: 0 }, b.token);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
  });

  it('writing a row id of the other union only ever touches its own rows', async () => {
    const change = { changeId: `${b.deviceId}:x1`, table: 'members', rowId: memberId, hlc: b.clock.now(), fields: { name: '篡改' } };
    const res = await post(s.app, '/api/v1/sync', { v: 1, changes: [change], cursor: 0 }, b.token);
    expect(res.status).toBe(200);
    const aRows = await post(s.app, '/api/v1/sync', { v: 1, changes: [], cursor: 0 }, a.token);
    const aMember = (aRows.body.rows as { rowId: string; data: { name: string } }[]).find((r) => r.rowId === memberId);
    expect(aMember?.data.name).toBe('甲工会会员');
  });

  it('reusing a change id of the other union does not block that union’s change', async () => {
    const own = a.pending();
    expect(own).toHaveLength(0);
    const change = { changeId: 'shared-id', table: 'members', rowId: 'm-b', hlc: b.clock.now(), fields: { name: '乙' } };
    expect((await post(s.app, '/api/v1/sync', { v: 1, changes: [change], cursor: 0 }, b.token)).status).toBe(200);
    const aChange = { ...change, hlc: a.clock.now(), rowId: 'm-a', fields: { name: '甲' } };
    const res = await post(s.app, '/api/v1/sync', { v: 1, changes: [aChange], cursor: 0 }, a.token);
    expect((res.body.rows as { rowId: string }[]).some((r) => r.rowId === 'm-a')).toBe(true);
  });

  it('cannot read the other union’s submission status nor overwrite its record', async () => {
    const status = await s.app.inject({ method: 'GET', url: '/api/v1/submissions/2025', headers: { authorization: `Bearer ${b.token}` } });
    expect(status.statusCode).toBe(404);
    const sub = await post(
      s.app,
      '/api/v1/submissions',
      { v: 1, year: 2025, recordId: aSubmissionRecord, facts: {}, documents: [] },
      b.token,
    );
    expect(sub.status).toBe(200);
    const aStatus = await s.app.inject({ method: 'GET', url: '/api/v1/submissions/2025', headers: { authorization: `Bearer ${a.token}` } });
    expect(aStatus.json().receiptNumber).toMatch(/AAA/);
  });

  it('cannot revoke the other union’s device through a handover', async () => {
    const res = await post(s.app, '/api/v1/handover/revoke', { v: 1, deviceId: a.deviceId, handoverId: 'h1' }, b.token);
    expect(res.status).toBe(404);
    expect((await post(s.app, '/api/v1/sync', { v: 1, changes: [], cursor: 0 }, a.token)).status).toBe(200);
  });

  it('cannot enrol into the other union with its own code, nor use admin routes', async () => {
    const bUnion = await findUnionByCode(s.db, 'BBB');
    const enrolmentCode = await issueCode(s.db, bUnion!.id);
    const res = await post(s.app, '/api/v1/enrol', { v: 1, unionCode: 'AAA', enrolmentCode, deviceId: 'intruder', deviceName: '' });
    expect(res.status).toBe(403);
    for (const [method, url] of [
      ['GET', '/api/admin/overview'],
      ['POST', '/api/admin/unions'],
      ['POST', '/api/admin/published'],
      ['POST', '/api/admin/submissions/x/return'],
      ['GET', '/api/admin/submissions/x/documents/0'],
    ] as const) {
      const r = await s.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${b.token}` },
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect(r.statusCode, url).toBe(401);
    }
  });

  it('refuses every device route without a valid token', async () => {
    for (const [method, url] of [
      ['POST', '/api/v1/sync'],
      ['POST', '/api/v1/submissions'],
      ['GET', '/api/v1/submissions/2025'],
      ['POST', '/api/v1/handover/revoke'],
    ] as const) {
      const r = await s.app.inject({
        method,
        url,
        headers: { authorization: 'Bearer not-a-real-token-at-all' },
        ...(method === 'POST' ? { payload: { v: 1 } } : {}),
      });
      expect(r.statusCode, url).toBe(401);
      expect(r.json().error).toMatch(/注册/);
    }
  });
});
