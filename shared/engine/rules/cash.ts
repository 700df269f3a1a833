import { openingRowFor, type FinanceBook } from '../../finance/balances';
import { entryEffect } from '../../finance/effect';
import { formatYuan } from '../../money/fen';
import type { Fen, IsoDate, Transaction } from '../../model/records';
import { formatDate } from './dates';

export interface CashLow {
  date: IsoDate;
  cashFen: Fen;
}

/**
 * The first day, on or after `from`, whose closing cash balance is below zero, or null. Balances
 * run from each year's opening (typed in, or carried forward) through the entries in date order;
 * a day counts by its closing balance, as the 库存现金日记账 does.
 */
export function firstNegativeCash(book: FinanceBook, from: IsoDate = '0000-01-01'): CashLow | null {
  const entries = book.transactions.filter((t) => t.deleted === 0).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const years = new Set<number>();
  for (const t of entries) years.add(Number(t.date.slice(0, 4)));
  for (const r of book.openingBalances) if (r.deleted === 0) years.add(r.year);
  if (years.size === 0) return null;
  const first = Math.min(...years);
  const last = Math.max(...years);
  let cash = 0;
  let i = 0;
  for (let year = first; year <= last; year++) {
    const row = openingRowFor(book.openingBalances, year);
    if (row) {
      cash = row.cashFen;
      const start = `${row.month}-01`;
      if (cash < 0 && start >= from) return { date: start, cashFen: cash };
    }
    const end = `${year}-12-31`;
    while (i < entries.length && entries[i]!.date <= end) {
      const date = entries[i]!.date;
      while (i < entries.length && entries[i]!.date === date) cash += entryEffect(entries[i++]!).cashFen;
      if (cash < 0 && date >= from) return { date, cashFen: cash };
    }
  }
  return null;
}

export function negativeCashMessage(low: CashLow): string {
  return `保存后 ${formatDate(low.date)} 库存现金余额将为 ${formatYuan(low.cashFen)} 元。库存现金不能为负数：请先从银行提现，或改从银行存款支付`;
}

/** Whether writing these entries can lower cash on some day (only then is the whole series checked). */
export function lowersCash(before: readonly Transaction[], after: readonly Transaction[]): IsoDate | null {
  let earliest: IsoDate | null = null;
  const note = (t: Transaction, sign: 1 | -1) => {
    if (t.deleted !== 0) return;
    if (sign * entryEffect(t).cashFen < 0 && (earliest === null || t.date < earliest)) earliest = t.date;
  };
  for (const t of before) note(t, -1);
  for (const t of after) note(t, 1);
  return earliest;
}
