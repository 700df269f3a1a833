import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { TABLE_NAMES } from '../../../shared/model/book';
import { writeEnrolmentFile } from '../../../shared/sync/package/enrolment-file';
import type { Database } from '../../../server/sync/db';
import { enrolOffline, importPackage } from '../../../server/sync/store/packages';
import { createUnion, issueCode } from '../../../server/sync/store/unions';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { syncEngineFor } from '../../../renderer/src/features/sync/engine';
import { enrolDevice } from '../../../renderer/src/features/sync/mutations';
import { enrolFromFile, exportPackage, importReply } from '../../../renderer/src/features/sync/packages';
import { isYearLocked, pendingCount } from '../../../renderer/src/features/sync/queries';
import { listeningServer } from './harness';
import { publishNotice } from '../../../server/sync/store/notices';
import type { Notice } from '../../../shared/sync/protocol';
import { NOTICE_ATTACHMENT_PREFIX } from '../../../renderer/src/features/sync/notices';
import { getValue, KEYS, setValue } from '../../../renderer/src/features/sync/state';

const clock = new HybridLogicalClock('servertest');

/** Everything a reply could write on the device: the book, the outbox and the sync bookkeeping. */
async function snapshot(db: UnionBooksDB): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const t of [...TABLE_NAMES, '$changes', '$sync']) out[t] = await db.table(t).toArray();
  return JSON.stringify(out, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v).join(',') : v));
}

async function enrolledByFile(server: Database, code: string, name: string): Promise<{ db: UnionBooksDB; mutator: Mutator }> {
  const { union } = await createUnion(server, code, `${code} 工会`);
  const e = await enrolOffline(server, union.id);
  const file = await writeEnrolmentFile({ unionCode: code, unionName: union.name, ...e }, 'ABCDE-FGHJK', { iterations: 1000 });
  const local = new UnionBooksDB(name);
  const mutator = await openMutator(local);
  await enrolFromFile(local, file, 'abcde-fghjk');
  return { db: local, mutator };
}

/** The app's offline path (Dexie on fake-indexeddb) beside a device of the same union syncing over the network. */
describe('the app’s offline packages', () => {
  let server: Database;
  let app: FastifyInstance;
  let url = '';
  let offline: { db: UnionBooksDB; mutator: Mutator };
  let online: { db: UnionBooksDB; mutator: Mutator };
  const demo = generateDemoBook({ ...SMALL_DEMO, endMonth: '2025-12' });

  beforeAll(async () => {
    ({ db: server, app, url } = await listeningServer());
    offline = await enrolledByFile(server, 'OFF1', 'offline-a');
    await offline.mutator.replaceBook(demo);
  });
  afterAll(async () => {
    await app.close();
    await server.close();
  });

  it('sends the whole book and the year’s report in one package, and the reply locks the year with its receipt', async () => {
    const pkg = await exportPackage(offline.db, offline.mutator, 2025);
    expect(pkg.seq).toBe(1);
    const { report, reply } = await importPackage(server, clock, pkg.bytes);
    expect(report.submission?.receiptNumber).toBe('BS-2025-OFF1-01');
    const imported = await importReply(offline.db, offline.mutator, reply);
    expect(imported.receipt?.receiptNumber).toBe('BS-2025-OFF1-01');
    expect(await isYearLocked(offline.db, 2025)).toBe(true);
    expect(await pendingCount(offline.db)).toBe(0);
    const stored = await server.query<{ n: unknown }>("SELECT count(*) AS n FROM rows WHERE tbl = 'members'");
    expect(Number(stored[0]?.n)).toBe(demo.members.length);
  });

  it('meets a device syncing over the network: each sees the other’s edits', async () => {
    const [union] = await server.query<{ id: string }>("SELECT id FROM unions WHERE code = 'OFF1'");
    const local = new UnionBooksDB('online-b');
    online = { db: local, mutator: await openMutator(local) };
    await enrolDevice(local, online.mutator, { serverUrl: url, unionCode: 'OFF1', enrolmentCode: await issueCode(server, union!.id) });
    expect(await syncEngineFor(local, online.mutator).syncNow()).toBe(true);
    const [m0, m1] = [demo.members[0]!, demo.members[1]!];
    await online.mutator.update('members', m0.id, { phone: '13900000000' });
    expect(await syncEngineFor(local, online.mutator).syncNow()).toBe(true);
    await offline.mutator.update('members', m1.id, { note: '离线设备改' });

    const root = (
      await server.query<{ id: string; code: string; name: string }>("SELECT id, code, name FROM orgs WHERE code = 'ROOT'")
    )[0]!;
    await publishNotice(server, {
      fromOrgId: root.id,
      to: { ...root, parentId: null },
      title: '关于报送年报的通知',
      body: '请于月底前报送。',
    });

    const pkg = await exportPackage(offline.db, offline.mutator, null);
    expect(pkg.changes).toBe(1);
    await importReply(offline.db, offline.mutator, (await importPackage(server, clock, pkg.bytes)).reply);
    expect((await offline.db.members.get(m0.id))?.phone).toBe('13900000000');
    expect((await getValue<Notice[]>(offline.db, KEYS.notices))?.map((n) => n.title)).toEqual(['关于报送年报的通知']);
    expect(await syncEngineFor(local, online.mutator).syncNow()).toBe(true);
    expect((await local.members.get(m1.id))?.note).toBe('离线设备改');
  });

  it('refuses a reply of another union, an older reply, a changed or cut-short reply, writing nothing', async () => {
    const other = await enrolledByFile(server, 'OFF2', 'offline-c');
    const foreign = (await importPackage(server, clock, (await exportPackage(other.db, other.mutator, null)).bytes)).reply;

    await offline.mutator.update('members', demo.members[2]!.id, { note: '第三号包' });
    const older = (await importPackage(server, clock, (await exportPackage(offline.db, offline.mutator, null)).bytes)).reply;
    const newer = (await importPackage(server, clock, (await exportPackage(offline.db, offline.mutator, null)).bytes)).reply;
    await importReply(offline.db, offline.mutator, newer);

    const before = await snapshot(offline.db);
    const changed = newer.slice();
    changed[changed.length - 30] = changed[changed.length - 30]! ^ 4;
    const cases: [Uint8Array, RegExp][] = [
      [foreign, /属于工会 OFF2/],
      [older, /较早的回执包（第 3 号）/],
      [changed, /校验失败/],
      [newer.slice(0, newer.length - 5), /校验失败/],
      [newer.slice(0, 12), /不完整/],
    ];
    for (const [bytes, message] of cases) {
      await expect(importReply(offline.db, offline.mutator, bytes)).rejects.toThrow(message);
    }
    expect(await snapshot(offline.db)).toBe(before);
  });

  it('enrolling from a file forgets what the device held of an earlier server: its notices, what was read, their attachments', async () => {
    const { union } = await createUnion(server, 'OFF7', 'OFF7 工会');
    const e = await enrolOffline(server, union.id);
    const file = await writeEnrolmentFile({ unionCode: 'OFF7', unionName: union.name, ...e }, 'ABCDE-FGHJK', { iterations: 1000 });
    const local = new UnionBooksDB('offline-earlier-server');
    await openMutator(local);
    const old: Notice = {
      id: 'n-old',
      title: '旧服务器的通知',
      body: '',
      from: '旧上级工会',
      publishedAt: '2025-01-01T00:00:00.000Z',
      attachment: null,
    };
    await setValue(local, KEYS.notices, [old]);
    await setValue(local, KEYS.noticesRead, ['n-old']);
    await setValue(local, `${NOTICE_ATTACHMENT_PREFIX}n-old`, { name: '附件.pdf' });

    await enrolFromFile(local, file, 'abcde-fghjk');
    expect(await getValue(local, KEYS.notices)).toBeUndefined();
    expect(await getValue(local, KEYS.noticesRead)).toBeUndefined();
    expect(await local.$sync.where('key').startsWith(NOTICE_ATTACHMENT_PREFIX).count()).toBe(0);
    expect((await getValue<{ unionCode: string }>(local, KEYS.config))?.unionCode).toBe('OFF7');
  });

  it('a book replaced after its package left is sent whole again, even when the old package’s reply arrives after', async () => {
    const fresh = await enrolledByFile(server, 'OFF9', 'offline-replaced');
    await fresh.mutator.replaceBook(demo);
    const first = await exportPackage(fresh.db, fresh.mutator, null);
    expect(first.changes).toBeGreaterThan(0);
    const { reply } = await importPackage(server, clock, first.bytes);
    // Restored from another file before the reply came back.
    const other = generateDemoBook({ ...SMALL_DEMO, endMonth: '2025-11' });
    await fresh.mutator.replaceBook(other);
    await importReply(fresh.db, fresh.mutator, reply);
    const second = await exportPackage(fresh.db, fresh.mutator, null);
    const rows = TABLE_NAMES.reduce((n, t) => n + other[t].length, 0);
    expect(second.changes).toBe(rows);
  });
});
