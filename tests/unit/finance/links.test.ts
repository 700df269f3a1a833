import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { BookError } from '../../../shared/engine/errors';
import { postEntry, updateEntry } from '../../../shared/engine/ops/entries';

let db: UnionBooksDB;
let mutator: Mutator;
let store: DexieStore;
let count = 0;

beforeEach(async () => {
  db = new UnionBooksDB(`finance-links-${++count}`);
  await db.open();
  mutator = await openMutator(db);
  store = new DexieStore(db, mutator, () => '2026-12-01');
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const fields = {
  date: '2025-05-04',
  place: 'bank' as const,
  accountCode: '50102',
  amountFen: 120_000,
  summary: '青年节趣味运动会',
  activityId: '',
  welfareId: '',
};

async function activity(title: string) {
  return mutator.insert('activities', {
    title,
    category: '文体活动',
    startDate: '2025-05-04',
    endDate: '2025-05-04',
    place: '',
    organiser: '',
    participantIds: [],
    headCount: 30,
    description: '',
    photoIds: [],
    transactionIds: [],
    planned: false,
  });
}

describe('links to activities and welfare visits', () => {
  it('an entry linked to an activity is listed on it; moving the link moves it', async () => {
    const a = await activity('趣味运动会');
    const b = await activity('篮球赛');
    const tx = await postEntry(store, { ...fields, activityId: a.id }, []);
    expect((await db.activities.get(a.id))?.transactionIds).toEqual([tx.id]);
    await updateEntry(store, tx.id, { ...fields, activityId: b.id }, []);
    expect((await db.activities.get(a.id))?.transactionIds).toEqual([]);
    expect((await db.activities.get(b.id))?.transactionIds).toEqual([tx.id]);
    expect((await db.transactions.get(tx.id))?.activityId).toBe(b.id);
  });

  it('a visit without an expense gets the entry; a visit already paid is refused and nothing is written', async () => {
    const visit = await mutator.insert('welfare', {
      memberId: 'm1',
      kind: '住院',
      subKind: '手术',
      date: '2025-05-06',
      form: 'cash',
      amountFen: 100_000,
      note: '',
      transactionId: '',
    });
    const tx = await postEntry(store, { ...fields, accountCode: '50105', welfareId: visit.id }, []);
    expect((await db.welfare.get(visit.id))?.transactionId).toBe(tx.id);
    await expect(postEntry(store, { ...fields, accountCode: '50105', welfareId: visit.id }, [])).rejects.toThrow(BookError);
    expect(await db.transactions.count()).toBe(1);
  });
});
