import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sha256 } from '../../../shared/backup/sha256';
import { generateDemoBook } from '../../../shared/demo/generator';
import { receiveHandover, sealHandover, startHandover } from '../../../shared/engine/ops/handover';
import { handoverFacts } from '../../../shared/handover/handover-facts';
import { pendingHandover } from '../../../shared/handover/handover-record';
import type { Handover } from '../../../shared/model/records';
import type { Database } from '../../../server/sync/db';
import { createUnion, issueCode } from '../../../server/sync/store/unions';
import { exportBackup, readWholeBook, restoreBackup } from '../../../renderer/src/features/backup/book-io';
import { readEnrolment } from '../../../renderer/src/features/backup/replace-book';
import { deviceSwapStep, revokeOldDevice } from '../../../renderer/src/features/handover/revoke-old-device';
import { syncEngineFor } from '../../../renderer/src/features/sync/engine';
import { enrolDevice } from '../../../renderer/src/features/sync/mutations';
import { getValue, KEYS, type SyncStatus } from '../../../renderer/src/features/sync/state';
import { freshDb, TEST_TODAY } from '../db/helpers';
import { listeningServer } from './harness';

const PASSWORD = '换届 交接 2026';

/**
 * The wizard's steps with the app's own code, two computers (Dexie on fake-indexeddb) and a real
 * server on loopback: the outgoing computer, enrolled, makes the handover backup; the incoming one
 * loads it, cannot act as the old device, enrols with its own code and has the old one revoked.
 */
describe('换届交接 from one enrolled computer to the next', () => {
  let server: Database;
  let app: FastifyInstance;
  let url = '';
  let unionId = '';
  let firstCode = '';

  beforeAll(async () => {
    ({ db: server, app, url } = await listeningServer());
    const created = await createUnion(server, 'HZ01', '交接测试工会');
    unionId = created.union.id;
    firstCode = created.enrolmentCode;
  });
  afterAll(async () => {
    await app.close();
    await server.close();
  });

  it('moves the books and the sync enrolment, and the old computer can no longer sync', async () => {
    const old = await freshDb(undefined, TEST_TODAY);
    await old.mutator.replaceBook(generateDemoBook({ seed: 5, members: 15, years: 1, endMonth: '2026-11', today: TEST_TODAY, photos: 0 }));
    await enrolDevice(old.db, old.mutator, {
      serverUrl: url,
      unionCode: 'HZ01',
      enrolmentCode: firstCode,
    });
    expect(await syncEngineFor(old.db, old.mutator).syncNow()).toBe(true);

    // The outgoing computer: the handover goes into the book, then into the encrypted backup.
    const facts = handoverFacts(await readWholeBook(old.db), TEST_TODAY);
    const started = await startHandover(old.store, {
      facts,
      from: '张三',
      to: '李四',
      supervisor: '王五',
      fromDeviceId: old.mutator.deviceId,
      syncUnionCode: (await readEnrolment(old.db))!.unionCode,
    });
    const file = await exportBackup(old.db, undefined, new Date(), { password: PASSWORD, iterations: 1_000 });
    const checksum = new Sha256().update(file).hex();
    await sealHandover(old.store, started.id, checksum);
    expect(await syncEngineFor(old.db, old.mutator).syncNow()).toBe(true);

    // The incoming computer: the file restores the book and the handover, never the old device's credentials.
    const incoming = await freshDb(undefined, TEST_TODAY);
    const { staged: book, opened: next } = await restoreBackup(incoming.db, incoming.mutator, file, undefined, PASSWORD);
    expect(await readEnrolment(next.db)).toBeNull();
    const pending = pendingHandover(book)!;
    expect(pending).toMatchObject({ id: started.id, fromDeviceId: old.mutator.deviceId, syncUnionCode: 'HZ01' });
    next.mutator.observeClock(pending.updatedAt);
    await receiveHandover(next.store, pending.id, checksum, new Date().toISOString());
    const received = async () => (await next.db.handovers.get(started.id)) as Handover;
    expect(deviceSwapStep(await received(), null)).toBe('enrol');
    await expect(revokeOldDevice(next.db, next.store, await received())).rejects.toThrow(/本机还没有注册同步/);

    await enrolDevice(next.db, next.mutator, { serverUrl: url, unionCode: 'HZ01', enrolmentCode: await issueCode(server, unionId) });
    expect(deviceSwapStep(await received(), await readEnrolment(next.db))).toBe('revoke');
    expect(await revokeOldDevice(next.db, next.store, await received())).toHaveLength(1);
    expect((await received()).revokedAt).not.toBe('');
    expect(deviceSwapStep(await received(), await readEnrolment(next.db))).toBe('done');

    // The old computer is refused from now on; the new one syncs, and the server holds the whole handover.
    expect(await syncEngineFor(old.db, old.mutator).syncNow()).toBe(false);
    expect((await getValue<SyncStatus>(old.db, KEYS.status))?.code).toBe('unauthorised');
    expect(await syncEngineFor(next.db, next.mutator).syncNow()).toBe(true);
    const [found] = await server.query<{ data: unknown }>(
      `SELECT data FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.id = $1 AND r.tbl = 'handovers' AND row_id = $2`,
      [unionId, started.id],
    );
    const stored = { data: (typeof found?.data === 'string' ? JSON.parse(found.data) : found?.data) as Record<string, unknown> };
    expect(stored.data).toMatchObject({ from: '张三', to: '李四', checksum, fromDeviceId: old.mutator.deviceId });
    expect(stored.data.receivedAt).not.toBe('');
    expect(stored.data.revokedAt).not.toBe('');
    const devices = await server.query<{ device_id: string; revoked: boolean }>(
      'SELECT device_id, revoked_at IS NOT NULL AS revoked FROM devices WHERE union_id = $1 ORDER BY created_at',
      [unionId],
    );
    expect(devices.map((d) => [d.device_id, d.revoked])).toEqual([
      [old.mutator.deviceId, true],
      [next.mutator.deviceId, false],
    ]);
  });
});
