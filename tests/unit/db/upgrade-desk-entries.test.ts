import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { SCHEMA_V8, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { deskEntriesOf, entryMonthsOf } from '../../../shared/desk/desk-entries';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { balancesAt } from '../../../shared/finance/balances';
import { spendingByMonth } from '../../../shared/finance/monthly';

describe('the entries of 概览 on a book of an earlier version', () => {
  it('Dexie version 8 → 9 folds every entry into its month, removed entries left out', async () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-11', today: '2026-11-30' });
    const last = book.transactions.length - 1;
    book.transactions[last] = { ...book.transactions[last]!, deleted: 1 };
    const name = `upgrade-desk-entries-${process.pid}-${Math.random()}`;
    const v8 = new Dexie(name);
    v8.version(8).stores(SCHEMA_V8);
    await v8.open();
    await v8.table('transactions').bulkAdd(book.transactions);
    v8.close();

    const db = new UnionBooksDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const stored = await db.$deskEntries.orderBy('id').toArray();
    expect(stored).toEqual(entryMonthsOf(book.transactions));
    expect(stored.length).toBeGreaterThan(6);
    // The stand-ins carry what the entries do.
    const { fromYear } = deskEntriesOf(stored, 2026);
    const live = book.transactions.filter((t) => t.date >= '2026-01-01');
    expect(spendingByMonth(fromYear, 2026)).toEqual(spendingByMonth(live, 2026));
    const finance = (transactions: typeof live) => ({ transactions, openingBalances: book.openingBalances });
    expect(balancesAt(finance(fromYear), '2026-11-30')).toEqual(balancesAt(finance(live), '2026-11-30'));
    expect(await db.$changes.count()).toBe(0);
    db.close();
    await db.delete();
  });
});
