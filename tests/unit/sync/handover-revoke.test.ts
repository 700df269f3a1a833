import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/sync/admin';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { ADMIN_PASSWORD, post, serverPerSuite, unionWithDevices, type TestDevice } from './harness';
import { handoverRow } from '../../support/handover-row';

// The record's fields as a device pushes them; the sync metadata comes with each change.
const {
  id: _id,
  updatedAt: _updatedAt,
  deviceId: _deviceId,
  deleted: _deleted,
  ...HANDOVER
} = handoverRow({
  fromDeviceId: 'hodev0',
  syncUnionCode: 'HO',
});

describe.each(backends())('换届交接 on the sync server, on $name', (backend) => {
  const s = serverPerSuite(backend);
  let old: TestDevice;
  let incoming: TestDevice;
  let stranger: TestDevice;
  const revoke = (device: TestDevice, deviceId: string, handoverId = 'h-2025-12-20') =>
    post(s.app, '/api/v1/handover/revoke', { v: PROTOCOL_VERSION, deviceId, handoverId }, device.token);
  const syncStatus = async (device: TestDevice) =>
    (await post(s.app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes: [], cursor: device.cursor }, device.token)).status;

  beforeAll(async () => {
    [old, incoming] = (await unionWithDevices(s.app, s.db, 'HO', 2)).devices as [TestDevice, TestDevice];
    stranger = (await unionWithDevices(s.app, s.db, 'OT', 1)).devices[0]!;
  });

  it('accepts a pushed handover record and hands it to the union’s other devices', async () => {
    const row = old.insert('handovers', HANDOVER);
    await old.sync(s.app);
    await incoming.sync(s.app);
    expect(incoming.get('handovers', row.id)).toMatchObject({ from: '张三', to: '李四', supervisor: '王五', cashFen: 123_456 });
    await stranger.sync(s.app);
    expect(stranger.get('handovers', row.id)).toBeUndefined();
  });

  it('refuses a handover record with a bad value, naming the record and the field in Chinese', async () => {
    const change = {
      changeId: `${old.deviceId}:bad1`,
      table: 'handovers',
      rowId: 'h-bad',
      hlc: old.clock.now(),
      fields: { ...HANDOVER, cashFen: 1.5 },
    };
    const res = await post(s.app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes: [change], cursor: 0 }, old.token);
    expect(res.status).toBe(400);
    expect(String(res.body.error)).toContain('换届交接 h-bad 的“库存现金”：金额应为整数分');
  });

  it('never lets a device of another union revoke a device, nor tell it exists', async () => {
    const res = await revoke(stranger, old.deviceId);
    expect(res.status).toBe(404);
    expect(res.body.error).toBe(`该工会没有此设备：${old.deviceId}`);
    expect(await syncStatus(old)).toBe(200);
  });

  it('lets an older device revoke neither a newer one nor itself', async () => {
    const newer = await revoke(old, incoming.deviceId);
    expect(newer.status).toBe(403);
    expect(newer.body.error).toBe('只能撤销比本机更早注册的设备');
    const own = await revoke(incoming, incoming.deviceId);
    expect(own.status).toBe(400);
    expect(own.body.error).toBe('不能用交接撤销本机自己');
    expect(await syncStatus(incoming)).toBe(200);
    expect(await syncStatus(old)).toBe(200);
  });

  it('refuses a request without a valid token or with a malformed device id', async () => {
    const anonymous = await post(s.app, '/api/v1/handover/revoke', { v: PROTOCOL_VERSION, deviceId: old.deviceId, handoverId: 'h' });
    expect(anonymous.status).toBe(401);
    const malformed = await revoke(incoming, 'not a device id');
    expect(malformed.status).toBe(400);
    expect(String(malformed.body.error)).toContain('设备编号不合法');
  });

  it('revokes the outgoing device for the incoming one, at once, and writes it to the audit log', async () => {
    const res = await revoke(incoming, old.deviceId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ v: PROTOCOL_VERSION, revoked: ['设备0'] });
    expect(await syncStatus(old)).toBe(401);
    expect(await syncStatus(incoming)).toBe(200);

    const again = await revoke(incoming, old.deviceId);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-revoked');

    const admin = String((await post(s.app, '/api/admin/login', { password: ADMIN_PASSWORD })).body.token);
    const audit = (
      await s.app.inject({ method: 'GET', url: '/api/admin/audit', headers: { authorization: `Bearer ${admin}` } })
    ).json() as AuditEntry[];
    const entry = audit.find((e) => e.action === 'device-handed-over');
    expect(entry).toMatchObject({ admin: `设备 ${incoming.deviceId}`, target: 'HO 设备0（交接 h-2025-12-20）' });
    expect(audit.filter((e) => e.action === 'device-handed-over')).toHaveLength(1);
  });
});
