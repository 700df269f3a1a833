import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { openMutator } from '../../../renderer/src/db/mutations';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import type { DuesMonthRow } from '../../../shared/desk/dues-months';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { postDuesMonth } from '../../../shared/engine/ops/dues';
import type { BookTables } from '../../../shared/model/book';
import { stampPostingRows, writeRawPosting } from '../../bench/dues-raw-write';
import { duesBook } from './fixture';

const OPTIONS = { month: '2025-03', paidDate: '2025-03-15', rule: DEFAULT_DUES_RULE };

function book(): BookTables {
  const f = duesBook();
  for (let i = 0; i < 40; i++) {
    const m = f.addMember(`会员${i}`, i % 2 ? '车间' : '科室');
    f.base(m.id, 2025, 4000 + i * 100);
  }
  return f.book;
}

async function open(name: string, rows: BookTables) {
  const db = new UnionBooksDB(`${name}-${Date.now()}-${Math.random()}`);
  await db.open();
  const mutator = await openMutator(db);
  await mutator.replaceBook(rows);
  return { db, store: new DexieStore(db, mutator, () => '2026-12-01') };
}

/** What a write left in the tables it touches and the stores derived from them, ids and stamps aside. */
async function written(db: UnionBooksDB) {
  const months = (await db.$duesMonths.orderBy('id').toArray()).map((row: DuesMonthRow) => ({
    id: row.id,
    latestPaidDate: row.latestPaidDate,
    // Members in the order they were folded in, which differs between one insert and chunks of one.
    members: row.memberIds.map((id, i) => `${id}:${row.netFen[i]}:${row.rows[i]}`).sort(),
  }));
  return {
    payments: await db.duesPayments.count(),
    entries: await db.transactions.count(),
    outbox: await db.$changes.count(),
    months,
    counts: await db.$deskCounts.orderBy('id').toArray(),
    entryMonths: await db.$deskEntries.orderBy('id').toArray(),
  };
}

describe('the raw write beside which the dues bench times a posting', () => {
  it('writes the rows a posting writes, and through the middleware the same derived rows', async () => {
    const rows = book();
    const posting = await open('raw-write-posting', rows);
    const plan = await postDuesMonth(posting.store, OPTIONS);
    expect(plan.posted).toBe(40);
    const [entry] = await posting.db.transactions.where('duesBatchId').equals(plan.batchId).toArray();

    const raw = await open('raw-write-raw', rows);
    const ctx = { deviceId: 'bench', clock: new HybridLogicalClock('bench') };
    await writeRawPosting(raw.db, stampPostingRows(ctx, plan.payments, { ...plan.transaction!, voucherNumber: entry!.voucherNumber }));

    expect(await written(raw.db)).toEqual(await written(posting.db));
    for (const { db } of [posting, raw]) {
      db.close();
      await db.delete();
    }
  });
});
