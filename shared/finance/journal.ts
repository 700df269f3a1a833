import { accountLabel } from '../accounts/chart';
import type { Fen, MoneyPlace, Transaction } from '../model/records';
import { openingBalance, totalOf, type FinanceBook, type PlaceBalances } from './balances';
import { entryEffect } from './effect';

export interface JournalRow {
  transaction: Transaction;
  /** Income amount (negative for a 红字 reversal of income), 0 on spending rows. */
  incomeFen: Fen;
  expenseFen: Fen;
  /** What the entry does to the cash box and to the bank (a transfer moves money between them). */
  cashFen: Fen;
  bankFen: Fen;
  /** Cash and bank balances after this entry. */
  cashBalanceFen: Fen;
  bankBalanceFen: Fen;
  /** Balance of the row's own place (库存现金 or 银行存款) after this entry. */
  placeBalanceFen: Fen;
  /** Cash + bank after this entry. */
  totalBalanceFen: Fen;
  accountLabel: string;
}

export const PLACE_LABEL: Record<MoneyPlace, string> = { cash: '库存现金', bank: '银行存款' };

/** Journal order: by date, then voucher number (numbers are per year and rise with the date), then id. */
export function compareEntries(a: Transaction, b: Transaction): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const va = voucherSeq(a.voucherNumber);
  const vb = voucherSeq(b.voucherNumber);
  if (va !== vb) return va - vb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function voucherSeq(v: string): number {
  const m = /(\d+)$/.exec(v);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

export interface Journal {
  year: number;
  opening: PlaceBalances;
  rows: JournalRow[];
  closing: PlaceBalances;
}

/** 收支明细账 of a year: every live entry in order, with the running balance of cash and of bank. */
export function journalOfYear(book: FinanceBook, year: number): Journal {
  const opening = openingBalance(book, year);
  const running = { ...opening };
  const entries = book.transactions
    .filter((t) => t.deleted === 0 && t.date >= `${year}-01-01` && t.date <= `${year}-12-31`)
    .sort(compareEntries);
  const rows = entries.map((t): JournalRow => {
    const e = entryEffect(t);
    running.cashFen += e.cashFen;
    running.bankFen += e.bankFen;
    return {
      transaction: t,
      incomeFen: e.incomeFen,
      expenseFen: e.expenseFen,
      cashFen: e.cashFen,
      bankFen: e.bankFen,
      cashBalanceFen: running.cashFen,
      bankBalanceFen: running.bankFen,
      placeBalanceFen: t.place === 'cash' ? running.cashFen : running.bankFen,
      totalBalanceFen: totalOf(running),
      accountLabel: accountLabel(t.accountCode),
    };
  });
  return { year, opening, rows, closing: { ...running } };
}

export interface MonthTotals {
  month: string;
  incomeFen: Fen;
  expenseFen: Fen;
}

/** 本月合计 per month for the rows of one place (or all rows), in month order, only months with entries. */
export function monthTotals(rows: readonly JournalRow[]): MonthTotals[] {
  const byMonth = new Map<string, MonthTotals>();
  for (const r of rows) {
    const month = r.transaction.date.slice(0, 7);
    const m = byMonth.get(month) ?? { month, incomeFen: 0, expenseFen: 0 };
    m.incomeFen += r.incomeFen;
    m.expenseFen += r.expenseFen;
    byMonth.set(month, m);
  }
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}
