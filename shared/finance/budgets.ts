import { ACCOUNTS, accountLabel, findAccount } from '../accounts/chart';
import type { Budget, Fen, Transaction } from '../model/records';
import { entryEffect } from './effect';

export interface BudgetExecution {
  budget: Budget;
  label: string;
  actualFen: Fen;
  /** actual / budget as a fraction (0.85 = 85 %); null when the budget is zero. */
  rate: number | null;
  remainingFen: Fen;
}

/** Live budgets of a year with what was actually received or spent on the account and its sub-accounts. */
export function budgetExecution(budgets: readonly Budget[], transactions: Iterable<Transaction>, year: number): BudgetExecution[] {
  const mine = budgets.filter((b) => b.deleted === 0 && b.year === year);
  const actual = new Map<string, Fen>(mine.map((b) => [b.accountCode, 0]));
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  for (const t of transactions) {
    if (t.deleted !== 0 || t.date < from || t.date > to) continue;
    for (const code of actual.keys()) {
      // A budget on '501' covers 50101…50106: codes nest by prefix in this chart.
      if (!t.accountCode.startsWith(code)) continue;
      const e = entryEffect(t);
      actual.set(code, (actual.get(code) ?? 0) + e.incomeFen + e.expenseFen);
    }
  }
  const order = new Map(ACCOUNTS.map((a, i) => [a.code, i]));
  return mine
    .map((budget) => {
      const actualFen = actual.get(budget.accountCode) ?? 0;
      return {
        budget,
        label: accountLabel(budget.accountCode),
        actualFen,
        rate: budget.amountFen === 0 ? null : actualFen / budget.amountFen,
        remainingFen: budget.amountFen - actualFen,
      };
    })
    .sort((a, b) => (order.get(a.budget.accountCode) ?? 999) - (order.get(b.budget.accountCode) ?? 999));
}

/** 执行率 as people write it: "85.3%", or "—" without a budget. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export function budgetProblem(accountCode: string, amountFen: Fen | null): string | null {
  if (!findAccount(accountCode)) return '请选择预算科目';
  if (amountFen === null || amountFen < 0) return '预算金额必须是不小于 0 的金额（元，最多两位小数）';
  return null;
}
