import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import type { DeviceListing } from '../../../shared/sync/admin';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { createUnion, issueCode } from '../../../server/sync/store/unions';
import { backends } from './backends';
import { ADMIN_PASSWORD, MEMBER, post, startServer, TestDevice } from './harness';

const PASSWORD = 'district password';

/**
 * Two app servers on one database, each with its own token cache: on PostgreSQL two connection
 * pools to the same database, as two processes behind a load balancer have; PGlite belongs to one
 * process, so there the two servers share its database object.
 */
describe.each(backends())('revoking a device on $name', (backend) => {
  let db1: Database;
  let db2: Database;
  let one: FastifyInstance;
  let two: FastifyInstance;
  const devices: TestDevice[] = [];
  let unionId = '';
  let otherUnion = '';
  let root = '';
  let district = '';

  const enrol = async (app: FastifyInstance, code: string, enrolmentCode: string, deviceId: string) => {
    const res = await post(app, '/api/v1/enrol', {
      v: PROTOCOL_VERSION,
      unionCode: code,
      enrolmentCode,
      deviceId,
      deviceName: `${deviceId} 电脑`,
    });
    expect(res.status).toBe(200);
    return new TestDevice(deviceId, String(res.body.token));
  };
  const sync = async (app: FastifyInstance, d: TestDevice) =>
    (await post(app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes: [], cursor: d.cursor }, d.token)).status;
  const get = async (app: FastifyInstance, url: string, token: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    return { status: res.statusCode, body: res.json() as unknown };
  };

  beforeAll(async () => {
    db1 = await backend.fresh();
    one = await startServer(db1);
    db2 = backend.name === 'PGlite' ? db1 : await backend.reopen();
    two = await startServer(db2);
    const a = await createOrg(db1, ROOT_ORG_ID, { code: 'DA', name: 'A区总工会' });
    const b = await createOrg(db1, ROOT_ORG_ID, { code: 'DB', name: 'B区总工会' });
    await createAdmin(db1, ROOT_ORG_ID, { orgCode: 'DB', name: 'db', password: PASSWORD });
    const created = await createUnion(db1, 'UA', '甲厂工会', a.id);
    unionId = created.union.id;
    devices.push(await enrol(one, 'UA', created.enrolmentCode, 'pc-office'));
    devices.push(await enrol(two, 'UA', await issueCode(db1, unionId), 'pc-home'));
    const other = await createUnion(db1, 'UB', '乙厂工会', b.id);
    otherUnion = other.union.id;
    root = String((await post(one, '/api/admin/login', { password: ADMIN_PASSWORD })).body.token);
    district = String((await post(two, '/api/admin/login', { name: 'db', password: PASSWORD })).body.token);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    if (db2 !== db1) await db2.close();
    await db1.close();
    await backend.dispose();
  });

  it('lists a union’s devices with their last contact, to the admins of its subtree only', async () => {
    devices[0]!.insert('members', MEMBER);
    await devices[0]!.sync(one);
    const list = await get(one, `/api/admin/unions/${unionId}/devices`, root);
    expect(list.status).toBe(200);
    const listed = list.body as DeviceListing[];
    expect(listed.map((d) => [d.deviceId, d.name, d.revokedAt])).toEqual([
      ['pc-home', 'pc-home 电脑', null],
      ['pc-office', 'pc-office 电脑', null],
    ]);
    expect(listed.find((d) => d.deviceId === 'pc-office')!.lastSeenAt).not.toBeNull();
    expect(listed.find((d) => d.deviceId === 'pc-home')!.lastSeenAt).toBeNull();
    // B district's admin: the union is not in its subtree, whatever it sends.
    expect((await get(two, `/api/admin/unions/${unionId}/devices`, district)).status).toBe(404);
    expect((await post(two, `/api/admin/unions/${unionId}/devices/pc-office/revoke`, {}, district)).status).toBe(404);
    expect((await post(two, `/api/admin/unions/${otherUnion}/devices/${listed[0]!.id}/revoke`, {}, district)).status).toBe(404);
    expect(await sync(one, devices[0]!)).toBe(200);
  });

  it('refuses a revoked token at once on both app servers, though both had it cached', async () => {
    const [office, home] = devices as [TestDevice, TestDevice];
    for (const app of [one, two]) for (const d of [office, home]) expect(await sync(app, d)).toBe(200);
    const revoked = await post(one, `/api/admin/unions/${unionId}/devices/pc-office/revoke`, {}, root);
    expect(revoked.status).toBe(200);
    expect(await sync(two, office)).toBe(401);
    expect(await sync(one, office)).toBe(401);
    expect(
      (await post(two, '/api/v1/submissions', { v: PROTOCOL_VERSION, year: 2025, recordId: 'r', facts: {}, documents: [] }, office.token))
        .status,
    ).toBe(401);
    // The union's other device goes on working on both.
    expect(await sync(two, home)).toBe(200);
    expect(await sync(one, home)).toBe(200);
    const listed = (await get(two, `/api/admin/unions/${unionId}/devices`, root)).body as DeviceListing[];
    expect(listed.find((d) => d.deviceId === 'pc-office')!.revokedAt).not.toBeNull();
    expect((await post(one, `/api/admin/unions/${unionId}/devices/pc-office/revoke`, {}, root)).status).toBe(409);
    expect((await post(one, `/api/admin/unions/${unionId}/devices/no-such-device/revoke`, {}, root)).status).toBe(404);
  });
});
