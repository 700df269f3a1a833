import { describe, expect, it } from 'vitest';
import type { FinanceBook } from '../../../shared/finance/balances';
import { cashShortfall } from '../../../renderer/src/features/finance/cash-check';
import { handBook } from './fixture';

// The hand book's 2025 cash by day: 500.00 carried forward; 01-20 350.00; 02-05 250.00; 03-03 400.00 (a reversal).
const whole = handBook();
const book: FinanceBook = { transactions: whole.transactions, openingBalances: whole.openingBalances };
const entry = (date: string, place: 'cash' | 'bank', accountCode: string, amountFen: number | null) => ({
  date,
  place,
  accountCode,
  amountFen,
});

describe('the warning before an entry that pays from cash', () => {
  it('names the day cash would close below zero, with the balance', () => {
    expect(cashShortfall(book, entry('2025-02-05', 'cash', '50105', 30_000))).toEqual({ date: '2025-02-05', cashFen: -5_000 });
  });

  it('finds a later day that the entry pushes below zero', () => {
    // 350.00 - 300.00 = 50.00 on 01-25, then 02-05 spends 100.00.
    expect(cashShortfall(book, entry('2025-01-25', 'cash', '50105', 30_000))).toEqual({ date: '2025-02-05', cashFen: -5_000 });
  });

  it('is silent when cash stays at or above zero, or the entry does not touch cash', () => {
    expect(cashShortfall(book, entry('2025-03-05', 'cash', '50102', 40_000))).toBeNull();
    expect(cashShortfall(book, entry('2025-02-05', 'bank', '50105', 9_999_999))).toBeNull();
    expect(cashShortfall(book, entry('2025-02-05', 'cash', '401', 9_999_999))).toBeNull();
  });

  it('judges transfers by the sign rule: 存现 takes cash out, 提现 brings it in', () => {
    expect(cashShortfall(book, entry('2025-01-02', 'cash', '102', 45_000))).toEqual({ date: '2025-01-20', cashFen: -10_000 });
    expect(cashShortfall(book, entry('2025-01-02', 'bank', '101', 45_000))).toBeNull();
  });

  it('counts an edited entry once, at its new amount', () => {
    const feb = whole.transactions.find((t) => t.date === '2025-02-05')!;
    expect(cashShortfall(book, { ...entry('2025-02-05', 'cash', '50105', 35_000) }, feb)).toBeNull();
    expect(cashShortfall(book, { ...entry('2025-02-05', 'cash', '50105', 40_000) }, feb)).toEqual({ date: '2025-02-05', cashFen: -5_000 });
  });

  it('says nothing about an amount or account that is not complete yet', () => {
    expect(cashShortfall(book, entry('2025-02-05', 'cash', '50105', null))).toBeNull();
    expect(cashShortfall(book, entry('2025-02-05', 'cash', '', 30_000))).toBeNull();
    expect(cashShortfall(book, entry('', 'cash', '50105', 30_000))).toBeNull();
  });
});
