import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { TABLE_NAMES } from '../../../shared/model/book';
import type { Database } from '../../../server/sync/db';
import { createUnion, issueCode } from '../../../server/sync/store/unions';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { syncEngineFor } from '../../../renderer/src/features/sync/engine';
import { enrolDevice, submitYearReport } from '../../../renderer/src/features/sync/mutations';
import { isYearLocked, pendingCount } from '../../../renderer/src/features/sync/queries';
import { getValue, KEYS, type SyncStatus } from '../../../renderer/src/features/sync/state';
import { ADMIN_PASSWORD, post, listeningServer } from './harness';

/** The app's sync client (Dexie on fake-indexeddb) against a real server listening on loopback. */
describe('the app’s sync client', () => {
  let db: Database;
  let app: FastifyInstance;
  let url = '';
  let first: { db: UnionBooksDB; mutator: Mutator };
  let second: { db: UnionBooksDB; mutator: Mutator };
  const totalRows = (book: Record<string, unknown[]>) => TABLE_NAMES.reduce((n, t) => n + (book[t]?.length ?? 0), 0);
  const demo = generateDemoBook({ ...SMALL_DEMO, endMonth: '2025-12' });

  beforeAll(async () => {
    ({ db: db, app, url } = await listeningServer());
    const open = async (name: string) => {
      const local = new UnionBooksDB(name);
      return { db: local, mutator: await openMutator(local) };
    };
    first = await open('client-a');
    second = await open('client-b');
    const { union, enrolmentCode } = await createUnion(db, 'CLI1', '客户端测试工会');
    await first.mutator.replaceBook(demo);
    await enrolDevice(first.db, first.mutator, {
      serverUrl: url.replace('http://', ''),
      unionCode: 'CLI1',
      enrolmentCode: enrolmentCode.toLowerCase(),
    });
    await enrolDevice(second.db, second.mutator, { serverUrl: url, unionCode: 'CLI1', enrolmentCode: await issueCode(db, union.id) });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('sends a book that has no outbox whole on the first sync, and reports nothing pending after', async () => {
    expect(await pendingCount(first.db)).toBe(totalRows(demo as unknown as Record<string, unknown[]>));
    // Count the rows the server sends back: a first sync onto an empty union must not echo the book.
    const realFetch = globalThis.fetch;
    let rowsBack = 0;
    let pushes = 0;
    globalThis.fetch = async (input, init) => {
      const res = await realFetch(input, init);
      if (String(input).endsWith('/api/v1/sync')) {
        const body = (await res.clone().json()) as { rows?: unknown[]; pushed?: unknown };
        rowsBack += body.rows?.length ?? 0;
        if (body.pushed) pushes++;
      }
      return res;
    };
    try {
      expect(await syncEngineFor(first.db, first.mutator).syncNow()).toBe(true);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(pushes).toBeGreaterThan(1);
    expect(rowsBack).toBe(0);
    const [union] = await db.query<{ last_seq: unknown }>("SELECT last_seq FROM unions WHERE code = 'CLI1'");
    expect(await getValue<number>(first.db, KEYS.cursor)).toBe(Number(union!.last_seq));
    const stored = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM rows');
    expect(Number(stored[0]?.n)).toBe(totalRows(demo as unknown as Record<string, unknown[]>));
    expect(await pendingCount(first.db)).toBe(0);
    const status = await getValue<SyncStatus>(first.db, KEYS.status);
    expect(status).toMatchObject({ phase: 'idle', progress: null });
    expect(status?.lastSyncAt).toBeTruthy();
  });

  it('brings the book to a second device without creating outbox entries there', async () => {
    expect(await syncEngineFor(second.db, second.mutator).syncNow()).toBe(true);
    expect(await second.db.members.count()).toBe(demo.members.length);
    const photo = demo.attachments[0];
    if (photo) expect((await second.db.attachments.get(photo.id))?.data).toEqual(photo.data);
    expect(await second.db.$changes.count()).toBe(0);
  });

  it('carries an edit made on one device to the other', async () => {
    const member = demo.members[0]!;
    await second.mutator.update('members', member.id, { phone: '13900000000' });
    await syncEngineFor(second.db, second.mutator).syncNow();
    await syncEngineFor(first.db, first.mutator).syncNow();
    expect((await first.db.members.get(member.id))?.phone).toBe('13900000000');
    expect(await second.db.$changes.where('synced').equals(0).count()).toBe(0);
  });

  it('locks a submitted year until the upper union returns it, and shows the reason', async () => {
    expect(await isYearLocked(first.db, 2025)).toBe(false);
    const receipt = await submitYearReport(first.db, first.mutator, 2025);
    expect(receipt.receiptNumber).toBe('BS-2025-CLI1-01');
    expect(await isYearLocked(first.db, 2025)).toBe(true);
    const docs = await db.query<{ name: string; content_base64: string }>(
      'SELECT name, content_base64 FROM submission_documents ORDER BY idx',
    );
    expect(docs).toHaveLength(2);
    expect(Buffer.from(docs[0]!.content_base64, 'base64').subarray(0, 2).toString()).toBe('PK');

    const login = await post(app, '/api/admin/login', { password: ADMIN_PASSWORD });
    const sub = await db.query<{ id: string }>('SELECT id FROM submissions');
    await post(app, `/api/admin/submissions/${sub[0]!.id}/return`, { reason: '女职工人数有误' }, String(login.body.token));
    await syncEngineFor(first.db, first.mutator).syncNow();
    expect(await isYearLocked(first.db, 2025)).toBe(false);
    const local = await first.db.submissions.where('year').equals(2025).first();
    expect(local).toMatchObject({ status: 'returned', returnReason: '女职工人数有误' });
  });

  it('writes later than what it pulled after a restart, even with the system time behind', async () => {
    const member = demo.members[1]!;
    await first.mutator.update('members', member.id, { note: '甲设备改' });
    await syncEngineFor(first.db, first.mutator).syncNow();
    await syncEngineFor(second.db, second.mutator).syncNow();
    const pulled = (await second.db.members.get(member.id))!;
    expect(pulled.note).toBe('甲设备改');
    // The app restarts on a computer whose clock is an hour slow, and edits the same field.
    const restarted = await openMutator(second.db, () => Date.now() - 3_600_000);
    await restarted.update('members', member.id, { note: '乙设备改' });
    expect((await second.db.members.get(member.id))!.updatedAt > pulled.updatedAt).toBe(true);
    await syncEngineFor(second.db, restarted).syncNow();
    await syncEngineFor(first.db, first.mutator).syncNow();
    expect((await first.db.members.get(member.id))?.note).toBe('乙设备改');
  });

  it('tells the truth when the server is unreachable', async () => {
    const lonely = new UnionBooksDB('client-c');
    const mutator = await openMutator(lonely);
    await lonely.$sync.put({
      key: KEYS.config,
      value: { serverUrl: 'http://127.0.0.1:9', unionCode: 'X', unionName: 'X', token: 'x'.repeat(20), enrolledAt: '' },
    });
    expect(await syncEngineFor(lonely, mutator).syncNow()).toBe(false);
    expect(await getValue<SyncStatus>(lonely, KEYS.status)).toMatchObject({
      phase: 'offline',
      message: expect.stringContaining('无法连接服务器'),
    });
  });
});
