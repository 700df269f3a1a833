import { describe, expect, it } from 'vitest';
import { loadFinanceBook, loadOpening } from '../../../renderer/src/features/finance/load';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { verifyBook } from '../../../shared/engine/verify/verify-book';
import { openingBalance } from '../../../shared/finance/balances';
import { openingPayable } from '../../../shared/finance/payable';
import { computeStatement } from '../../../shared/finance/statement';
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
});
