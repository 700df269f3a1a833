import type { FastifyInstance } from 'fastify';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bytesSource } from '../../../shared/backup/byte-source';
import { isEncryptedBackup } from '../../../shared/backup/format';
import { todayIso } from '../../../shared/clock/today';
import type { Notice, WireChange } from '../../../shared/sync/protocol';
import { readBookSession } from '../../../server/cli/book-session';
import { withBookPassword } from '../../../server/cli/book-password';
import { openPglite, type Database } from '../../../server/sync/db';
import { revokeDevice } from '../../../server/sync/store/devices';
import { publishNotice } from '../../../server/sync/store/notices';
import { getOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { issueCode } from '../../../server/sync/store/unions';
import { fixturePath } from '../../fixtures/path';
import { MEMBER, startServer, unionWithDevices, type TestDevice } from '../sync/harness';
import { runCli } from './capture';

interface SyncJson {
  notices: (Notice & { new: boolean })[];
  ok: boolean;
  pushed: number;
  pulled: number;
  refused: number;
  pending: number;
  deviceId: string;
  refusedRecords: { title: string; field: string; reason: string }[];
  error?: { message: string; offline: boolean; code: string };
}

/** `unionbooks sync` against a real server (PGlite, listening on loopback), with an app-side device of the same union. */
describe('unionbooks sync', () => {
  let server: Database;
  let app: FastifyInstance;
  let url = '';
  let dir = '';
  let book = '';
  let unionId = '';
  let other: TestDevice;
  /** Every batch of changes a push carried, and a row id whose changes the server refuses. */
  let pushes: WireChange[][] = [];
  /** The notice ids each sync request listed as held. */
  let listed: (string[] | undefined)[] = [];
  let refuseRow = '';

  const sync = async (...extra: string[]) => {
    const r = await runCli('sync', '--book', book, '--json', ...extra);
    return { ...r, json: JSON.parse(r.out || '{}') as SyncJson };
  };
  /** A row as the server stores it (its data column is json text). */
  const serverRow = async (rowId: string) => {
    const [row] = await server.query<{ data: string }>(
      'SELECT r.data FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.id = $1 AND r.row_id = $2',
      [unionId, rowId],
    );
    return row ? (JSON.parse(row.data) as Record<string, unknown>) : undefined;
  };
  const serverRows = async () =>
    Number(
      (
        await server.query<{ n: unknown }>('SELECT count(*) AS n FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.id = $1', [
          unionId,
        ])
      )[0]?.n,
    );

  beforeAll(async () => {
    server = await openPglite();
    app = await startServer(server);
    app.addHook('preHandler', async (request, reply) => {
      if (request.method !== 'POST' || request.url !== '/api/v1/sync') return;
      const body = request.body as { changes?: WireChange[]; notices?: string[]; pullLimit?: number };
      const changes = body.changes ?? [];
      if (changes.length) pushes.push(changes);
      if (body.pullLimit !== 0) listed.push(body.notices);
      if (refuseRow && changes.some((c) => c.rowId === refuseRow)) {
        return reply.code(400).send({ error: `记录 ${refuseRow} 的“手机”含有服务器不接受的内容`, code: 'invalid' });
      }
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    const made = await unionWithDevices(app, server, 'CS01', 1);
    unionId = made.unionId;
    other = made.devices[0]!;
    dir = await mkdtemp(join(tmpdir(), 'ub-cli-sync-'));
    book = join(dir, 'book.ubk');
    expect((await runCli('init', '--name', '城关机械厂工会', '--out', book)).code).toBe(0);
    expect((await runCli('books', 'open', '--month', '2025-01', '--cash', '1000', '--bank', '20000', '--book', book)).code).toBe(0);
  });
  afterAll(async () => {
    await app.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    pushes = [];
    listed = [];
    refuseRow = '';
  });

  it('refuses a wrong enrolment code and writes nothing', async () => {
    const before = await readFile(book);
    const r = await sync('--server', url, '--union', 'CS01', '--enrol', 'WRONG-CODE');
    expect(r.code).toBe(1);
    expect(r.json.error?.message).toMatch(/注册码/);
    expect(await readFile(book)).toEqual(before);
    const text = await runCli('sync', '--book', book, '--server', url, '--union', 'CS01', '--enrol', 'WRONG-CODE');
    expect(text.err).toContain('注册未成功');
    expect(text.err).toContain('未做任何更改');
    expect((await readBookSession(book)).sync).toBeNull();
    expect(await serverRows()).toBe(0);
  });

  it('enrols once, keeps the credentials in the book, and sends the whole book on the first sync', async () => {
    const code = await issueCode(server, unionId);
    const r = await sync('--server', url, '--union', 'CS01', '--enrol', code);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { book: rows, sync: state } = await readBookSession(book);
    const total = rows.union.length + rows.openingBalances.length;
    expect(r.json).toMatchObject({ ok: true, pushed: total, pulled: 0, refused: 0, pending: 0 });
    expect(state?.credentials).toMatchObject({ serverUrl: url, unionCode: 'CS01' });
    expect(state?.deviceId).toBe(r.json.deviceId);
    expect(await serverRows()).toBe(total);
    const devices = await server.query<{ device_id: string }>('SELECT device_id FROM devices WHERE union_id = $1', [unionId]);
    expect(devices.map((d) => d.device_id)).toContain(state?.deviceId);
  });

  it('pushes what books add and roster import wrote since, exactly once', async () => {
    expect(
      (
        await runCli(
          'books',
          'add',
          '--date',
          '2025-02-10',
          '--account',
          '408',
          '--amount',
          '300',
          '--place',
          'bank',
          '--summary',
          '收到捐赠',
          '--book',
          book,
        )
      ).code,
    ).toBe(0);
    // The sample roster has two rows it refuses (exit 3); the other 58 members are imported.
    expect((await runCli('roster', 'import', fixturePath('roster/roster-sample.xlsx'), '--book', book, '--year', '2025')).code).toBe(3);
    const { book: rows, sync: state } = await readBookSession(book);
    const waiting = state!.outbox.filter((c) => c.synced === 0);
    expect(waiting.length).toBeGreaterThan(rows.members.length);
    expect(new Set(waiting.map((c) => c.changeId.split(':')[0]))).toEqual(new Set([state!.deviceId]));
    const entry = rows.transactions.find((t) => t.summary === '收到捐赠')!;

    const r = await sync();
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, pushed: waiting.length, pending: 0 });
    const sent = pushes.flat().map((c) => c.changeId);
    expect(sent.sort()).toEqual(waiting.map((c) => c.changeId).sort());
    expect(await serverRow(entry.id)).toMatchObject({ summary: '收到捐赠', amountFen: 30000 });
    for (const m of rows.members) expect(await serverRow(m.id)).toMatchObject({ name: m.name });
    expect((await readBookSession(book)).sync!.outbox).toEqual([]);
  });

  it('pulls what another device of the union wrote', async () => {
    const member = other.insert('members', { ...MEMBER, name: '远端新会员' });
    await other.sync(app);
    pushes = [];
    const r = await sync();
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ pushed: 0, pulled: 1 });
    expect(pushes).toEqual([]);
    const { book: rows } = await readBookSession(book);
    expect(rows.members.find((m) => m.id === member.id)).toMatchObject({ name: '远端新会员', deviceId: other.deviceId });
  });

  it('sends nothing new on a second run and leaves the file as it was', async () => {
    const before = await readFile(book);
    const r = await sync();
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, pushed: 0, pulled: 0, refused: 0, pending: 0 });
    expect(pushes).toEqual([]);
    expect(await readFile(book)).toEqual(before);
    const text = await runCli('sync', '--book', book);
    expect(text.out).toContain('已与 CS01 工会 同步：发送 0 条更改，收到 0 条记录。');
  });

  it('keeps the upper unions’ notices in the book as the app does, shows the new ones in full, and lists those held', async () => {
    const root = await getOrg(server, ROOT_ORG_ID);
    const first = await publishNotice(server, {
      fromOrgId: ROOT_ORG_ID,
      to: root,
      title: '关于报送年度统计年报的通知',
      body: '各基层工会：\n请于 10 月 31 日前报送。',
      attachment: { name: '填报口径.txt', mimeType: 'text/plain', base64: Buffer.from('口径').toString('base64') },
    });
    const text = await runCli('sync', '--book', book);
    expect(text.code).toBe(0);
    expect(text.out).toContain('上级工会通知共 1 条，本次新收到 1 条：');
    expect(text.out).toContain(
      `【通知】关于报送年度统计年报的通知（${root.name}，${todayIso(new Date(first.publishedAt))}，附件 填报口径.txt（6 字节））`,
    );
    expect(text.out).toContain('    各基层工会：\n    请于 10 月 31 日前报送。');
    const kept = (await readBookSession(book)).sync!.values['sync.notices'] as Notice[];
    expect(kept).toEqual([
      { id: first.id, title: first.title, body: first.body, from: root.name, publishedAt: first.publishedAt, attachment: first.attachment },
    ]);
    expect(listed).toEqual([[]]);

    listed = [];
    const second = await publishNotice(server, { fromOrgId: ROOT_ORG_ID, to: root, title: '年终慰问安排', body: '按标准执行。' });
    const r = await sync();
    expect(r.code).toBe(0);
    expect(listed).toEqual([[first.id]]);
    expect(r.json.notices.map((n) => [n.title, n.new])).toEqual([
      ['年终慰问安排', true],
      ['关于报送年度统计年报的通知', false],
    ]);
    expect(r.json.notices[0]).toMatchObject({ id: second.id, from: root.name, body: '按标准执行。', attachment: null });

    const before = await readFile(book);
    const again = await runCli('sync', '--book', book);
    expect(again.out).toContain('上级工会通知共 2 条，本次新收到 0 条。');
    expect(again.out).not.toContain('【通知】');
    expect(await readFile(book)).toEqual(before);
  });

  it('names a refused record in Chinese, keeps it on this device and sends the rest', async () => {
    expect(
      (
        await runCli(
          'books',
          'add',
          '--date',
          '2025-02-11',
          '--account',
          '408',
          '--amount',
          '5',
          '--place',
          'cash',
          '--summary',
          '零星会费',
          '--book',
          book,
        )
      ).code,
    ).toBe(0);
    const { book: rows } = await readBookSession(book);
    const victim = rows.members.find((m) => m.name !== '远端新会员')!;
    refuseRow = victim.id;
    // A member changed by another command of this book: a corrected phone number.
    const { withBookFile } = await import('../../../server/cli/book-session');
    await withBookFile(book, (store) => store.update('members', [{ id: victim.id, patch: { phone: '13900000000' } }]));

    const r = await runCli('sync', '--book', book);
    expect(r.code).toBe(3);
    expect(r.out).toContain(`服务器拒收 会员“${victim.name}”（手机）：记录 ${victim.name} 的“手机”含有服务器不接受的内容`);
    const entry = (await readBookSession(book)).book.transactions.find((t) => t.summary === '零星会费')!;
    expect(await serverRow(entry.id)).toMatchObject({ amountFen: 500 });
    const { sync: state } = await readBookSession(book);
    expect(state!.outbox.map((c) => [c.rowId, c.synced])).toEqual([[victim.id, 2]]);
    expect((await serverRow(victim.id))?.phone).not.toBe('13900000000');

    const again = await sync();
    expect(again.code).toBe(3);
    expect(again.json).toMatchObject({ refused: 0, pushed: 0 });
    expect(again.json.refusedRecords).toMatchObject([{ title: victim.name, field: '手机' }]);
  });

  it('sends a refused record again with --retry-refused, or gives it up with --drop-refused, as the 同步 page does', async () => {
    const own = join(dir, 'retry.ubk');
    expect((await runCli('init', '--name', '重发测试工会', '--out', own)).code).toBe(0);
    expect((await runCli('roster', 'import', fixturePath('roster/roster-sample.xlsx'), '--book', own, '--year', '2025')).code).toBe(3);
    const { unionId: ownUnion } = await unionWithDevices(app, server, 'CS03', 0);
    expect(
      (await runCli('sync', '--book', own, '--server', url, '--union', 'CS03', '--enrol', await issueCode(server, ownUnion))).code,
    ).toBe(0);
    const phoneOnServer = async (rowId: string) =>
      (
        await server.query<{ data: string }>(
          'SELECT r.data FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.id = $1 AND r.row_id = $2',
          [ownUnion, rowId],
        )
      ).map((r) => (JSON.parse(r.data) as { phone: string }).phone)[0];
    const setPhone = async (id: string, phone: string) => {
      const { withBookFile } = await import('../../../server/cli/book-session');
      await withBookFile(own, (store) => store.update('members', [{ id, patch: { phone } }]));
    };
    const member = (await readBookSession(own)).book.members[0]!;
    const before = await phoneOnServer(member.id);
    await setPhone(member.id, '13911112222');
    refuseRow = member.id;
    expect((await runCli('sync', '--book', own)).code).toBe(3);

    // An id that names no refused record: a usage error, and the file stays as it was.
    const untouched = await readFile(own);
    const wrong = await runCli('sync', '--book', own, '--drop-refused', 'no-such-row');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('中没有编号为 no-such-row 的被拒收记录，账簿未做任何更改。');
    expect(wrong.err).toContain(`被拒收的记录：会员“${member.name}”（编号 ${member.id}）`);
    expect((await runCli('sync', '--book', own, '--retry-refused', '--drop-refused', member.id)).code).toBe(2);
    expect(await readFile(own)).toEqual(untouched);

    // Sent again while the server still refuses it: set aside again, exit 3, the reason told again.
    const still = await runCli('sync', '--book', own, '--retry-refused');
    expect(still.code).toBe(3);
    expect(still.out).toContain(`已重新发送会员“${member.name}”被拒收的 1 条更改，按记录现在的内容发送。`);
    expect(still.out).toContain(`服务器拒收 会员“${member.name}”（手机）`);
    expect(still.out).toContain(`［编号 ${member.id}］`);
    expect(still.out).toContain(`unionbooks sync --book ${own} --retry-refused [编号] 重新发送`);
    expect(await phoneOnServer(member.id)).toBe(before);

    // Accepted once the server takes it.
    refuseRow = '';
    const sent = await runCli('sync', '--book', own, '--retry-refused', member.id, '--json');
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.out)).toMatchObject({
      ok: true,
      pushed: 1,
      refused: 0,
      pending: 0,
      retried: [{ table: 'members', rowId: member.id, title: member.name, changes: 1 }],
    });
    expect(await phoneOnServer(member.id)).toBe('13911112222');
    expect((await readBookSession(own)).sync!.outbox).toEqual([]);

    // Given up: the book keeps its value, the server never gets it.
    await setPhone(member.id, '13933334444');
    refuseRow = member.id;
    expect((await runCli('sync', '--book', own)).code).toBe(3);
    refuseRow = '';
    const dropped = await runCli('sync', '--book', own, '--drop-refused', member.id);
    expect(dropped.code).toBe(0);
    expect(dropped.out).toContain(
      `已放弃会员“${member.name}”被拒收的 1 条更改：本账簿中的记录保持现状，服务器和本工会的其他设备不会收到这次更改。`,
    );
    expect(dropped.out).toContain('发送 0 条更改');
    expect(await phoneOnServer(member.id)).toBe('13911112222');
    const after = await readBookSession(own);
    expect(after.book.members.find((m) => m.id === member.id)?.phone).toBe('13933334444');
    expect(after.sync!.outbox).toEqual([]);
    const json = JSON.parse((await runCli('sync', '--book', own, '--json')).out) as SyncJson;
    expect(json).toMatchObject({ ok: true, pushed: 0, refused: 0, refusedRecords: [] });
  });

  it('keeps an encrypted book encrypted, credentials included', async () => {
    const locked = join(dir, 'locked.ubk');
    const passwordFile = join(dir, 'password.txt');
    await writeFile(passwordFile, '城关 2025 同步\n');
    expect((await runCli('backup', 'encrypt', '--book', book, '--out', locked, '--password-file', passwordFile)).code).toBe(0);
    const { unionId: second } = await unionWithDevices(app, server, 'CS02', 0);
    const code = await issueCode(server, second);
    const r = await runCli('sync', '--book', locked, '--server', url, '--union', 'CS02', '--enrol', code, '--password-file', passwordFile);
    expect(r.code).toBe(3);
    const bytes = new Uint8Array(await readFile(locked));
    expect(await isEncryptedBackup(bytesSource(bytes))).toBe(true);
    const state = await withBookPassword('城关 2025 同步', async () => (await readBookSession(locked)).sync);
    expect(state?.credentials.unionCode).toBe('CS02');
    expect(Buffer.from(bytes).includes(state!.credentials.token)).toBe(false);
    expect((await runCli('sync', '--book', locked)).err).toContain('设有密码');
  });

  it('tells a revoked device to enrol again, and changes nothing', async () => {
    const { sync: state } = await readBookSession(book);
    await revokeDevice(server, unionId, state!.deviceId);
    const before = await readFile(book);
    const r = await runCli('sync', '--book', book);
    expect(r.code).toBe(1);
    expect(r.err).toContain('设备可能已被上级工会撤销');
    expect(r.err).toContain('--enrol 注册码 重新注册');
    expect(await readFile(book)).toEqual(before);
    expect((await sync()).json.error).toMatchObject({ code: 'unauthorised', offline: false });
  });

  it('offline: says so, exits 4 and changes nothing', async () => {
    const code = await issueCode(server, unionId);
    expect((await sync('--server', url, '--union', 'CS01', '--enrol', code)).code).toBe(3);
    expect(
      (
        await runCli(
          'books',
          'add',
          '--date',
          '2025-02-12',
          '--account',
          '408',
          '--amount',
          '7',
          '--place',
          'cash',
          '--summary',
          '离线记账',
          '--book',
          book,
        )
      ).code,
    ).toBe(0);
    await app.close();
    const before = await readFile(book);
    const r = await runCli('sync', '--book', book);
    expect(r.code).toBe(4);
    expect(r.err).toContain(`无法连接服务器 ${url}`);
    expect(r.err).toContain('账簿未做任何更改；待发送的更改 1 条');
    expect(await readFile(book)).toEqual(before);
  });

  it('asks for enrolment first, and for --enrol with --server', async () => {
    const fresh = join(dir, 'fresh.ubk');
    expect((await runCli('init', '--name', '新工会', '--out', fresh)).code).toBe(0);
    const r = await runCli('sync', '--book', fresh);
    expect(r.code).toBe(2);
    expect(r.err).toContain('尚未注册到上级工会服务器');
    expect((await runCli('sync', '--book', fresh, '--server', url)).err).toContain('须与 --enrol 注册码 一起给出');
  });
});
