import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import type { AdminOverview } from '../../../shared/sync/admin';
import { PROTOCOL_VERSION, type SyncResponse } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { ADMIN_PASSWORD, MEMBER, post, startServer, unionWithDevices, type TestDevice } from './harness';

/** A value nested `depth` objects deep: what froze the embedded database's thread. */
function nested(depth: number): unknown {
  let value: unknown = '底';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
const DEEP = 3_500;

/**
 * A frozen server never answers; a working one answers in milliseconds. The limit only tells the
 * two apart (it is no speed target) and is generous for a loaded machine.
 */
const HANG_MS = 5_000;
function answered<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}：服务器没有回答`)), HANG_MS);
  });
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

describe.each(backends())('values nested thousands deep on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  let a: TestDevice;
  let b: TestDevice;
  let aUnion = '';
  beforeAll(async () => {
    db = await backend.fresh();
    app = await startServer(db);
    const first = await unionWithDevices(app, db, 'DEEPA', 1);
    aUnion = first.unionId;
    a = first.devices[0]!;
    b = (await unionWithDevices(app, db, 'DEEPB', 1)).devices[0]!;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
  });

  const pullFromZero = (token: string) => post(app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes: [], cursor: 0 }, token);
  const adminLogin = () => post(app, '/api/admin/login', { password: ADMIN_PASSWORD });
  const overview = async (year: number) => {
    const login = await adminLogin();
    const res = await app.inject({
      method: 'GET',
      url: `/api/admin/overview?year=${year}`,
      headers: { authorization: `Bearer ${login.body.token}` },
    });
    return { status: res.statusCode, body: res.json() as AdminOverview };
  };

  async function othersStillServed(): Promise<void> {
    b.insert('members', { ...MEMBER, name: `乙工会会员${b.outbox.length}` });
    await answered('另一工会同步', b.sync(app));
    expect((await answered('管理员登录', adminLogin())).status).toBe(200);
  }

  it('refuses a member field nested 3,500 deep with a 400 naming the row and field, and still serves the others', async () => {
    const member = a.insert('members', MEMBER);
    const inserted = a.pending()[0]!;
    a.outbox.pop();
    // In a declared field (held to its declaration) and in one no declaration knows (held to the bounds).
    for (const [fields, message] of [
      [{ name: nested(DEEP) }, `会员 ${member.id} 的“姓名”：应为文字`],
      [{ ...inserted.fields, extra: nested(DEEP) }, `会员 ${member.id} 的字段 extra：嵌套超过 8 层`],
    ] as const) {
      const change = { ...inserted, fields };
      const res = await answered(
        '深层嵌套的推送',
        post(app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes: [change], cursor: 0 }, a.token),
      );
      expect(res.status).toBe(400);
      expect(res.body.error).toBe(message);
      expect((await db.query('SELECT 1 FROM rows WHERE row_id = $1', [member.id])).length).toBe(0);
      await othersStillServed();
    }
  });

  it('refuses submission facts nested 3,500 deep with a 400 naming the fact', async () => {
    const res = await answered(
      '深层嵌套的报送',
      post(
        app,
        '/api/v1/submissions',
        { v: 1, year: 2025, recordId: 'deep-2025', facts: { members: nested(DEEP) }, documents: [] },
        a.token,
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('报送的年度数据 members：嵌套超过 8 层');
    await othersStillServed();
  });

  describe('stored by an earlier version', () => {
    const rowId = 'deep-member';
    beforeAll(async () => {
      // What a server before the bounds accepted: a member whose note is nested 3,500 deep, and a
      // submission whose facts are.
      const data = { id: rowId, name: '深层', gender: '女', status: 'active', isMigrantWorker: false, deleted: 0, note: nested(DEEP) };
      await db.query(
        `WITH bump AS (UPDATE unions SET last_seq = last_seq + 1 WHERE id = $1 RETURNING key, last_seq)
         INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
         SELECT key, 'members', $2, $3::json, $4::json, last_seq FROM bump`,
        [aUnion, rowId, JSON.stringify(data), JSON.stringify({ '*': a.clock.now() })],
      );
      await db.query(
        `INSERT INTO submissions (id, union_id, year, record_id, receipt_number, facts, status, submitted_at)
         VALUES ('deep-sub', $1, 2024, 'deep-2024', 'BS-2024-DEEPA-01', $2::jsonb, 'submitted', now())`,
        [aUnion, JSON.stringify({ members: nested(DEEP) })],
      );
    });

    it('pulls it from cursor 0, merges an edit of it, and counts it on the overview', async () => {
      const pulled = await answered('从 0 拉取', pullFromZero(a.token));
      expect(pulled.status).toBe(200);
      expect((pulled.body as unknown as SyncResponse).rows.map((r) => r.rowId)).toContain(rowId);
      // An edit goes the transaction's way: the stored row is read, merged and written back.
      const edit = { changeId: `${a.deviceId}:edit`, table: 'members', rowId, hlc: a.clock.now(), fields: { name: '已改名' } };
      const edited = await answered('修改该行', post(app, '/api/v1/sync', { v: 1, changes: [edit], cursor: 0 }, a.token));
      expect(edited.status).toBe(200);
      const view = await answered('概览', overview(2024));
      expect(view.status).toBe(200);
      expect(view.body.unions.find((u) => u.code === 'DEEPA')).toMatchObject({ members: 1, women: 1, reportStatus: '已报送' });
      await othersStillServed();
    });

    it('answers the overview and a pull from cursor 0 after a restart', async () => {
      await app.close();
      await db.close();
      db = await backend.reopen();
      app = await startServer(db);
      expect((await answered('重启后的概览', overview(2024))).status).toBe(200);
      expect((await answered('重启后从 0 拉取', pullFromZero(a.token))).status).toBe(200);
      await othersStillServed();
    });
  });
});
