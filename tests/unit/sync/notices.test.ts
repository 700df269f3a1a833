import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { createUnion } from '../../../server/sync/store/unions';
import type { AdminNotice, AuditEntry } from '../../../shared/sync/admin';
import { NOTICE_ATTACHMENT_MAX_BYTES, PROTOCOL_VERSION, type SyncResponse } from '../../../shared/sync/protocol';
import { syncResponseSchema } from '../../../shared/sync/schemas';
import { backends } from './backends';
import { post, startServer } from './harness';

const PASSWORD = 'district password';
const ATTACHMENT = Buffer.from('关于报送 2025 年度工会统计年报的通知\n附表一');

describe.each(backends())('notices to a subtree on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  let da = '';
  let dbAdmin = '';
  const tokens: Record<string, string> = {};
  const pull = async (union: string) => {
    const res = await post(app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes: [], cursor: 0 }, tokens[union]);
    expect(res.status).toBe(200);
    return res.body as unknown as SyncResponse;
  };
  const titlesOf = async (union: string) => (await pull(union)).notices!.map((n) => n.title);
  const attachment = (union: string, id: string) =>
    app.inject({ method: 'GET', url: `/api/v1/notices/${id}/attachment`, headers: { authorization: `Bearer ${tokens[union]}` } });
  const storedCount = async () =>
    Number((await db.query<{ n: unknown }>("SELECT count(*) AS n FROM published WHERE kind = 'notice'"))[0]!.n);

  beforeAll(async () => {
    db = await backend.fresh();
    app = await startServer(db);
    const a = await createOrg(db, ROOT_ORG_ID, { code: 'DA', name: 'A区总工会' });
    const town = await createOrg(db, ROOT_ORG_ID, { code: 'TA', name: 'A区东街道总工会', parentCode: 'DA' });
    const b = await createOrg(db, ROOT_ORG_ID, { code: 'DB', name: 'B区总工会' });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DA', name: 'da', password: PASSWORD });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DB', name: 'db', password: PASSWORD });
    for (const [code, org] of [
      ['UA', a.id],
      ['UT', town.id],
      ['UB', b.id],
    ] as const) {
      const created = await createUnion(db, code, `${code} 工会`, org);
      const enrol = await post(app, '/api/v1/enrol', {
        v: PROTOCOL_VERSION,
        unionCode: code,
        enrolmentCode: created.enrolmentCode,
        deviceId: `pc-${code}`,
        deviceName: '办公室电脑',
      });
      tokens[code] = String(enrol.body.token);
    }
    da = String((await post(app, '/api/admin/login', { name: 'da', password: PASSWORD })).body.token);
    dbAdmin = String((await post(app, '/api/admin/login', { name: 'db', password: PASSWORD })).body.token);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
  });

  it('reaches the unions of the admin’s subtree with their next pull, never a sibling district’s', async () => {
    const res = await post(
      app,
      '/api/admin/notices',
      {
        title: '关于报送年报的通知',
        body: '请于 10 月 31 日前报送。\n逾期请说明原因。',
        attachment: { name: '年报说明.txt', mimeType: 'text/plain', base64: ATTACHMENT.toString('base64') },
      },
      da,
    );
    expect(res.status).toBe(200);
    const sent = res.body as unknown as AdminNotice;
    expect(sent).toMatchObject({ from: 'A区总工会', to: { code: 'DA' }, attachment: { name: '年报说明.txt', size: ATTACHMENT.length } });

    const ua = await pull('UA');
    expect(syncResponseSchema.parse(ua).notices).toEqual([
      {
        id: sent.id,
        title: '关于报送年报的通知',
        body: '请于 10 月 31 日前报送。\n逾期请说明原因。',
        from: 'A区总工会',
        publishedAt: sent.publishedAt,
        attachment: { name: '年报说明.txt', mimeType: 'text/plain', size: ATTACHMENT.length },
      },
    ]);
    // Apps older than notices read `published` with a closed list of kinds: a notice never goes there.
    expect(ua.published).toEqual([]);
    expect(await titlesOf('UT')).toEqual(['关于报送年报的通知']);
    expect(await titlesOf('UB')).toEqual([]);

    const file = await attachment('UT', sent.id);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(ATTACHMENT)).toBe(true);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('年报说明.txt'));
    const refused = await attachment('UB', sent.id);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error).toBe('通知附件不存在');
    expect((await app.inject({ method: 'GET', url: `/api/v1/notices/${sent.id}/attachment` })).statusCode).toBe(401);
  });

  it('goes to one organisation below the admin’s when named, and refuses an organisation outside the subtree', async () => {
    const town = await post(app, '/api/admin/notices', { title: '街道工会通知', body: '只发给东街道。', org: 'TA' }, da);
    expect(town.status).toBe(200);
    expect(await titlesOf('UT')).toEqual(['关于报送年报的通知', '街道工会通知']);
    expect(await titlesOf('UA')).toEqual(['关于报送年报的通知']);

    const before = await storedCount();
    const sibling = await post(app, '/api/admin/notices', { title: '越界通知', body: '发给 B 区。', org: 'DB' }, da);
    expect(sibling.status).toBe(404);
    expect(sibling.body.error).toBe('组织不存在：DB');
    expect(await storedCount()).toBe(before);
    expect(await titlesOf('UB')).toEqual([]);
  });

  it('refuses a missing title, an attachment over the limit or one that is not base64, and stores nothing', async () => {
    const before = await storedCount();
    const big = Buffer.alloc(NOTICE_ATTACHMENT_MAX_BYTES + 1, 1).toString('base64');
    for (const [body, message] of [
      [{ title: ' ', body: '正文' }, '请填写通知标题'],
      [{ title: '大附件', body: '正文', attachment: { name: 'big.bin', base64: big } }, '附件不能超过 2 MB'],
      [{ title: '坏附件', body: '正文', attachment: { name: 'x.bin', base64: '不是base64' } }, '附件内容不是有效的 base64'],
    ] as const) {
      const res = await post(app, '/api/admin/notices', body, da);
      expect(res.status).toBe(400);
      expect(String(res.body.error)).toContain(message);
    }
    expect(await storedCount()).toBe(before);
  });

  it('is listed to the admins of the organisations it went to, and logged', async () => {
    const list = async (token: string) =>
      (
        await app.inject({ method: 'GET', url: '/api/admin/notices', headers: { authorization: `Bearer ${token}` } })
      ).json() as AdminNotice[];
    expect((await list(da)).map((n) => [n.title, n.to.code])).toEqual([
      ['街道工会通知', 'TA'],
      ['关于报送年报的通知', 'DA'],
    ]);
    expect(await list(dbAdmin)).toEqual([]);
    const audit = (
      await app.inject({ method: 'GET', url: '/api/admin/audit', headers: { authorization: `Bearer ${da}` } })
    ).json() as AuditEntry[];
    expect(audit.filter((e) => e.action === 'notice-published').map((e) => [e.admin, e.org.code, e.target])).toEqual([
      ['da', 'TA', 'TA 街道工会通知'],
      ['da', 'DA', 'DA 关于报送年报的通知'],
    ]);
  });
});
