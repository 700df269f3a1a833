import { PAYABLE_ACCOUNT } from '../accounts/chart';
import type { Fen, Transaction } from '../model/records';
import { anchorYear, openingRowFor, type FinanceBook } from './balances';
import { entryEffect } from './effect';

/** Net change in 应付上级经费 from live entries dated from `from` to `to`. */
export function payableChange(transactions: Iterable<Transaction>, from: string, to: string): Fen {
  let out = 0;
  for (const t of transactions) {
    if (t.deleted !== 0 || t.date < from || t.date > to) continue;
    if (t.accountCode !== PAYABLE_ACCOUNT && !t.payableFen) continue;
    out += entryEffect(t).payableFen;
  }
  return out;
}

/**
 * 应付上级经费 on 1 January of a year: the row stored for that year (typed in at the start of books, or
 * carried by closing December), otherwise carried forward from the latest such row, like cash and bank.
 */
export function openingPayable(book: FinanceBook, year: number): Fen {
  const own = openingRowFor(book.openingBalances, year);
  if (own) return own.payableFen ?? 0;
  const anchor = anchorYear(book.openingBalances, year);
  const start = anchor === null ? 0 : openingPayable(book, anchor);
  return start + payableChange(book.transactions, anchor === null ? '0000-01-01' : `${anchor}-01-01`, `${year - 1}-12-31`);
}

/** 应付上级经费 at the end of a day. */
export function payableAt(book: FinanceBook, date: string): Fen {
  const year = Number(date.slice(0, 4));
  return openingPayable(book, year) + payableChange(book.transactions, `${year}-01-01`, date);
}

/** The first day on or after `from` whose 应付上级经费 is below zero (more paid upward than owed), or null. */
export function firstNegativePayable(book: FinanceBook, from: string): { date: string; payableFen: Fen } | null {
  const year = Number(from.slice(0, 4));
  let balance = openingPayable(book, year);
  const entries = book.transactions
    .filter((t) => t.deleted === 0 && t.date >= `${year}-01-01` && (t.accountCode === PAYABLE_ACCOUNT || t.payableFen))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 0; i < entries.length;) {
    const date = entries[i]!.date;
    while (i < entries.length && entries[i]!.date === date) balance += entryEffect(entries[i++]!).payableFen;
    if (balance < 0 && date >= from) return { date, payableFen: balance };
  }
  return null;
}
