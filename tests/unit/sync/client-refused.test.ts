import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewRecord } from '../../../shared/book/changes';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import type { TableName } from '../../../shared/model/book';
import type { WireChange } from '../../../shared/sync/protocol';
import { openPglite, type Database } from '../../../server/sync/db';
import { createUnion, issueCode } from '../../../server/sync/store/unions';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { syncEngineFor } from '../../../renderer/src/features/sync/engine';
import { enrolDevice } from '../../../renderer/src/features/sync/mutations';
import { pendingCount, refusedRecords } from '../../../renderer/src/features/sync/queries';
import { dropRefused, retryRefused, type OutboxEntry } from '../../../renderer/src/features/sync/refusals';
import { getValue, KEYS, type SyncStatus } from '../../../renderer/src/features/sync/state';
import { MEMBER, startServer } from './harness';

interface Client {
  db: UnionBooksDB;
  mutator: Mutator;
  sync: () => Promise<boolean>;
}

/**
 * How the server answers, besides refusing for real what its record declarations do not allow (a 400
 * naming table, row and field, shared/sync/change-fields.ts): `unnamed` puts a proxy (or an earlier
 * server) in front that replaces the refusal's message with one naming nothing, so the client has to
 * find the change by halving the batch; `everything` refuses every push; `unavailable` fails every push.
 */
type Mode = 'real' | 'unnamed' | 'everything' | 'unavailable';

/** The app's sync client on fake-indexeddb against a real server on loopback. */
describe('the sync client sets aside what the server refuses and syncs the rest', () => {
  let server: Database;
  let app: FastifyInstance;
  let url = '';
  let mode: Mode = 'real';
  /** While set, a pull (a request that pushes nothing) waits for it: a round held after it read the outbox. */
  let pullGate: { reached: () => void; open: Promise<void> } | null = null;
  let pushes: WireChange[][] = [];
  let unionId = '';
  let n = 0;

  beforeAll(async () => {
    server = await openPglite();
    app = await startServer(server);
    app.addHook('preHandler', async (request, reply) => {
      if (request.method !== 'POST' || request.url !== '/api/v1/sync') return;
      const changes = (request.body as { changes?: WireChange[] } | undefined)?.changes ?? [];
      if (changes.length) pushes.push(changes);
      if (pullGate && !changes.length) {
        const gate = pullGate;
        gate.reached();
        await gate.open;
      }
      if (mode === 'everything') return reply.code(400).send({ error: '请求内容不合法', code: 'invalid' });
      if (mode === 'unavailable' && changes.length) return reply.code(503).send({ error: '服务器暂时无法处理', code: 'busy' });
    });
    app.addHook('onSend', async (request, reply, payload) => {
      if (mode !== 'unnamed' || request.url !== '/api/v1/sync' || reply.statusCode !== 400) return payload;
      return JSON.stringify({ error: '请求内容不合法', code: 'invalid' });
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    unionId = (await createUnion(server, 'REF1', '拒收测试工会')).union.id;
  });
  afterAll(async () => {
    await app.close();
    await server.close();
  });
  beforeEach(() => {
    mode = 'real';
    pullGate = null;
    pushes = [];
  });

  async function client(): Promise<Client> {
    const db = new UnionBooksDB(`refused-${++n}`);
    const mutator = await openMutator(db);
    await enrolDevice(db, mutator, { serverUrl: url, unionCode: 'REF1', enrolmentCode: await issueCode(server, unionId) });
    const sync = () => syncEngineFor(db, mutator).syncNow();
    // The first sync of an empty book: what the tests write afterwards goes through the outbox.
    expect(await sync()).toBe(true);
    return { db, mutator, sync };
  }

  /**
   * A write as an older version of the app made it, before writes were checked against the record
   * declarations: stamped and in the outbox like any other, with `broken` values in the row and its change.
   */
  async function writeUnchecked<T extends TableName>(
    c: Client,
    table: T,
    data: NewRecord<T>,
    broken: Record<string, unknown>,
  ): Promise<string> {
    const row = await c.mutator.insert(table, data);
    await c.db.table(table).update(row.id, broken);
    await c.db.$changes
      .where('synced')
      .equals(0)
      .filter((e) => e.rowId === row.id)
      .modify((e) => void Object.assign(e.fields, broken));
    return row.id;
  }

  const member = (name: string, extra: Partial<NewRecord<'members'>> = {}): NewRecord<'members'> => ({ ...MEMBER, name, ...extra });

  /** 25 good members, one whose name holds a NUL (as a CSV with a NUL byte delivered it), 25 more. */
  async function fiftyAndOneBad(c: Client, tag: string): Promise<string> {
    for (let i = 0; i < 25; i++) await c.mutator.insert('members', member(`${tag}甲${i}`));
    const bad = await writeUnchecked(c, 'members', member(`${tag}王五`, { department: '二车间' }), { name: `${tag}王\u0000五` });
    for (let i = 0; i < 25; i++) await c.mutator.insert('members', member(`${tag}乙${i}`));
    return bad;
  }

  async function namesOnServer(tag: string): Promise<string[]> {
    const reader = await client();
    const names = (await reader.db.members.toArray()).map((m) => m.name).filter((name) => name.startsWith(tag));
    return names.sort();
  }

  for (const how of ['real', 'unnamed'] as const) {
    it(`pushes the 50 good members and sets the bad one aside with the reason (server ${how === 'real' ? 'names the row' : 'names nothing'})`, async () => {
      const c = await client();
      const tag = how === 'real' ? 'N' : 'U';
      const badId = await fiftyAndOneBad(c, tag);
      mode = how;
      expect(await c.sync()).toBe(true);

      const names = await namesOnServer(tag);
      expect(names).toHaveLength(50);
      expect(names.some((name) => name.includes('\u0000'))).toBe(false);

      const aside = (await c.db.$changes.where('synced').equals(2).toArray()) as OutboxEntry[];
      expect(aside.map((e) => e.rowId)).toEqual([badId]);
      expect(await pendingCount(c.db)).toBe(0);
      const [listed] = await refusedRecords(c.db);
      expect(listed).toMatchObject({ table: 'members', rowId: badId, tableLabel: '会员', title: `${tag}王�五`, refused: 1, held: 0 });
      if (how === 'real') {
        expect(listed!.field).toBe('姓名');
        expect(listed!.reason).toBe(`会员 ${tag}王�五 的“姓名”：含有不允许的控制字符或无效字符`);
      } else {
        expect(listed!.reason).toBe('请求内容不合法');
      }
      const status = await getValue<SyncStatus>(c.db, KEYS.status);
      expect(status?.phase).toBe('idle');

      // The next round does not send it again.
      pushes = [];
      expect(await c.sync()).toBe(true);
      expect(pushes.flat().some((ch) => ch.rowId === badId)).toBe(false);
    });
  }

  it('finds a refused row in a few requests when the server names it', async () => {
    const c = await client();
    await fiftyAndOneBad(c, 'F');
    expect(await c.sync()).toBe(true);
    // The whole batch, an empty push that proves the batch is to blame, the 50 and the one.
    expect(pushes.map((p) => p.length)).toEqual([51, 50, 1]);
  });

  it('retries a corrected record with its current values, holding its later changes back until then', async () => {
    const c = await client();
    const badId = await fiftyAndOneBad(c, 'R');
    expect(await c.sync()).toBe(true);

    // The user corrects the name. The correction waits behind the refused insert: alone it would
    // put a member with nothing but a name on the server.
    await c.mutator.update('members', badId, { name: 'R王五' });
    expect(await c.sync()).toBe(true);
    expect((await namesOnServer('R')).includes('R王五')).toBe(false);
    expect(await refusedRecords(c.db)).toMatchObject([{ rowId: badId, title: 'R王五', held: 1 }]);

    await retryRefused(c.db, 'members', badId);
    expect(await c.sync()).toBe(true);
    expect(await refusedRecords(c.db)).toEqual([]);
    expect(await c.db.$changes.where('synced').anyOf(0, 2).count()).toBe(0);
    const reader = await client();
    expect(await reader.db.members.get(badId)).toMatchObject({ name: 'R王五', department: '二车间', joinDate: MEMBER.joinDate });
  });

  it('sends a corrected record asked for while a round is under way, by a round after it', async () => {
    const c = await client();
    const badId = await fiftyAndOneBad(c, 'W');
    expect(await c.sync()).toBe(true);
    await c.mutator.update('members', badId, { name: 'W王五' });

    // An automatic round has read the outbox (nothing to send: the record is held) and is pulling.
    let reached!: () => void;
    const atPull = new Promise<void>((resolve) => (reached = resolve));
    let open!: () => void;
    pullGate = { reached, open: new Promise<void>((resolve) => (open = resolve)) };
    const automatic = c.sync();
    await atPull;
    pullGate = null;

    // The user sends the record again meanwhile; the round under way cannot carry it.
    await retryRefused(c.db, 'members', badId);
    const resend = c.sync();
    open();
    expect(await automatic).toBe(true);
    expect(await resend).toBe(true);
    expect(await refusedRecords(c.db)).toEqual([]);
    expect(await pendingCount(c.db)).toBe(0);
    expect((await namesOnServer('W')).includes('W王五')).toBe(true);
  });

  it('sets a retried record aside again while it still holds the refused value', async () => {
    const c = await client();
    const badId = await fiftyAndOneBad(c, 'A');
    expect(await c.sync()).toBe(true);
    await retryRefused(c.db, 'members', badId);
    expect(await c.sync()).toBe(true);
    expect(await refusedRecords(c.db)).toMatchObject([{ rowId: badId, field: '姓名' }]);
  });

  it('drops a refused change: the local record stays, the change is never sent', async () => {
    const c = await client();
    const badId = await fiftyAndOneBad(c, 'D');
    expect(await c.sync()).toBe(true);
    await dropRefused(c.db, 'members', badId);
    expect(await refusedRecords(c.db)).toEqual([]);
    expect((await c.db.members.get(badId))?.name).toBe('D王\u0000五');
    const dropped = (await c.db.$changes.filter((e) => e.rowId === badId).toArray()) as OutboxEntry[];
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ synced: 1, refused: { droppedAt: expect.any(String) } });

    pushes = [];
    expect(await c.sync()).toBe(true);
    expect(pushes.flat().some((ch) => ch.rowId === badId)).toBe(false);
    expect(await namesOnServer('D')).toHaveLength(50);
  });

  it('keeps today’s retry for a server error: nothing is set aside, the round fails and is tried again later', async () => {
    const c = await client();
    await c.mutator.insert('members', member('暂不可用'));
    mode = 'unavailable';
    expect(await c.sync()).toBe(false);
    expect(await c.db.$changes.where('synced').equals(2).count()).toBe(0);
    expect(await pendingCount(c.db)).toBe(1);
    expect((await getValue<SyncStatus>(c.db, KEYS.status))?.phase).toBe('error');
    mode = 'real';
    expect(await c.sync()).toBe(true);
    expect(await pendingCount(c.db)).toBe(0);
  });

  it('does not blame the changes when the server refuses even an empty push', async () => {
    const c = await client();
    await c.mutator.insert('members', member('全部拒绝一'));
    await c.mutator.insert('members', member('全部拒绝二'));
    mode = 'everything';
    expect(await c.sync()).toBe(false);
    expect(await c.db.$changes.where('synced').equals(2).count()).toBe(0);
    expect(await pendingCount(c.db)).toBe(2);
    expect(await getValue<SyncStatus>(c.db, KEYS.status)).toMatchObject({ phase: 'error', message: '请求内容不合法' });
  });

  it('sets aside a refused row of a first sync and sends the rest of the book', async () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2025-12' });
    const bad = book.members[7]!;
    bad.name = '李\u0000四';
    const db = new UnionBooksDB(`refused-${++n}`);
    const mutator = await openMutator(db);
    await mutator.replaceBook(book);
    const { union, enrolmentCode } = await createUnion(server, 'REF2', '首次同步拒收测试工会');
    await enrolDevice(db, mutator, { serverUrl: url, unionCode: 'REF2', enrolmentCode });
    expect(await syncEngineFor(db, mutator).syncNow()).toBe(true);
    expect(await refusedRecords(db)).toMatchObject([{ table: 'members', rowId: bad.id, title: '李�四', field: '姓名' }]);
    expect(await pendingCount(db)).toBe(0);

    const reader = new UnionBooksDB(`refused-${++n}`);
    const readerMutator = await openMutator(reader);
    await enrolDevice(reader, readerMutator, { serverUrl: url, unionCode: 'REF2', enrolmentCode: await issueCode(server, union.id) });
    expect(await syncEngineFor(reader, readerMutator).syncNow()).toBe(true);
    expect(await reader.members.count()).toBe(book.members.length - 1);
    expect(await reader.duesPayments.count()).toBe(book.duesPayments.length);

    // Corrected and sent again: the whole row arrives, and the device's clock still starts after its own last write.
    await mutator.update('members', bad.id, { name: '李四' });
    await retryRefused(db, 'members', bad.id);
    expect(await syncEngineFor(db, mutator).syncNow()).toBe(true);
    expect(await refusedRecords(db)).toEqual([]);
    expect(await syncEngineFor(reader, readerMutator).syncNow()).toBe(true);
    expect(await reader.members.get(bad.id)).toMatchObject({ name: '李四', idNumber: bad.idNumber, department: bad.department });
    const last = await db.$changes.orderBy('changeId').last();
    expect(last?.changeId).toBe(`${mutator.deviceId}:${(await db.members.get(bad.id))!.updatedAt}`);
  });
});
