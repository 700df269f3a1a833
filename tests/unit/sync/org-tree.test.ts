import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { createUnion } from '../../../server/sync/store/unions';
import type { AdminOverview } from '../../../shared/sync/admin';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { ADMIN_PASSWORD, MEMBER, post, startServer, TestDevice } from './harness';

const PASSWORD = 'district password';

async function get(app: FastifyInstance, url: string, token: string) {
  const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, body: res.body };
}

describe.each(backends())('the organisation tree on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  const devices: Record<string, TestDevice> = {};
  const unionIds: Record<string, string> = {};
  const submissionOf: Record<string, string> = {};
  let root = '';
  let districtA = '';

  beforeAll(async () => {
    db = await backend.fresh();
    app = await startServer(db);
    // 市总 → A 区 → A1 镇, and 市总 → B 区; a union in each district and one in the town.
    const a = await createOrg(db, ROOT_ORG_ID, { code: 'DA', name: 'A区总工会' });
    await createOrg(db, ROOT_ORG_ID, { code: 'TA1', name: 'A1镇总工会', parentCode: 'DA' });
    const b = await createOrg(db, ROOT_ORG_ID, { code: 'DB', name: 'B区总工会' });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DA', name: 'da', password: PASSWORD });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DB', name: 'db', password: PASSWORD });
    const town = (await db.query<{ id: string }>("SELECT id FROM orgs WHERE code = 'TA1'"))[0]!.id;
    for (const [code, org] of [
      ['UA', a.id],
      ['UA1', town],
      ['UB', b.id],
    ] as const) {
      const { union, enrolmentCode } = await createUnion(db, code, `${code} 工会`, org);
      unionIds[code] = union.id;
      const enrol = await post(app, '/api/v1/enrol', {
        v: PROTOCOL_VERSION,
        unionCode: code,
        enrolmentCode,
        deviceId: `${code}dev`,
        deviceName: '',
      });
      const device = new TestDevice(`${code}dev`, String(enrol.body.token));
      device.insert('members', { ...MEMBER, gender: '女' });
      await device.sync(app);
      const doc = Buffer.from(`${code} 总结`).toString('base64');
      const sub = await post(
        app,
        '/api/v1/submissions',
        {
          v: 1,
          year: 2025,
          recordId: `sub-${code}`,
          facts: {},
          documents: [{ name: '总结.docx', mimeType: 'application/octet-stream', base64: doc }],
        },
        device.token,
      );
      expect(sub.status).toBe(200);
      devices[code] = device;
    }
    root = String((await post(app, '/api/admin/login', { password: ADMIN_PASSWORD })).body.token);
    const all = JSON.parse((await get(app, '/api/admin/overview?year=2025', root)).body) as AdminOverview;
    for (const u of all.unions) submissionOf[u.code] = u.submissionId!;
    const login = await post(app, '/api/admin/login', { name: 'da', password: PASSWORD });
    expect(login.status).toBe(200);
    districtA = String(login.body.token);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
  });

  it('shows a district admin its own subtree and the root everything, rolled up per organisation', async () => {
    const mine = JSON.parse((await get(app, '/api/admin/overview?year=2025', districtA)).body) as AdminOverview;
    expect(mine.unions.map((u) => u.code)).toEqual(['UA', 'UA1']);
    expect(mine.orgs.map((o) => [o.code, o.depth, o.totals.unions, o.totals.members])).toEqual([
      ['DA', 0, 2, 2],
      ['TA1', 1, 1, 1],
    ]);
    expect(mine.totals).toMatchObject({ unions: 2, members: 2, women: 2, submitted: 2 });
    const all = JSON.parse((await get(app, '/api/admin/overview?year=2025', root)).body) as AdminOverview;
    expect(all.unions.map((u) => u.code)).toEqual(['UA', 'UA1', 'UB']);
    expect(all.orgs.find((o) => o.code === 'ROOT')!.totals).toMatchObject({ unions: 3, members: 3 });
    expect(all.orgs.find((o) => o.code === 'DB')!.totals).toMatchObject({ unions: 1, members: 1 });
  });

  it('refuses a district admin everything under a sibling district, whatever ids it sends', async () => {
    const b = unionIds.UB!;
    const subB = submissionOf.UB!;
    const before = await db.query('SELECT count(*) AS n FROM enrolment_codes');
    expect((await post(app, `/api/admin/unions/${b}/codes`, {}, districtA)).status).toBe(404);
    expect((await get(app, `/api/admin/submissions/${subB}/documents/0`, districtA)).status).toBe(404);
    expect((await post(app, `/api/admin/submissions/${subB}/return`, { reason: '越权退回' }, districtA)).status).toBe(404);
    expect((await post(app, '/api/admin/unions', { code: 'SNEAK', name: '越权工会', org: 'DB' }, districtA)).status).toBe(404);
    expect((await post(app, '/api/admin/unions', { code: 'SNEAK2', name: '越权工会', org: 'ROOT' }, districtA)).status).toBe(404);
    expect((await post(app, '/api/admin/orgs', { code: 'SNEAKORG', name: '越权组织', parent: 'DB' }, districtA)).status).toBe(404);
    expect(await db.query('SELECT count(*) AS n FROM enrolment_codes')).toEqual(before);
    expect(await db.query("SELECT code FROM unions WHERE code LIKE 'SNEAK%' UNION SELECT code FROM orgs WHERE code LIKE 'SNEAK%'")).toEqual(
      [],
    );
    expect((await db.query<{ status: string }>('SELECT status FROM submissions WHERE id = $1', [subB]))[0]!.status).toBe('submitted');
    // The same requests within its own subtree succeed.
    expect((await post(app, `/api/admin/unions/${unionIds.UA1}/codes`, {}, districtA)).status).toBe(200);
    expect((await get(app, `/api/admin/submissions/${submissionOf.UA1}/documents/0`, districtA)).body).toBe('UA1 总结');
    expect((await post(app, `/api/admin/submissions/${submissionOf.UA1}/return`, { reason: '请补充' }, districtA)).status).toBe(200);
    expect((await post(app, '/api/admin/unions', { code: 'UA2', name: '新工会', org: 'TA1' }, districtA)).status).toBe(200);
    await devices.UA1!.sync(app);
    expect(devices.UA1!.get('submissions', 'sub-UA1')).toMatchObject({ status: 'returned', returnReason: '请补充' });
  });

  it('delivers what a district publishes to its own unions only, and the root’s to all', async () => {
    const notice = { kind: 'template', name: 'A区范本', payload: { kind: 'other', source: '# A区' } };
    expect((await post(app, '/api/admin/published', notice, districtA)).status).toBe(200);
    expect(
      (await post(app, '/api/admin/published', { kind: 'preset', name: '全市标准', payload: { presetId: 'anhui-2018' } }, root)).status,
    ).toBe(200);
    const received = async (code: string) => {
      const res = await post(app, '/api/v1/sync', { v: 1, changes: [], cursor: devices[code]!.cursor }, devices[code]!.token);
      return (res.body.published as { name: string }[]).map((p) => p.name);
    };
    expect(await received('UA1')).toEqual(['A区范本', '全市标准']);
    expect(await received('UB')).toEqual(['全市标准']);
    const listB = await post(app, '/api/admin/login', { name: 'db', password: PASSWORD });
    const seenByB = JSON.parse((await get(app, '/api/admin/published', String(listB.body.token))).body) as { name: string }[];
    expect(seenByB).toEqual([]);
  });

  it('refuses a wrong password or an unknown admin name', async () => {
    expect((await post(app, '/api/admin/login', { name: 'da', password: ADMIN_PASSWORD })).status).toBe(401);
    expect((await post(app, '/api/admin/login', { name: 'nobody', password: PASSWORD })).status).toBe(401);
  });
});
