import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { SCHEMA_V5, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { duesMonthsOf } from '../../../shared/desk/dues-months';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';

describe('payments of earlier versions', () => {
  it('Dexie version 5 → 6 folds every payment into its month, reversals and removed ones as they are', async () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-11', today: '2026-11-30' });
    const payments = book.duesPayments.slice(0, 3000);
    payments[0] = { ...payments[0]!, deleted: 1 };
    payments.push({ ...payments[1]!, id: 'reversal-0001', amountFen: -payments[1]!.amountFen, reversalOf: payments[1]!.id });
    const name = `upgrade-dues-months-${process.pid}-${Math.random()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(SCHEMA_V5);
    await v5.open();
    await v5.table('duesPayments').bulkAdd(payments);
    v5.close();

    const db = new UnionBooksDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const stored = await db.$duesMonths.orderBy('id').toArray();
    expect(stored).toEqual(duesMonthsOf(payments));
    const first = stored.find((r) => r.memberIds.includes(payments[1]!.memberId) && r.month === payments[1]!.month)!;
    expect(first.netFen[first.memberIds.indexOf(payments[1]!.memberId)]).toBe(0);
    expect(await db.$changes.count()).toBe(0);
    db.close();
    await db.delete();
  });
});
