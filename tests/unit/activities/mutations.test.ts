import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { addActivityExpense, removeActivity, removePhoto, saveActivity, type ActivityInput } from '../../../shared/engine/ops/activities';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { BookError } from '../../../shared/engine/errors';

let db: UnionBooksDB;
let mutator: Mutator;
let store: DexieStore;
let count = 0;

beforeEach(async () => {
  db = new UnionBooksDB(`activities-${++count}`);
  await db.open();
  mutator = await openMutator(db);
  store = new DexieStore(db, mutator, () => '2026-12-01');
  await mutator.insert('openingBalances', {
    year: 2025,
    month: '2025-01',
    cashFen: 1_000_000,
    bankFen: 1_000_000,
    booksStart: false,
    duesBeforeFen: 0,
  });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const input: ActivityInput = {
  title: '三八妇女节健步走',
  category: '文体活动',
  startDate: '2025-03-08',
  endDate: '2025-03-08',
  place: '滨江公园',
  organiser: '工会女职工委员会',
  participantIds: ['m1', 'm2'],
  headCount: 45,
  description: '',
  photoIds: [],
  planned: false,
};
const photo = (name: string) => ({ name, mimeType: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]), caption: name });

describe('activity mutations', () => {
  it('saves the activity with its photos as attachment rows, and later photos are appended', async () => {
    const a = await saveActivity(store, null, input, [photo('合影.jpg')]);
    expect(a.photoIds).toHaveLength(1);
    const stored = await db.attachments.get(a.photoIds[0]!);
    expect(stored).toMatchObject({ name: '合影.jpg', mimeType: 'image/jpeg', size: 6 });
    expect([...stored!.data]).toEqual([0xff, 0xd8, 0xff, 1, 2, 3]);

    const edited = await saveActivity(store, a.id, { ...input, title: '健步走', photoIds: a.photoIds }, [photo('终点.jpg')]);
    expect(edited.title).toBe('健步走');
    expect(edited.photoIds).toHaveLength(2);
    await removePhoto(store, a.id, a.photoIds[0]!);
    expect((await db.activities.get(a.id))!.photoIds).toEqual([edited.photoIds[1]]);
    expect((await db.attachments.get(a.photoIds[0]!))!.deleted).toBe(1);
  });

  it('an expense is posted to 收支 with the activity id and linked back', async () => {
    const a = await saveActivity(store, null, input, []);
    await addActivityExpense(store, a.id, {
      date: '2025-03-08',
      place: 'bank',
      accountCode: '50102',
      amountFen: 123_450,
      summary: '健步走矿泉水',
    });
    const [tx] = await db.transactions.toArray();
    expect(tx).toMatchObject({ activityId: a.id, accountCode: '50102', amountFen: 123_450, voucherNumber: '记-001', place: 'bank' });
    expect((await db.activities.get(a.id))!.transactionIds).toEqual([tx!.id]);
  });

  it('an expense in a closed month is refused and the activity is left as it was', async () => {
    const a = await saveActivity(store, null, input, []);
    await mutator.insert('monthCloses', { month: '2025-03', closed: true, reopenReason: '', closedAt: '' });
    await expect(
      addActivityExpense(store, a.id, { date: '2025-03-20', place: 'cash', accountCode: '50102', amountFen: 100, summary: 'x' }),
    ).rejects.toBeInstanceOf(BookError);
    expect(await db.transactions.count()).toBe(0);
    expect((await db.activities.get(a.id))!.transactionIds).toEqual([]);
  });

  it('removing an activity tombstones it and its photos but keeps its expenses', async () => {
    const a = await saveActivity(store, null, input, [photo('p.jpg')]);
    await addActivityExpense(store, a.id, { date: '2025-03-08', place: 'bank', accountCode: '50102', amountFen: 500, summary: 'x' });
    await removeActivity(store, a.id);
    expect((await db.activities.get(a.id))!.deleted).toBe(1);
    expect((await db.attachments.get(a.photoIds[0]!))!.deleted).toBe(1);
    expect((await db.transactions.toArray()).filter((t) => t.deleted === 0)).toHaveLength(1);
  });
});
