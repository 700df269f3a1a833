import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { SYNC_KEYS } from '../../../renderer/src/db/sync-keys';
import { rowProblems } from '../../../shared/records/check';
import { TABLE_NAMES } from '../../../shared/model/book';

const meta = (id: string) => ({ id, updatedAt: '000001700000000-000000-dev1', deviceId: 'dev1', deleted: 0 });

/** Writes a book as version 1 stored it: the union's backup folder, opening rows without a month, activities without `planned`. */
async function versionOneBook(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  await v1.table('union').add({
    ...meta('u1'),
    name: '甲工会',
    employer: '',
    code: '',
    upperUnion: '',
    chair: '',
    treasurer: '',
    employeeCount: 10,
    womenEmployeeCount: 4,
    duesRule: { rateBasisPoints: 50, baseFloorFen: 1000, rounding: 'fen' },
    spendingPreset: 'anhui-2018',
    backupFolder: 'D:\\工会备份',
  });
  await v1.table('openingBalances').add({ ...meta('o1'), year: 2024, cashFen: 100, bankFen: 2000 });
  await v1.table('activities').add({
    ...meta('a1'),
    title: '健步走',
    category: '文体活动',
    startDate: '2024-03-08',
    endDate: '2024-03-08',
    place: '',
    organiser: '',
    participantIds: [],
    headCount: 30,
    description: '',
    photoIds: [],
    transactionIds: [],
  });
  await v1
    .table('$changes')
    .add({ changeId: 'dev1:x', table: 'union', rowId: 'u1', hlc: '000001700000000-000000-dev1', fields: {}, synced: 1 });
  v1.close();
}

describe('Dexie upgrades', () => {
  it('version 1 → 2 gives every row the new fields, keeps every value, and moves the backup folder to the device', async () => {
    const name = `upgrade-${process.pid}-${Math.random()}`;
    await versionOneBook(name);
    const db = new UnionBooksDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const union = await db.union.get('u1');
    expect(union).not.toHaveProperty('backupFolder');
    expect(union?.name).toBe('甲工会');
    expect((await db.$sync.get(SYNC_KEYS.backupFolder))?.value).toBe('D:\\工会备份');
    expect(await db.openingBalances.get('o1')).toMatchObject({
      year: 2024,
      month: '2024-01',
      cashFen: 100,
      bankFen: 2000,
      booksStart: false,
      duesBeforeFen: 0,
    });
    expect((await db.activities.get('a1'))?.planned).toBe(false);
    // Every upgraded row is valid for its kind, and the upgrade wrote nothing to the outbox.
    for (const table of TABLE_NAMES) for (const row of await db.table(table).toArray()) expect(rowProblems(table, row)).toEqual([]);
    expect(await db.$changes.count()).toBe(1);
    db.close();
  });

  it('version 3 → 4 adds the fixed-asset register and leaves every row as it was, still valid', async () => {
    const name = `upgrade-v3-${process.pid}-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    v2.version(3).stores(SCHEMA_V3);
    await v2.open();
    const entry = {
      ...meta('t1'),
      date: '2025-03-05',
      place: 'bank',
      accountCode: '402',
      amountFen: 600_000,
      summary: '拨缴经费留成',
      voucherNumber: '记-001',
      attachmentIds: [],
      reversalOf: '',
      activityId: '',
      welfareId: '',
      duesBatchId: '',
    };
    const opening = { ...meta('o1'), year: 2025, month: '2025-01', cashFen: 100, bankFen: 2000, booksStart: true, duesBeforeFen: 0 };
    await v2.table('transactions').add(entry);
    await v2.table('openingBalances').add(opening);
    v2.close();
    const db = new UnionBooksDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.fixedAssets.count()).toBe(0);
    expect(await db.transactions.get('t1')).toEqual(entry);
    expect(await db.openingBalances.get('o1')).toEqual(opening);
    for (const table of TABLE_NAMES) for (const row of await db.table(table).toArray()) expect(rowProblems(table, row)).toEqual([]);
    // The new table is indexed for the register page and the link back to the purchase.
    expect(db.fixedAssets.schema.indexes.map((i) => i.name).sort()).toEqual(['acquiredDate', 'deleted', 'transactionId']);
    db.close();
  });
});
