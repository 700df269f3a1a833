import { describe, expect, it } from 'vitest';
import { activityTurnout, memberFlow } from '../../../shared/desk/charts';
import { headlineCounts } from '../../../shared/desk/counts';
import { deskFinance, deskPast } from '../../../shared/desk/desk-book';
import { deskEntriesOf, entryMonthsOf } from '../../../shared/desk/desk-entries';
import { deskPayments, duesFenOfYear, duesMonthsOf, unsettledMonths } from '../../../shared/desk/dues-months';
import { deskTodos, type BackupState } from '../../../shared/desk/todos';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { buildDuesIndex } from '../../../shared/dues/data';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { balancesAt } from '../../../shared/finance/balances';
import { booksStartMonth } from '../../../shared/finance/books-start';
import { budgetExecution } from '../../../shared/finance/budgets';
import { spendingByMonth } from '../../../shared/finance/monthly';
import type { BookTables } from '../../../shared/model/book';

const TODAY = '2026-11-30';
const YEAR = 2026;
const BACKUP: BackupState = { lastOn: '2026-11-29', hasData: true };

/** Every figure of 概览 from the whole book, as the page computed them before it read the open year only. */
function wholeBook(book: BookTables) {
  const dues = duesOf(book);
  const finance = { transactions: book.transactions, openingBalances: book.openingBalances };
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const inService = book.members.filter((m) => ['active', 'retired', 'unemployed'].includes(m.status) && m.deleted === 0);
  return {
    counts: {
      members: inService.length,
      women: inService.filter((m) => m.gender === '女').length,
      duesThisYearFen: book.duesPayments
        .filter((p) => p.month >= `${YEAR}-01` && p.month <= `${YEAR}-12` && p.deleted === 0)
        .reduce((s, p) => s + p.amountFen, 0),
      activitiesThisYear: book.activities.filter((a) => a.startDate >= from && a.startDate <= to && a.deleted === 0).length,
      welfareThisYear: book.welfare.filter((w) => w.date >= from && w.date <= to && w.deleted === 0).length,
      transactionsThisYear: book.transactions.filter((t) => t.date >= from && t.date <= to && t.deleted === 0).length,
    },
    todos: deskTodos({
      today: TODAY,
      rule: DEFAULT_DUES_RULE,
      booksStart: booksStartMonth(book.openingBalances),
      dues,
      finance,
      monthCloses: book.monthCloses,
      backup: BACKUP,
    }),
    balances: balancesAt(finance, TODAY),
    budgets: budgetExecution(book.budgets, book.transactions, YEAR),
    months: spendingByMonth(book.transactions, YEAR),
    flow: memberFlow(book.members, book.memberships, YEAR, TODAY),
    turnout: activityTurnout(book.activities, YEAR),
  };
}

/**
 * The same figures the open year's way: the open year's rows, the earlier years apart, and the
 * payments as their months fold them (months holding a payment not yet paid today as rows); the
 * entries as rows, or (`folded`) as their months fold them, the way the page reads them.
 */
function openYear(book: BookTables, entries: 'rows' | 'folded' = 'rows') {
  const dues = foldedDuesOf(book);
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const split =
    entries === 'folded'
      ? deskEntriesOf(entryMonthsOf(book.transactions), YEAR)
      : { before: book.transactions.filter((t) => t.date < from), fromYear: book.transactions.filter((t) => t.date >= from) };
  const yearOn = split.fromYear;
  const activities = book.activities.filter((a) => a.startDate >= from && a.startDate <= to);
  const past = deskPast(split.before, book.openingBalances, YEAR);
  const finance = deskFinance(yearOn, book.openingBalances, YEAR, past);
  return {
    counts: headlineCounts(
      {
        members: dues.data.members,
        duesThisYearFen: duesFenOfYear(dues.months, YEAR),
        activities,
        welfareThisYear: book.welfare.filter((w) => w.date >= from && w.date <= to && w.deleted === 0).length,
        transactionsThisYear: book.transactions.filter((t) => t.date >= from && t.date <= to && t.deleted === 0).length,
      },
      YEAR,
    ),
    todos: deskTodos({
      today: TODAY,
      rule: DEFAULT_DUES_RULE,
      booksStart: booksStartMonth(book.openingBalances),
      dues,
      finance,
      past,
      monthCloses: book.monthCloses,
      backup: BACKUP,
    }),
    balances: balancesAt(finance, TODAY),
    budgets: budgetExecution(book.budgets, yearOn, YEAR),
    months: spendingByMonth(yearOn, YEAR),
    flow: memberFlow(dues.data.members, dues.data.memberships, YEAR, TODAY),
    turnout: activityTurnout(activities, YEAR),
  };
}

/** Payments from the start of last year on, as the dues pages read them. */
function duesOf(book: BookTables) {
  const data = {
    members: book.members,
    memberships: book.memberships,
    wageBases: book.wageBases,
    duesPayments: book.duesPayments.filter((p) => p.month >= `${YEAR - 1}-01`),
  };
  return { data, index: buildDuesIndex(data) };
}

/** The dues data as 概览 reads it: bases of two years, the payments' months from the start of last year on. */
function foldedDuesOf(book: BookTables) {
  const months = duesMonthsOf(book.duesPayments).filter((r) => r.month >= `${YEAR - 1}-01`);
  const unsettled = new Set(unsettledMonths(months, TODAY));
  const data = {
    members: book.members,
    memberships: book.memberships,
    wageBases: book.wageBases.filter((w) => w.year >= YEAR - 1 && w.year <= YEAR),
    duesPayments: deskPayments(
      months,
      TODAY,
      book.duesPayments.filter((p) => unsettled.has(p.month)),
    ),
  };
  return { data, index: buildDuesIndex(data), months };
}

const demo = generateDemoBook({ ...SMALL_DEMO, years: 3, endMonth: '2026-11', today: TODAY });

function variant(change: (book: BookTables) => void): BookTables {
  const book = structuredClone(demo);
  change(book);
  return book;
}

describe('概览 from the open year and the earlier years apart', () => {
  it('shows the same figures as the whole book on the demo book (opening carried by the closed December)', () => {
    expect(demo.openingBalances.some((r) => r.year === YEAR && r.carried)).toBe(true);
    const expected = wholeBook(demo);
    expect(expected.counts.members).toBeGreaterThan(100);
    expect(expected.budgets.length).toBeGreaterThan(0);
    expect(openYear(demo)).toEqual(expected);
    expect(openYear(demo, 'folded')).toEqual(expected);
  });

  it('carries the opening from the earlier entries when no row was written for the open year', () => {
    const book = variant((b) => {
      b.openingBalances = b.openingBalances.filter((r) => !r.carried);
    });
    expect(book.openingBalances.some((r) => r.year === YEAR)).toBe(false);
    expect(openYear(book)).toEqual(wholeBook(book));
    expect(openYear(book, 'folded')).toEqual(wholeBook(book));
  });

  it('still lists cash gone negative in an earlier year, and months left open since the first entry', () => {
    const book = variant((b) => {
      b.openingBalances = [];
      b.monthCloses = [];
      const spend = b.transactions.find((t) => t.date.startsWith(`${YEAR - 2}-`) && t.place === 'cash' && t.accountCode.startsWith('5'));
      if (!spend) throw new Error('the demo book has no cash spending two years back');
      spend.amountFen = 50_000_000;
    });
    const expected = wholeBook(book);
    expect(expected.todos.map((t) => t.key)).toEqual(expect.arrayContaining(['negative-cash', 'unclosed']));
    expect(expected.todos.find((t) => t.key === 'negative-cash')?.reason).toContain(`${YEAR - 2}年`);
    expect(openYear(book)).toEqual(expected);
    expect(openYear(book, 'folded')).toEqual(expected);
  });

  it('asks for the start of books only when there is nothing in the books at all', () => {
    const empty = variant((b) => {
      b.openingBalances = [];
      b.transactions = [];
    });
    expect(wholeBook(empty).todos.some((t) => t.key === 'books-start')).toBe(true);
    expect(openYear(empty)).toEqual(wholeBook(empty));
    expect(openYear(empty, 'folded')).toEqual(wholeBook(empty));
    const pastOnly = variant((b) => {
      b.openingBalances = [];
      b.transactions = b.transactions.filter((t) => t.date < `${YEAR}-01-01`);
    });
    expect(wholeBook(pastOnly).todos.some((t) => t.key === 'books-start')).toBe(false);
    expect(openYear(pastOnly)).toEqual(wholeBook(pastOnly));
    expect(openYear(pastOnly, 'folded')).toEqual(wholeBook(pastOnly));
  });

  it('counts the same after a payment, a reversal, a removed payment and a payment dated after today', () => {
    const book = variant((b) => {
      const owing = b.members.find((m) => m.status === 'active' && m.deleted === 0)!;
      const paid = b.duesPayments.filter((p) => p.memberId === owing.id && p.month >= `${YEAR}-01` && p.deleted === 0);
      expect(paid.length).toBeGreaterThan(3);
      // A reversal of one month, a removed payment of another: two months owed again.
      const reversed = paid[0]!;
      b.duesPayments.push({ ...reversed, id: 'reversal-1', amountFen: -reversed.amountFen, reversalOf: reversed.id });
      paid[1]!.deleted = 1;
      // Paid on a day after today: not paid yet on the counting day, though the year's dues count it.
      paid[2]!.paidDate = '2026-12-20';
      // A new payment for a month of last year that had none.
      const other = b.members.find((m) => m.id !== owing.id && m.status === 'active' && m.deleted === 0)!;
      const gap = b.duesPayments.find((p) => p.memberId === other.id && p.month === `${YEAR - 1}-03`);
      if (gap) gap.deleted = 1;
      b.duesPayments.push({ ...reversed, id: 'late-1', memberId: other.id, month: `${YEAR - 1}-03`, paidDate: TODAY });
    });
    const expected = wholeBook(book);
    const before = wholeBook(demo);
    expect(expected.todos).not.toEqual(before.todos);
    expect(expected.counts.duesThisYearFen).not.toBe(before.counts.duesThisYearFen);
    expect(unsettledMonths(duesMonthsOf(book.duesPayments), TODAY)).toHaveLength(1);
    expect(openYear(book)).toEqual(expected);
  });
});
