import { ACCOUNTS, findAccount, topLevelCode, type AccountKind } from '../accounts/chart';
import { booksStartMonth } from '../finance/books-start';
import { monthsBetween } from '../dues/months';
import { shownSumHolds } from '../documents/money-text';
import { budgetExecution } from '../finance/budgets';
import { closedMonths } from '../finance/closing';
import { isTransfer } from '../finance/effect';
import { computeStatement, type StatementSection } from '../finance/statement';
import { live, type BookTables } from '../model/book';
import type { Fen, IsoDate, Transaction } from '../model/records';
import { ratio } from './members';
import type { AccountGroupFacts, AccountLine, BudgetLineFacts, FinanceFacts } from './types';
import { linkedCounts, usageOf } from './usage';

type FinanceSource = Pick<BookTables, 'transactions' | 'budgets' | 'openingBalances' | 'monthCloses'>;

/**
 * The year's money up to the counting day, from the same 收入支出表 the 收支 page shows
 * (shared/finance/statement, which applies the sign rule of shared/finance/effect) and the same
 * budget execution: a report never disagrees with the books. Opening + income − expense = closing
 * holds by construction; transfers between cash and bank move money without being income or spending.
 */
export function financeFacts(book: FinanceSource, year: number, asOf: IsoDate): FinanceFacts {
  const upTo = book.transactions.filter((t) => t.date <= asOf);
  const statement = computeStatement({ transactions: upTo, openingBalances: book.openingBalances }, { year });
  const from = `${year}-01-01`;
  const inRange = upTo.filter((t) => t.deleted === 0 && t.date >= from && !isTransfer(t));
  const budgetRows = budgetExecution(book.budgets, upTo, year);
  const topBudgets = rolledUpBudgets(budgetRows.map((b) => ({ code: b.budget.accountCode, amountFen: b.budget.amountFen })));
  const income = groups(statement.income, topBudgets, inRange);
  const expense = groups(statement.expense, topBudgets, inRange);
  const incomeFen = statement.income.totalFen;
  const expenseFen = statement.expense.totalFen;
  const opening = statement.yearOpening;
  const closing = statement.closing;
  const openingFen = opening.cashFen + opening.bankFen;
  const closingFen = closing.cashFen + closing.bankFen;
  const incomeBudgetFen = sumBudgets('income', topBudgets);
  const expenseBudgetFen = sumBudgets('expense', topBudgets);
  const start = booksStartMonth(book.openingBalances);
  const openingDate = start && start.startsWith(`${year}-`) ? `${start}-01` : from;

  const overBudget: BudgetLineFacts[] = budgetRows
    .filter((b) => findAccount(b.budget.accountCode)?.kind === 'expense' && b.actualFen > b.budget.amountFen)
    .map((b) => ({
      code: b.budget.accountCode,
      name: findAccount(b.budget.accountCode)?.name ?? b.budget.accountCode,
      budgetFen: b.budget.amountFen,
      amountFen: b.actualFen,
      differenceFen: b.actualFen - b.budget.amountFen,
      executionRate: ratio(b.actualFen, b.budget.amountFen),
    }));

  return {
    openingDate,
    openingFen,
    openingCashFen: opening.cashFen,
    openingBankFen: opening.bankFen,
    incomeFen,
    expenseFen,
    surplusFen: statement.surplusFen,
    surplusRate: ratio(statement.surplusFen, incomeFen),
    closingFen,
    closingCashFen: closing.cashFen,
    closingBankFen: closing.bankFen,
    roundingNote: !(
      shownSumHolds([openingFen, incomeFen, -expenseFen], closingFen) &&
      shownSumHolds([incomeFen, -expenseFen], statement.surplusFen) &&
      shownSumHolds(
        income.map((g) => g.amountFen),
        incomeFen,
      ) &&
      shownSumHolds(
        expense.map((g) => g.amountFen),
        expenseFen,
      )
    ),
    income,
    expense,
    interestFen: inRange.filter((t) => t.accountCode === '408' && /利息/.test(t.summary)).reduce((s, t) => s + t.amountFen, 0),
    capitalFen: expense.find((g) => g.code === '507')?.amountFen ?? 0,
    incomeBudgetFen,
    expenseBudgetFen,
    incomeExecutionRate: ratio(incomeFen, incomeBudgetFen),
    expenseExecutionRate: ratio(expenseFen, expenseBudgetFen),
    overBudget,
    withoutBudget: withoutBudget(expense, new Set(budgetRows.map((b) => b.budget.accountCode))),
    openMonths: openMonths(book, year, asOf, start),
  };
}

/** One budget figure per top-level account: its own row, else the sum of its sub-account rows. */
function rolledUpBudgets(rows: readonly { code: string; amountFen: Fen }[]): Map<string, Fen> {
  const own = new Map<string, Fen>();
  const subs = new Map<string, Fen>();
  for (const r of rows) {
    const top = topLevelCode(r.code);
    if (r.code === top) own.set(top, (own.get(top) ?? 0) + r.amountFen);
    else subs.set(top, (subs.get(top) ?? 0) + r.amountFen);
  }
  for (const [top, fen] of subs) if (!own.has(top)) own.set(top, fen);
  return own;
}

function groups(section: StatementSection, budgets: Map<string, Fen>, entries: readonly Transaction[]): AccountGroupFacts[] {
  const out: AccountGroupFacts[] = [];
  for (const line of section.lines) {
    if (line.level === 1) {
      const parent = out[out.length - 1];
      if (parent && line.amountFen !== 0)
        parent.items.push({
          code: line.code,
          name: line.name,
          amountFen: line.amountFen,
          ...describeEntries(entries.filter((t) => t.accountCode === line.code)),
        });
      continue;
    }
    const budgetFen = budgets.get(line.code) ?? 0;
    out.push({
      code: line.code,
      name: line.name,
      amountFen: line.amountFen,
      ...describeEntries(entries.filter((t) => topLevelCode(t.accountCode) === line.code)),
      budgetFen,
      executionRate: ratio(line.amountFen, budgetFen),
      share: ratio(line.amountFen, section.totalFen),
      items: [],
    });
  }
  return out.filter((g) => g.amountFen !== 0 || g.budgetFen !== 0);
}

function describeEntries(entries: readonly Transaction[]): Pick<AccountLine, 'usage' | 'visits' | 'activities'> {
  return { usage: usageOf(entries), ...linkedCounts(entries) };
}

function sumBudgets(kind: AccountKind, budgets: Map<string, Fen>): Fen {
  let total = 0;
  for (const [code, amount] of budgets) if (findAccount(code)?.kind === kind) total += amount;
  return total;
}

/** Spending on an account no budget row covers: neither its top-level account nor the sub-account has one. */
function withoutBudget(expense: readonly AccountGroupFacts[], budgeted: ReadonlySet<string>): AccountLine[] {
  const out: AccountLine[] = [];
  for (const g of expense) {
    if (g.amountFen <= 0 || budgeted.has(g.code)) continue;
    const hasSubBudget = ACCOUNTS.some((a) => a.parent === g.code && budgeted.has(a.code));
    if (!hasSubBudget) {
      out.push({ code: g.code, name: g.name, amountFen: g.amountFen, usage: g.usage, visits: g.visits, activities: g.activities });
      continue;
    }
    for (const item of g.items) if (item.amountFen > 0 && !budgeted.has(item.code)) out.push(item);
  }
  return out;
}

/** Months of the year that have ended by the counting day, from the start of books, and are not closed. */
function openMonths(book: FinanceSource, year: number, asOf: IsoDate, start: string | null): { month: string }[] {
  const lastEnded = asOfMonthEnded(asOf);
  const first = start && start > `${year}-01` ? start : `${year}-01`;
  const last = lastEnded < `${year}-12` ? lastEnded : `${year}-12`;
  if (first > last) return [];
  const closed = new Set(closedMonths(live(book.monthCloses), year));
  return monthsBetween(first, last)
    .filter((m) => !closed.has(m))
    .map((month) => ({ month }));
}

/** The latest month that has ended on `asOf` (its own month when `asOf` is its last day). */
function asOfMonthEnded(asOf: IsoDate): string {
  const next = new Date(`${asOf}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const month = asOf.slice(0, 7);
  if (next.toISOString().slice(0, 7) !== month) return month;
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
