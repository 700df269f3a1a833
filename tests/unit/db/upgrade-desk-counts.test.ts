import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { SCHEMA_V6, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { headlineCounts } from '../../../shared/desk/counts';
import { deskCountsOf, headlineCountIds, headlineFromCounts } from '../../../shared/desk/desk-counts';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';

describe('the counts of 概览 on a book of an earlier version', () => {
  it('Dexie version 6 → 8 counts every row as it is, removed rows left out', async () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-11', today: '2026-11-30' });
    book.members[0] = { ...book.members[0]!, deleted: 1 };
    book.transactions[book.transactions.length - 1] = { ...book.transactions[book.transactions.length - 1]!, deleted: 1 };
    const name = `upgrade-desk-counts-${process.pid}-${Math.random()}`;
    const v6 = new Dexie(name);
    v6.version(6).stores(SCHEMA_V6);
    await v6.open();
    for (const table of ['members', 'activities', 'welfare', 'transactions', 'duesPayments'] as const)
      await v6.table(table).bulkAdd(book[table]);
    v6.close();

    const db = new UnionBooksDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.$deskCounts.orderBy('id').toArray()).toEqual(deskCountsOf(book));
    const year = 2026;
    const inYear = (d: string) => d.startsWith(`${year}-`);
    expect(headlineFromCounts(await db.$deskCounts.bulkGet(headlineCountIds(year)), year)).toEqual(
      headlineCounts(
        {
          members: book.members,
          duesThisYearFen: book.duesPayments.filter((p) => p.deleted === 0 && inYear(p.month)).reduce((s, p) => s + p.amountFen, 0),
          activities: book.activities,
          welfareThisYear: book.welfare.filter((w) => w.deleted === 0 && inYear(w.date)).length,
          transactionsThisYear: book.transactions.filter((t) => t.deleted === 0 && inYear(t.date)).length,
        },
        year,
      ),
    );
    expect(await db.$changes.count()).toBe(0);
    db.close();
    await db.delete();
  });
});
