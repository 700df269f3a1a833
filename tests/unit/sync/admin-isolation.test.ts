import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { findUnionByCode } from '../../../server/sync/store/unions';
import type { AdminOverview, AuditEntry, DeviceListing } from '../../../shared/sync/admin';
import { PROTOCOL_VERSION, type SyncResponse } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { countWrites, MEMBER, post, startServer, unionWithDevices, type TestDevice } from './harness';
import { offlineUnion } from './package-helpers';
import { readEnrolmentFile } from '../../../shared/sync/package/enrolment-file';

const A_PASSWORD = 'district A password';
const B_PASSWORD = 'district B password';

/**
 * Every route the server answers, read from the Fastify instance itself (its printed route tree:
 * a child line's path continues its parent's), so that a route added later has to join the table.
 */
function routesOf(app: FastifyInstance): string[] {
  const out: string[] = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (parents[depth - 1] ?? '') + m[2]!;
    parents[depth] = path;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) if (method !== 'HEAD') out.push(`${method} ${path}`);
  }
  return out;
}

/** Routes no admin or device token opens, none naming a union or an organisation: the devices' CORS preflight (/api/v1/*) and the health check. */
const UNSCOPED = ['OPTIONS *', 'GET /api/health'];

describe.each(backends())('district A against district B, on every route, on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  const token: Record<'a' | 'a2' | 'aLogout' | 'b', string> = { a: '', a2: '', aLogout: '', b: '' };
  const unions: Record<string, { id: string; devices: TestDevice[] }> = {};
  const submission: Record<string, string> = {};
  let bNotice = '';

  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${who}` },
      ...(method === 'POST' ? { payload: payload ?? {} } : {}),
    });
    return { status: res.statusCode, text: res.body, res };
  };
  const statusOf = async (id: string) =>
    (await db.query<{ status: string }>('SELECT status FROM submissions WHERE id = $1', [id]))[0]!.status;
  const count = async (sql: string) => Number((await db.query<{ n: unknown }>(sql))[0]!.n);
  const pull = async (device: TestDevice) => {
    const res = await post(app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes: [], cursor: 0 }, device.token);
    expect(res.status).toBe(200);
    return res.body as unknown as SyncResponse;
  };
  const login = async (name: string, password: string) => String((await post(app, '/api/admin/login', { name, password })).body.token);
  /** Nothing of district B in an answer to A: neither its organisations nor its unions, by code or name. */
  const nothingOfB = (text: string) => {
    for (const mark of ['"DB"', '"TB"', 'UB', 'B区', '乙']) expect(text).not.toContain(mark);
  };

  beforeAll(async () => {
    db = await backend.fresh();
    app = await startServer(db);
    const a = await createOrg(db, ROOT_ORG_ID, { code: 'DA', name: 'A区总工会' });
    const b = await createOrg(db, ROOT_ORG_ID, { code: 'DB', name: 'B区总工会' });
    const town = await createOrg(db, ROOT_ORG_ID, { code: 'TB', name: 'B区街道总工会', parentCode: 'DB' });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DA', name: 'da', password: A_PASSWORD });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DA', name: 'da2', password: A_PASSWORD });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DB', name: 'dbadm', password: B_PASSWORD });
    for (const [code, org, devices] of [
      ['UA', a.id, 1],
      ['UB', town.id, 2],
      ['UB2', b.id, 1],
      ['UB3', b.id, 1],
    ] as const) {
      const made = await unionWithDevices(app, db, code, devices);
      await db.query('UPDATE unions SET org_id = $2, name = $3 WHERE id = $1', [
        made.unionId,
        org,
        code === 'UA' ? '甲厂工会' : `乙厂工会${code}`,
      ]);
      unions[code] = { id: made.unionId, devices: made.devices };
      const device = made.devices[0]!;
      device.insert('members', { ...MEMBER, name: code === 'UA' ? '甲会员' : '乙会员' });
      await device.sync(app);
      const sub = await post(
        app,
        '/api/v1/submissions',
        {
          v: PROTOCOL_VERSION,
          year: 2025,
          recordId: `sub-${code}`,
          facts: {},
          documents: [{ name: `${code}总结.txt`, mimeType: 'text/plain', base64: Buffer.from(code).toString('base64') }],
        },
        device.token,
      );
      expect(sub.status).toBe(200);
      submission[code] = (await db.query<{ id: string }>('SELECT id FROM submissions WHERE union_id = $1', [made.unionId]))[0]!.id;
    }
    token.a = await login('da', A_PASSWORD);
    token.a2 = await login('da2', A_PASSWORD);
    token.aLogout = await login('da', A_PASSWORD);
    token.b = await login('dbadm', B_PASSWORD);
    expect(
      (await call(token.b, 'POST', '/api/admin/published', { kind: 'preset', name: '乙区标准', payload: { presetId: 'anhui-2018' } }))
        .status,
    ).toBe(200);
    const notice = await call(token.b, 'POST', '/api/admin/notices', {
      title: '乙区通知',
      body: '乙区正文',
      attachment: { name: '乙附件.txt', mimeType: 'text/plain', base64: Buffer.from('乙').toString('base64') },
    });
    expect(notice.status).toBe(200);
    bNotice = String(notice.res.json().id);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
  });

  /**
   * One case per route: what district A's admin (or union UA's token) tries against district B,
   * and that it fails; where the same request by B's own admin or union would succeed, that is
   * checked too, so a case cannot pass by asking for something that does not exist.
   */
  const cases: Record<string, () => Promise<void>> = {
    'POST /api/admin/login': async () => {
      expect((await post(app, '/api/admin/login', { name: 'dbadm', password: A_PASSWORD })).status).toBe(401);
      expect((await post(app, '/api/admin/login', { name: 'dbadm', password: B_PASSWORD })).status).toBe(200);
    },
    'POST /api/admin/logout': async () => {
      expect((await call(token.aLogout, 'POST', '/api/admin/logout')).status).toBe(200);
      expect((await call(token.aLogout, 'GET', '/api/admin/overview')).status).toBe(401);
      expect((await call(token.b, 'GET', '/api/admin/overview')).status).toBe(200);
    },
    'GET /api/admin/overview': async () => {
      const mine = await call(token.a, 'GET', '/api/admin/overview?year=2025');
      expect((mine.res.json() as AdminOverview).unions.map((u) => u.code)).toEqual(['UA']);
      nothingOfB(mine.text);
      expect((await call(token.b, 'GET', '/api/admin/overview?year=2025')).text).toContain('UB');
      // Paging, filtering and searching stay inside the subtree: B's organisations are missing, B's unions never match.
      for (const org of ['DB', 'TB']) {
        const other = await call(token.a, 'GET', `/api/admin/overview?year=2025&org=${org}&limit=500`);
        expect(other.status).toBe(404);
        nothingOfB(other.text);
      }
      for (const query of ['q=UB', 'offset=1&limit=1', 'status=未报送&limit=500', 'sort=name&order=desc']) {
        const page = await call(token.a, 'GET', `/api/admin/overview?year=2025&${encodeURI(query)}`);
        expect(page.status).toBe(200);
        expect((page.res.json() as AdminOverview).unions.every((u) => u.code === 'UA')).toBe(true);
        nothingOfB(page.text);
      }
      expect((await call(token.b, 'GET', '/api/admin/overview?year=2025&org=TB&q=UB')).text).toContain('UB');
      expect((await call(token.a, 'GET', '/api/admin/overview?year=2025&limit=0')).status).toBe(400);
    },
    'POST /api/admin/orgs': async () => {
      const before = await count('SELECT count(*) AS n FROM orgs');
      expect((await call(token.a, 'POST', '/api/admin/orgs', { code: 'XA', name: '越界', parent: 'TB' })).status).toBe(404);
      expect(await count('SELECT count(*) AS n FROM orgs')).toBe(before);
      expect((await call(token.b, 'POST', '/api/admin/orgs', { code: 'XB', name: '乙区新街道', parent: 'TB' })).status).toBe(200);
    },
    'GET /api/admin/annual-stats': async () => {
      expect((await call(token.a, 'GET', '/api/admin/annual-stats?year=2025&org=DB')).status).toBe(404);
      expect((await call(token.a, 'GET', '/api/admin/annual-stats?year=2025&org=TB')).status).toBe(404);
      expect((await call(token.b, 'GET', '/api/admin/annual-stats?year=2025&org=TB')).status).toBe(200);
    },
    'GET /api/admin/audit': async () => {
      const entries = (await call(token.a, 'GET', '/api/admin/audit')).res.json() as AuditEntry[];
      expect(entries.length).toBeGreaterThan(0);
      expect(new Set(entries.map((e) => e.org.code))).toEqual(new Set(['DA']));
      const theirs = (await call(token.b, 'GET', '/api/admin/audit')).res.json() as AuditEntry[];
      expect(theirs.some((e) => e.org.code === 'DB')).toBe(true);
    },
    'POST /api/admin/unions': async () => {
      const before = await count('SELECT count(*) AS n FROM unions');
      expect((await call(token.a, 'POST', '/api/admin/unions', { code: 'XU', name: '越界工会', org: 'TB' })).status).toBe(404);
      expect(await count('SELECT count(*) AS n FROM unions')).toBe(before);
      expect((await call(token.b, 'POST', '/api/admin/unions', { code: 'XU', name: '乙区新工会', org: 'TB' })).status).toBe(200);
    },
    'POST /api/admin/unions/:id/codes': async () => {
      const before = await count('SELECT count(*) AS n FROM enrolment_codes');
      expect((await call(token.a, 'POST', `/api/admin/unions/${unions.UB!.id}/codes`)).status).toBe(404);
      expect(await count('SELECT count(*) AS n FROM enrolment_codes')).toBe(before);
      expect((await call(token.b, 'POST', `/api/admin/unions/${unions.UB!.id}/codes`)).status).toBe(200);
    },
    'POST /api/admin/unions/:id/packages': async () => {
      // An offline union of B's town, and its package carried to A's admin.
      const { unionId, device } = await offlineUnion(db, 'UP');
      const [town] = await db.query<{ id: string }>("SELECT id FROM orgs WHERE code = 'TB'");
      await db.query('UPDATE unions SET org_id = $1 WHERE id = $2', [town!.id, unionId]);
      device.insert('members', MEMBER);
      const pkg = Buffer.from(await device.exportPackage());
      const upload = (who: string, id: string) =>
        app.inject({
          method: 'POST',
          url: `/api/admin/unions/${id}/packages`,
          payload: pkg,
          headers: { authorization: `Bearer ${who}`, 'content-type': 'application/octet-stream' },
        });
      const before = await countWrites(db);
      expect((await upload(token.a, unionId)).statusCode).toBe(404);
      // Under A's own union the package is not that union's: refused too.
      expect((await upload(token.a, unions.UA!.id)).statusCode).toBeGreaterThanOrEqual(400);
      expect(await countWrites(db)).toEqual(before);
      expect((await upload(token.b, unionId)).statusCode).toBe(200);
    },
    'POST /api/admin/unions/:id/enrolment-file': async () => {
      const devices = () => count(`SELECT count(*) AS n FROM devices WHERE union_id = '${unions.UB!.id}'`);
      const before = await devices();
      const theirs = await call(token.a, 'POST', `/api/admin/unions/${unions.UB!.id}/enrolment-file`);
      expect(theirs.status).toBe(404);
      expect(theirs.text).not.toContain('passcode');
      expect(await devices()).toBe(before);
      const own = await call(token.b, 'POST', `/api/admin/unions/${unions.UB!.id}/enrolment-file`);
      expect(own.status).toBe(200);
      const { file, passcode } = own.res.json() as { file: string; passcode: string };
      expect((await readEnrolmentFile(Buffer.from(file, 'base64'), passcode)).unionCode).toBe('UB');
      expect(await devices()).toBe(before + 1);
    },
    'GET /api/admin/unions/:id/devices': async () => {
      expect((await call(token.a, 'GET', `/api/admin/unions/${unions.UB!.id}/devices`)).status).toBe(404);
      expect((await call(token.b, 'GET', `/api/admin/unions/${unions.UB!.id}/devices`)).status).toBe(200);
    },
    'POST /api/admin/unions/:id/devices/:device/revoke': async () => {
      const devices = (await call(token.b, 'GET', `/api/admin/unions/${unions.UB!.id}/devices`)).res.json() as DeviceListing[];
      const first = devices.find((d) => d.deviceId === unions.UB!.devices[0]!.deviceId);
      const second = devices.find((d) => d.deviceId === unions.UB!.devices[1]!.deviceId);
      // Their union's id with their device, and A's own union's id with their device: both missing.
      expect((await call(token.a, 'POST', `/api/admin/unions/${unions.UB!.id}/devices/${first!.id}/revoke`)).status).toBe(404);
      expect((await call(token.a, 'POST', `/api/admin/unions/${unions.UA!.id}/devices/${first!.id}/revoke`)).status).toBe(404);
      await pull(unions.UB!.devices[0]!);
      expect((await call(token.b, 'POST', `/api/admin/unions/${unions.UB!.id}/devices/${second!.id}/revoke`)).status).toBe(200);
      expect((await post(app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes: [], cursor: 0 }, unions.UB!.devices[1]!.token)).status).toBe(
        401,
      );
    },
    'GET /api/admin/submissions/:id/documents/:index': async () => {
      expect((await call(token.a, 'GET', `/api/admin/submissions/${submission.UB}/documents/0`)).status).toBe(404);
      expect((await call(token.b, 'GET', `/api/admin/submissions/${submission.UB}/documents/0`)).text).toBe('UB');
    },
    'POST /api/admin/submissions/:id/return': async () => {
      expect((await call(token.a, 'POST', `/api/admin/submissions/${submission.UB}/return`, { reason: '越界退回' })).status).toBe(404);
      expect(await statusOf(submission.UB!)).toBe('submitted');
      expect((await call(token.b, 'POST', `/api/admin/submissions/${submission.UB2}/return`, { reason: '乙区退回' })).status).toBe(200);
    },
    'POST /api/admin/submissions/:id/accept': async () => {
      expect((await call(token.a, 'POST', `/api/admin/submissions/${submission.UB}/accept`)).status).toBe(404);
      expect(await statusOf(submission.UB!)).toBe('submitted');
      expect((await call(token.b, 'POST', `/api/admin/submissions/${submission.UB3}/accept`)).status).toBe(200);
    },
    'GET /api/admin/documents': async () => {
      expect((await call(token.a, 'GET', '/api/admin/documents?year=2025&org=DB')).status).toBe(404);
      expect((await call(token.a, 'GET', '/api/admin/documents?year=2025&org=TB')).status).toBe(404);
      const mine = await call(token.a, 'GET', '/api/admin/documents?year=2025');
      expect(mine.status).toBe(200);
      expect(mine.res.rawPayload.includes(Buffer.from('UB'))).toBe(false);
      expect((await call(token.b, 'GET', '/api/admin/documents?year=2025&org=TB')).status).toBe(200);
    },
    'POST /api/admin/password': async () => {
      // The route changes the caller's own password only: B's password, given as the current one, opens nothing.
      expect((await call(token.a2, 'POST', '/api/admin/password', { current: B_PASSWORD, password: 'taken over password' })).status).toBe(
        403,
      );
      expect((await post(app, '/api/admin/login', { name: 'dbadm', password: B_PASSWORD })).status).toBe(200);
      expect((await post(app, '/api/admin/login', { name: 'dbadm', password: 'taken over password' })).status).toBe(401);
    },
    'GET /api/admin/published': async () => {
      nothingOfB((await call(token.a, 'GET', '/api/admin/published')).text);
      expect((await call(token.b, 'GET', '/api/admin/published')).text).toContain('乙区标准');
    },
    'POST /api/admin/published': async () => {
      expect(
        (await call(token.a, 'POST', '/api/admin/published', { kind: 'preset', name: '甲区标准', payload: { presetId: 'fujian-2018' } }))
          .status,
      ).toBe(200);
      expect((await pull(unions.UB!.devices[0]!)).published.map((p) => p.name)).toEqual(['乙区标准']);
      expect((await pull(unions.UA!.devices[0]!)).published.map((p) => p.name)).toEqual(['甲区标准']);
    },
    'GET /api/admin/notices': async () => {
      expect((await call(token.a, 'GET', '/api/admin/notices')).res.json()).toEqual([]);
      expect((await call(token.b, 'GET', '/api/admin/notices')).text).toContain('乙区通知');
    },
    'POST /api/admin/notices': async () => {
      for (const org of ['DB', 'TB'])
        expect((await call(token.a, 'POST', '/api/admin/notices', { title: '越界通知', body: '正文', org })).status).toBe(404);
      expect((await call(token.a, 'POST', '/api/admin/notices', { title: '甲区通知', body: '正文' })).status).toBe(200);
      expect((await pull(unions.UB!.devices[0]!)).notices!.map((n) => n.title)).toEqual(['乙区通知']);
      expect((await pull(unions.UA!.devices[0]!)).notices!.map((n) => n.title)).toEqual(['甲区通知']);
    },
    // A union's token reaches only its own union's rows.
    'POST /api/v1/enrol': async () => {
      const code = String((await call(token.b, 'POST', `/api/admin/unions/${unions.UB!.id}/codes`)).res.json().enrolmentCode);
      const enrol = (unionCode: string) =>
        post(app, '/api/v1/enrol', { v: PROTOCOL_VERSION, unionCode, enrolmentCode: code, deviceId: 'intruder', deviceName: '' });
      expect((await enrol('UA')).status).toBe(403);
      expect((await enrol('UB')).status).toBe(200);
    },
    'POST /api/v1/package-key': async () => {
      const keyOf = async (device: TestDevice) =>
        (await post(app, '/api/v1/package-key', undefined, device.token)).body as { enrolmentId: string; packageKey: string };
      const stored = async (enrolmentId: string) =>
        (
          await db.query<{ union_id: string; package_key: string }>('SELECT union_id, package_key FROM devices WHERE id = $1', [
            enrolmentId,
          ])
        )[0]!;
      const ua = await keyOf(unions.UA!.devices[0]!);
      const ub = await keyOf(unions.UB!.devices[0]!);
      expect(await stored(ua.enrolmentId)).toEqual({ union_id: unions.UA!.id, package_key: ua.packageKey });
      expect(await stored(ub.enrolmentId)).toEqual({ union_id: unions.UB!.id, package_key: ub.packageKey });
      expect(ua.packageKey).not.toBe(ub.packageKey);
    },
    'POST /api/v1/sync': async () => {
      const names = (r: SyncResponse) => r.rows.filter((row) => row.table === 'members').map((row) => (row.data as { name: string }).name);
      expect(names(await pull(unions.UA!.devices[0]!))).toEqual(['甲会员']);
      expect(names(await pull(unions.UB!.devices[0]!))).toEqual(['乙会员']);
    },
    'POST /api/v1/submissions': async () => {
      // Naming B's record id writes A's own union's row: B's submission and row stay as they were.
      const res = await post(
        app,
        '/api/v1/submissions',
        { v: PROTOCOL_VERSION, year: 2026, recordId: 'sub-UB', facts: {}, documents: [] },
        unions.UA!.devices[0]!.token,
      );
      expect(res.status).toBe(200);
      expect(String(res.body.receiptNumber)).toMatch(/^BS-2026-UA-/);
      expect(await count(`SELECT count(*) AS n FROM submissions WHERE year = 2026 AND union_id = '${unions.UB!.id}'`)).toBe(0);
    },
    'GET /api/v1/submissions/:year': async () => {
      const ub2 = unions.UB2!.devices[0]!;
      const theirs = await app.inject({
        method: 'GET',
        url: '/api/v1/submissions/2025',
        headers: { authorization: `Bearer ${ub2.token}` },
      });
      expect(theirs.json().returnReason).toBe('乙区退回');
      const ours = await app.inject({
        method: 'GET',
        url: '/api/v1/submissions/2025',
        headers: { authorization: `Bearer ${unions.UA!.devices[0]!.token}` },
      });
      expect(ours.json().receiptNumber).toMatch(/UA/);
      expect(ours.body).not.toContain('乙区退回');
    },
    'POST /api/v1/handover/revoke': async () => {
      // A device of one union naming another union's device: as missing as one that never existed, and it stays.
      const theirs = unions.UB2!.devices[0]!;
      const res = await post(
        app,
        '/api/v1/handover/revoke',
        { v: PROTOCOL_VERSION, deviceId: theirs.deviceId, handoverId: 'h1' },
        unions.UA!.devices[0]!.token,
      );
      expect(res.status).toBe(404);
      expect((await post(app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes: [], cursor: 0 }, theirs.token)).status).toBe(200);
    },
    'GET /api/v1/notices/:id/attachment': async () => {
      const get = (t: string) =>
        app.inject({ method: 'GET', url: `/api/v1/notices/${bNotice}/attachment`, headers: { authorization: `Bearer ${t}` } });
      expect((await get(unions.UA!.devices[0]!.token)).statusCode).toBe(404);
      expect((await get(unions.UB!.devices[0]!.token)).body).toBe('乙');
    },
  };

  it('has a case for every route the server answers, and no case for a route it does not', async () => {
    const routes = routesOf(app);
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes.filter((r) => !UNSCOPED.includes(r))) {
      const [method, url] = route.split(' ') as [string, string];
      expect(app.hasRoute({ method: method as 'GET', url }), route).toBe(true);
    }
    const uncovered = routes.filter((r) => !(r in cases) && !UNSCOPED.includes(r));
    expect(uncovered, '这些路由缺少隔离测试').toEqual([]);
    expect(Object.keys(cases).filter((c) => !routes.includes(c))).toEqual([]);
  });

  it.each(Object.keys(cases))('%s', async (route) => {
    await cases[route]!();
  });

  it('left every one of district B’s reports and devices as B’s own actions made them', async () => {
    expect([await statusOf(submission.UB!), await statusOf(submission.UB2!), await statusOf(submission.UB3!)]).toEqual([
      'submitted',
      'returned',
      'accepted',
    ]);
    const ub = await findUnionByCode(db, 'UB');
    expect(await count(`SELECT count(*) AS n FROM devices WHERE union_id = '${ub!.id}' AND revoked_at IS NOT NULL`)).toBe(1);
    const audit = (await call(token.b, 'GET', '/api/admin/audit')).res.json() as AuditEntry[];
    expect(audit.filter((e) => e.admin !== 'dbadm').map((e) => [e.admin, e.action])).toEqual([]);
  });
});
