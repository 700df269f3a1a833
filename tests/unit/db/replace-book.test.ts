import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBackup } from '../../../shared/backup/format';
import { newUnionProfile } from '../../../shared/book/new-union';
import { generateDemoBook } from '../../../shared/demo/generator';
import { emptyMemberDraft } from '../../../shared/members/fields';
import { openPglite, type Database } from '../../../server/sync/db';
import { createUnion } from '../../../server/sync/store/unions';
import { SYNC_KEYS } from '../../../renderer/src/db/sync-keys';
import { clearBook, loadDemoBook, readWholeBook, restoreBackup } from '../../../renderer/src/features/backup/book-io';
import { getBackupFolder, setBackupFolder } from '../../../renderer/src/features/backup/device-folder';
import { otherUnionIn } from '../../../renderer/src/features/backup/replace-book';
import { syncEngineFor } from '../../../renderer/src/features/sync/engine';
import { enrolDevice } from '../../../renderer/src/features/sync/mutations';
import { pendingCount } from '../../../renderer/src/features/sync/queries';
import { startServer } from '../sync/harness';
import { freshDb } from './helpers';

/** A device enrolled for a real union on a real server (PGlite), whose book is then replaced. */
describe('replacing the book on a device enrolled for sync', () => {
  let server: Database;
  let app: FastifyInstance;
  let url = '';
  let code = 0;

  beforeAll(async () => {
    server = await openPglite();
    app = await startServer(server);
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
    await server.close();
  });

  const serverRows = async (unionCode: string) => {
    const [r] = await server.query<{ n: unknown }>(
      'SELECT count(*) AS n FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.code = $1',
      [unionCode],
    );
    return Number(r?.n);
  };

  /** A device with its own small union, enrolled and fully synced, with one more edit waiting in the outbox. */
  async function enrolledDevice() {
    const unionCode = `REAL${++code}`;
    const { enrolmentCode } = await createUnion(server, unionCode, '真实工会');
    const device = await freshDb();
    const union = await device.mutator.insert('union', newUnionProfile({ name: '真实工会', code: unionCode }));
    await device.mutator.insert('members', { ...emptyMemberDraft(), name: '张三', joinDate: '2020-01-01' });
    await enrolDevice(device.db, device.mutator, { serverUrl: url, unionCode, enrolmentCode });
    expect(await syncEngineFor(device.db, device.mutator).syncNow()).toBe(true);
    await device.mutator.update('union', union.id, { chair: '李四' });
    await setBackupFolder(device.db, 'D:\\工会备份');
    return { ...device, unionCode, union, rowsBefore: await serverRows(unionCode) };
  }

  it('after loading the demo book, nothing is queued for the old union and nothing reaches it', async () => {
    const device = await enrolledDevice();
    expect(device.rowsBefore).toBe(2);

    const { book: demo, opened } = await loadDemoBook(device.db, device.mutator, new Date(2025, 11, 31));

    expect(await opened.db.$sync.get(SYNC_KEYS.config)).toBeUndefined();
    expect(await opened.db.$sync.get(SYNC_KEYS.cursor)).toBeUndefined();
    expect(await opened.db.$changes.count()).toBe(0);
    expect(await syncEngineFor(opened.db, opened.mutator).syncNow()).toBe(false);
    expect(await serverRows(device.unionCode)).toBe(device.rowsBefore);
    expect((await readWholeBook(opened.db)).members).toHaveLength(demo.members.length);
    // The device's own setting outlives the book it served.
    expect(await getBackupFolder(opened.db)).toBe('D:\\工会备份');
  });

  it('a restored backup of another union leaves sync and is never pushed into this one', async () => {
    const device = await enrolledDevice();
    const other = generateDemoBook({ seed: 5, members: 12, years: 1, endMonth: '2025-06' });
    expect(otherUnionIn(other, device.union)).toBe(other.union[0]?.name);

    const { opened } = await restoreBackup(
      device.db,
      device.mutator,
      await encodeBackup(other, { createdAt: '2025-07-01T00:00:00.000Z', appVersion: 'test' }),
    );

    expect(await opened.db.$sync.get(SYNC_KEYS.config)).toBeUndefined();
    expect(await pendingCount(opened.db)).toBeGreaterThan(0);
    expect(await syncEngineFor(opened.db, opened.mutator).syncNow()).toBe(false);
    expect(await serverRows(device.unionCode)).toBe(device.rowsBefore);
  });

  it('清空账簿 leaves sync too', async () => {
    const device = await enrolledDevice();
    const cleared = await clearBook(device.db, device.mutator);
    expect(await cleared.db.$sync.get(SYNC_KEYS.config)).toBeUndefined();
    expect(await cleared.db.union.count()).toBe(0);
    expect(await syncEngineFor(cleared.db, cleared.mutator).syncNow()).toBe(false);
    expect(await serverRows(device.unionCode)).toBe(device.rowsBefore);
  });

  it('a backup of the same union is recognised as such', async () => {
    const device = await enrolledDevice();
    expect(otherUnionIn(await readWholeBook(device.db), device.union)).toBeNull();
  });
});
