import { describe, expect, it } from 'vitest';
import { loadFinanceBook, loadOpening } from '../../../renderer/src/features/finance/load';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { verifyBook } from '../../../shared/engine/verify/verify-book';
import { openingBalance } from '../../../shared/finance/balances';
import { openingPayable } from '../../../shared/finance/payable';
import { computeStatement } from '../../../shared/finance/statement';
import type { Transaction } from '../../../shared/model/records';
import { freshDb } from '../db/helpers';

const book = generateDemoBook({ ...SMALL_DEMO, years: 3, endMonth: '2026-11', today: '2026-11-30' });
const handTyped = book.openingBalances.filter((r) => !r.carried);

describe('a demo book closed through earlier years', () => {
  it('carries each closed December into the next year, equal to what the entries give', () => {
    const carried = book.openingBalances.filter((r) => r.carried).sort((a, b) => a.year - b.year);
    expect(carried.map((r) => r.year)).toEqual([2025, 2026]);
    for (const row of carried) {
      const fromEntries = { transactions: book.transactions, openingBalances: handTyped };
      expect({ cashFen: row.cashFen, bankFen: row.bankFen }).toEqual(openingBalance(fromEntries, row.year));
      expect(row.payableFen).toBe(openingPayable(fromEntries, row.year));
    }
    expect(verifyBook(book, '2026-11-30')).toEqual([]);
  });

  it('gives the 收支 first screen the open year from its own opening row, with the same figures as the whole book', async () => {
    const { db, mutator } = await freshDb();
    await mutator.replaceBook(book);
    const opening = await loadOpening(db, 2026);
    expect(opening.own?.carried).toBe(true);
    const yearOnly = await loadFinanceBook(db, 2026);
    expect(yearOnly.transactions.every((t) => t.date.startsWith('2026-'))).toBe(true);
    expect(computeStatement(yearOnly, { year: 2026 })).toEqual(
      computeStatement({ transactions: book.transactions, openingBalances: handTyped }, { year: 2026 }),
    );
    db.close();
  });

  it('starts the open year from what was owed and held on 1 January, as the whole book does', async () => {
    // December of the year before leaves 应付上级经费, 代管经费 and an advance open across the year end.
    const template = book.transactions.find((t) => t.date === '2025-12-31' || t.date.startsWith('2025-12'))!;
    const entry = (id: string, fields: Partial<Transaction>): Transaction => ({
      ...template,
      id,
      reversalOf: '',
      duesBatchId: '',
      ...fields,
    });
    const december = [
      entry('owed-402', { accountCode: '402', place: 'bank', amountFen: 100_000, payableFen: 40_000, summary: '收到全额拨缴' }),
      entry('held-231', { accountCode: '231', place: 'bank', flow: 'in', amountFen: 50_000, summary: '收职工互助金' }),
      entry('lent-135', { accountCode: '135', place: 'bank', flow: 'out', amountFen: 30_000, summary: '预付活动费' }),
    ];
    const whole = { transactions: [...book.transactions, ...december], openingBalances: handTyped };
    const { db, mutator } = await freshDb();
    await mutator.replaceBook({ ...book, ...whole });
    const opening = await loadOpening(db, 2026);
    const expected = computeStatement(whole, { year: 2026 });
    expect(opening.owed.custodyFen).toBe(50_000);
    expect(opening.owed.receivableFen).toBe(30_000);
    expect(opening.owed.payableFen).toBe(expected.openingPayableFen);
    expect(computeStatement(await loadFinanceBook(db, 2026), { year: 2026 })).toEqual(expected);
    db.close();
  });
});
