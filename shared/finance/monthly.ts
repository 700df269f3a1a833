import { topLevelCode } from '../accounts/chart';
import { entryEffect } from './effect';
import type { Fen, Transaction } from '../model/records';
import { monthsOfYear } from './period';

export interface MonthSpending {
  month: string;
  incomeFen: Fen;
  /** Spending by top-level account code ('501' …). */
  byAccount: Record<string, Fen>;
  expenseFen: Fen;
}

/** Month-by-month income and spending of a year, spending rolled up to top-level accounts (for the charts). */
export function spendingByMonth(transactions: Iterable<Transaction>, year: number): MonthSpending[] {
  const months = monthsOfYear(year).map((month): MonthSpending => ({ month, incomeFen: 0, byAccount: {}, expenseFen: 0 }));
  const prefix = String(year);
  for (const t of transactions) {
    if (t.deleted !== 0 || !t.date.startsWith(prefix)) continue;
    const m = months[Number(t.date.slice(5, 7)) - 1];
    if (!m) continue;
    const e = entryEffect(t);
    m.incomeFen += e.incomeFen;
    if (e.expenseFen !== 0) {
      const top = topLevelCode(t.accountCode);
      m.byAccount[top] = (m.byAccount[top] ?? 0) + e.expenseFen;
      m.expenseFen += e.expenseFen;
    }
  }
  return months;
}
