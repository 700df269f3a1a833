import type { AccountKind } from '../accounts/chart';
import { budgetExecution } from '../finance/budgets';
import { computeStatement, type StatementSection } from '../finance/statement';
import { topLevelCode } from '../accounts/chart';
import { type BookTables } from '../model/book';
import { ratio } from './members';
import type { AccountGroupFacts, FinanceFacts } from './types';

/**
 * The year's money, from the same 收入支出表 the 收支 page shows (shared/finance/statement) and the
 * same budget execution (shared/finance/budgets): a report never disagrees with the books. Top-level
 * accounts with neither entries nor a budget are left out.
 */
export function financeFacts(book: Pick<BookTables, 'transactions' | 'budgets' | 'openingBalances'>, year: number): FinanceFacts {
  const statement = computeStatement(book, { year });
  const budgets = new Map<string, number>();
  for (const b of budgetExecution(book.budgets, [], year)) {
    const top = topLevelCode(b.budget.accountCode);
    budgets.set(top, (budgets.get(top) ?? 0) + b.budget.amountFen);
  }
  const income = groups(statement.income, budgets);
  const expense = groups(statement.expense, budgets);
  const openingFen = statement.yearOpening.cashFen + statement.yearOpening.bankFen;
  const incomeFen = statement.income.totalFen;
  const expenseFen = statement.expense.totalFen;
  const incomeBudgetFen = sumBudgets('income', budgets);
  const expenseBudgetFen = sumBudgets('expense', budgets);
  return {
    openingFen,
    incomeFen,
    expenseFen,
    surplusFen: statement.surplusFen,
    closingFen: statement.closing.cashFen + statement.closing.bankFen,
    closingCashFen: statement.closing.cashFen,
    closingBankFen: statement.closing.bankFen,
    income,
    expense,
    incomeBudgetFen,
    expenseBudgetFen,
    incomeExecutionRate: ratio(incomeFen, incomeBudgetFen),
    expenseExecutionRate: ratio(expenseFen, expenseBudgetFen),
  };
}

function groups(section: StatementSection, budgets: Map<string, number>): AccountGroupFacts[] {
  const out: AccountGroupFacts[] = [];
  for (const line of section.lines) {
    if (line.level === 1) {
      const parent = out[out.length - 1];
      if (parent && line.amountFen !== 0) parent.items.push({ code: line.code, name: line.name, amountFen: line.amountFen });
      continue;
    }
    out.push({
      code: line.code,
      name: line.name,
      amountFen: line.amountFen,
      budgetFen: budgets.get(line.code) ?? 0,
      executionRate: ratio(line.amountFen, budgets.get(line.code) ?? 0),
      share: ratio(line.amountFen, section.totalFen),
      items: [],
    });
  }
  return out.filter((g) => g.amountFen !== 0 || g.budgetFen !== 0);
}

function sumBudgets(kind: AccountKind, budgets: Map<string, number>): number {
  let total = 0;
  for (const [code, amount] of budgets) if ((code.startsWith('4') ? 'income' : 'expense') === kind) total += amount;
  return total;
}
