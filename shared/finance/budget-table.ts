import { ACCOUNTS, type AccountKind } from '../accounts/chart';
import type { Budget, Fen } from '../model/records';
import { accountTotals, type FinanceBook } from './balances';

export interface BudgetTableLine {
  code: string;
  name: string;
  /** 上年实际数. */
  lastYearFen: Fen;
  /** 本年预算数: the budget set for the year, or last year's actual where none was set. */
  budgetFen: Fen;
  /** Whether budgetFen was prefilled from last year's actual (no budget set for the account). */
  prefilled: boolean;
  /** 本年执行数 (to the date given). */
  actualFen: Fen;
  /** actual / budget; null without a budget. */
  rate: number | null;
}

export interface BudgetTable {
  year: number;
  income: BudgetTableLine[];
  expense: BudgetTableLine[];
  totals: Record<'income' | 'expense', { lastYearFen: Fen; budgetFen: Fen; actualFen: Fen }>;
}

/**
 * 工会经费收支预算表 of a year by top-level account: last year's actuals, the year's budget (prefilled
 * from last year's actuals where none is set) and its execution to `asOf`.
 */
export function budgetTable(book: FinanceBook & { budgets: readonly Budget[] }, year: number, asOf = `${year}-12-31`): BudgetTable {
  const last = accountTotals(book.transactions, `${year - 1}-01-01`, `${year - 1}-12-31`);
  const now = accountTotals(book.transactions, `${year}-01-01`, asOf);
  const rollUp = (m: Map<string, Fen>, top: string) => [...m].reduce((s, [code, v]) => (code.startsWith(top) ? s + v : s), 0);
  const budgets = book.budgets.filter((b) => b.deleted === 0 && b.year === year);
  const lines = (kind: AccountKind): BudgetTableLine[] =>
    ACCOUNTS.filter((a) => a.kind === kind && a.parent === '').map((a) => {
      const set = budgets.filter((b) => b.accountCode.startsWith(a.code));
      const lastYearFen = rollUp(last, a.code);
      const budgetFen = set.length > 0 ? set.reduce((s, b) => s + b.amountFen, 0) : lastYearFen;
      const actualFen = rollUp(now, a.code);
      return {
        code: a.code,
        name: a.name,
        lastYearFen,
        budgetFen,
        prefilled: set.length === 0,
        actualFen,
        rate: budgetFen === 0 ? null : actualFen / budgetFen,
      };
    });
  const income = lines('income');
  const expense = lines('expense');
  const sum = (ls: BudgetTableLine[]) => ({
    lastYearFen: ls.reduce((s, l) => s + l.lastYearFen, 0),
    budgetFen: ls.reduce((s, l) => s + l.budgetFen, 0),
    actualFen: ls.reduce((s, l) => s + l.actualFen, 0),
  });
  return { year, income, expense, totals: { income: sum(income), expense: sum(expense) } };
}
