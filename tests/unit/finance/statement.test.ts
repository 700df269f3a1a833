import { describe, expect, it } from 'vitest';
import { balancesAt, openingBalance } from '../../../shared/finance/balances';
import { budgetExecution, formatRate } from '../../../shared/finance/budgets';
import { journalOfYear, monthTotals } from '../../../shared/finance/journal';
import { spendingByMonth } from '../../../shared/finance/monthly';
import { computeStatement, statementBalances } from '../../../shared/finance/statement';
import { handBook } from './fixture';

describe('opening balances carried forward', () => {
  const book = handBook();
  it('uses the typed-in row of its own year', () => {
    expect(openingBalance(book, 2024)).toEqual({ cashFen: 100_000, bankFen: 1_000_000 });
  });
  it('carries 2024 closing into 2025: cash 1000-200-300 = 500.00, bank 10000+500+3000 = 13500.00', () => {
    expect(openingBalance(book, 2025)).toEqual({ cashFen: 50_000, bankFen: 1_350_000 });
  });
  it('a typed-in row for 2026 wins over the carry-forward, and 2027 carries from it', () => {
    expect(openingBalance(book, 2026)).toEqual({ cashFen: 12_345, bankFen: 0 });
    expect(openingBalance(book, 2027)).toEqual({ cashFen: 12_345, bankFen: 0 });
  });
  it('before any typed-in year the book starts from zero', () => {
    expect(openingBalance(book, 2023)).toEqual({ cashFen: 0, bankFen: 0 });
  });
  it('balances at a day include that day, ignore tombstones', () => {
    // cash 500 - 150 (1-20) - 100 (2-05) = 250.00; bank 13500 + 600 + 1000 = 15100.00
    expect(balancesAt(book, '2025-02-28')).toEqual({ cashFen: 25_000, bankFen: 1_510_000 });
    // + reversal 150 back to cash; bank - 800; the deleted 999.99 is ignored
    expect(balancesAt(book, '2025-12-31')).toEqual({ cashFen: 40_000, bankFen: 1_430_000 });
  });
});

describe('收入支出表', () => {
  const book = handBook();
  it('year 2025: income 1600.00, spending 900.00, surplus 700.00, opening 14000.00, closing 14700.00', () => {
    const s = computeStatement(book, { year: 2025 });
    expect(s.label).toBe('2025年度');
    expect(s.income.totalFen).toBe(160_000);
    expect(s.expense.totalFen).toBe(90_000);
    expect(s.surplusFen).toBe(70_000);
    expect(s.opening).toEqual({ cashFen: 50_000, bankFen: 1_350_000 });
    expect(s.closing).toEqual({ cashFen: 40_000, bankFen: 1_430_000 });
    expect(statementBalances(s)).toBe(true);
    const income = Object.fromEntries(s.income.lines.map((l) => [l.code, l.amountFen]));
    expect(income).toEqual({ '401': 60_000, '402': 0, '403': 100_000, '40301': 100_000, '405': 0, '408': 0 });
    // 50102 nets to zero after the reversal, so only 50105 is listed under 501.
    const expense = s.expense.lines.map((l) => [l.code, l.level, l.amountFen]);
    expect(expense).toEqual([
      ['501', 0, 10_000],
      ['50105', 1, 10_000],
      ['503', 0, 0],
      ['504', 0, 0],
      ['505', 0, 80_000],
      ['50501', 1, 80_000],
      ['507', 0, 0],
      ['510', 0, 0],
    ]);
  });
  it('February 2025: month and year-to-date columns, opening on 1 February', () => {
    const s = computeStatement(book, { year: 2025, month: 2 });
    expect(s.label).toBe('2025年2月');
    expect(s.income.totalFen).toBe(100_000);
    expect(s.income.yearToDateFen).toBe(160_000);
    expect(s.expense.totalFen).toBe(10_000);
    expect(s.expense.yearToDateFen).toBe(25_000);
    expect(s.surplusFen).toBe(90_000);
    expect(s.yearToDateSurplusFen).toBe(135_000);
    expect(s.opening).toEqual({ cashFen: 35_000, bankFen: 1_410_000 });
    expect(s.yearOpening).toEqual({ cashFen: 50_000, bankFen: 1_350_000 });
    expect(s.closing).toEqual({ cashFen: 25_000, bankFen: 1_510_000 });
    // 50102 had 150.00 in January: listed with 0 this month and 150.00 year to date.
    expect(s.expense.lines.find((l) => l.code === '50102')).toMatchObject({ amountFen: 0, yearToDateFen: 15_000 });
  });
  it('a month with no entries keeps the balance', () => {
    const s = computeStatement(book, { year: 2025, month: 7 });
    expect(s.surplusFen).toBe(0);
    expect(s.opening).toEqual(s.closing);
    expect(s.closing).toEqual({ cashFen: 40_000, bankFen: 1_430_000 });
  });
});

describe('收支明细账', () => {
  it('runs a balance per cash and bank, red reversals negative in their column', () => {
    const j = journalOfYear(handBook(), 2025);
    expect(j.rows.map((r) => [r.transaction.voucherNumber, r.incomeFen, r.expenseFen, r.placeBalanceFen, r.totalBalanceFen])).toEqual([
      ['记-001', 60_000, 0, 1_410_000, 1_460_000],
      ['记-002', 0, 15_000, 35_000, 1_445_000],
      ['记-003', 0, 10_000, 25_000, 1_435_000],
      ['记-004', 100_000, 0, 1_510_000, 1_535_000],
      ['记-005', 0, -15_000, 40_000, 1_550_000],
      ['记-006', 0, 80_000, 1_430_000, 1_470_000],
    ]);
    expect(j.closing).toEqual({ cashFen: 40_000, bankFen: 1_430_000 });
    expect(monthTotals(j.rows)).toEqual([
      { month: '2025-01', incomeFen: 60_000, expenseFen: 15_000 },
      { month: '2025-02', incomeFen: 100_000, expenseFen: 10_000 },
      { month: '2025-03', incomeFen: 0, expenseFen: 65_000 },
    ]);
  });
});

describe('budgets and charts', () => {
  it('execution rates per budget, parent budgets covering sub-accounts', () => {
    const rows = budgetExecution(handBook().budgets, handBook().transactions, 2025);
    expect(rows.map((r) => [r.budget.accountCode, r.actualFen, r.rate, r.remainingFen])).toEqual([
      ['40301', 100_000, 1, 0],
      ['501', 10_000, 0.5, 10_000],
      ['505', 80_000, null, -80_000],
    ]);
    expect(rows.map((r) => formatRate(r.rate))).toEqual(['100.0%', '50.0%', '—']);
  });
  it('spending by month rolled up to top-level accounts', () => {
    const months = spendingByMonth(handBook().transactions, 2025);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2025-01', incomeFen: 60_000, byAccount: { '501': 15_000 }, expenseFen: 15_000 });
    expect(months[2]).toEqual({ month: '2025-03', incomeFen: 0, byAccount: { '501': -15_000, '505': 80_000 }, expenseFen: 65_000 });
  });
});
