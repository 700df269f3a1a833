import { findAccount } from '../accounts/chart';
import type { CarriedGrant, Fen, MoneyPlace, OpeningBalance, Transaction } from '../model/records';
import { entryEffect, isTransfer } from './effect';

/** What the finance functions read: the entries and the opening balances typed in by the treasurer. */
export interface FinanceBook {
  transactions: readonly Transaction[];
  openingBalances: readonly OpeningBalance[];
}

export interface PlaceBalances {
  cashFen: Fen;
  bankFen: Fen;
}

/** What the union holds or is owed besides cash and bank: 应付上级经费, 代管经费 and 其他应收款. */
export interface OwedBalances {
  payableFen: Fen;
  custodyFen: Fen;
  receivableFen: Fen;
}

export const NOTHING_OWED: OwedBalances = { payableFen: 0, custodyFen: 0, receivableFen: 0 };

export const totalOf = (b: PlaceBalances): Fen => b.cashFen + b.bankFen;

export function addToPlace(b: PlaceBalances, place: MoneyPlace, fen: Fen): void {
  if (place === 'cash') b.cashFen += fen;
  else b.bankFen += fen;
}

/** Net effect of entries on cash and bank by the sign rule (see effect.ts; tombstones ignored). */
export function netEffect(transactions: Iterable<Transaction>, from: string, to: string): PlaceBalances {
  const out = { cashFen: 0, bankFen: 0 };
  for (const t of transactions) {
    if (t.deleted !== 0 || t.date < from || t.date > to) continue;
    const e = entryEffect(t);
    out.cashFen += e.cashFen;
    out.bankFen += e.bankFen;
  }
  return out;
}

/**
 * A year's opening carried from the years before, as an opening row that is never stored: given with
 * that year's entries only, the shared functions compute what they would on the whole book.
 */
export function carriedOpeningRow(
  year: number,
  opening: PlaceBalances,
  grants: readonly CarriedGrant[] = [],
  owed: OwedBalances = NOTHING_OWED,
): OpeningBalance {
  return {
    id: `opening-${year}`,
    updatedAt: '',
    deviceId: '',
    deleted: 0,
    year,
    month: `${year}-01`,
    booksStart: false,
    duesBeforeFen: 0,
    cashFen: opening.cashFen,
    bankFen: opening.bankFen,
    payableFen: owed.payableFen,
    custodyFen: owed.custodyFen,
    receivableFen: owed.receivableFen,
    grants: [...grants],
  };
}

/** The live opening-balance row typed in for a year, if any (the latest write wins when a year has two). */
export function openingRowFor(rows: readonly OpeningBalance[], year: number): OpeningBalance | undefined {
  let best: OpeningBalance | undefined;
  for (const r of rows) {
    if (r.deleted !== 0 || r.year !== year) continue;
    if (!best || r.updatedAt > best.updatedAt) best = r;
  }
  return best;
}

/** The year whose opening row the carry-forward of `year` starts from (the latest one not after it), or null. */
export function anchorYear(rows: readonly OpeningBalance[], year: number): number | null {
  let anchor: number | null = null;
  for (const r of rows) {
    if (r.deleted === 0 && r.year <= year && (anchor === null || r.year > anchor)) anchor = r.year;
  }
  return anchor;
}

/**
 * 上年结余 of a year: the row typed in for that year if there is one; otherwise the closing balance
 * of the year before, carried forward from the latest typed-in year (or from zero when none).
 */
export function openingBalance(book: FinanceBook, year: number): PlaceBalances {
  const own = openingRowFor(book.openingBalances, year);
  if (own) return { cashFen: own.cashFen, bankFen: own.bankFen };
  const anchor = anchorYear(book.openingBalances, year);
  const start = anchor === null ? { cashFen: 0, bankFen: 0 } : openingBalance(book, anchor);
  const net = netEffect(book.transactions, anchor === null ? '0000-01-01' : `${anchor}-01-01`, `${year - 1}-12-31`);
  return { cashFen: start.cashFen + net.cashFen, bankFen: start.bankFen + net.bankFen };
}

/** Balances at the end of a day (inclusive), starting from that year's opening balance. */
export function balancesAt(book: FinanceBook, date: string): PlaceBalances {
  const year = Number(date.slice(0, 4));
  const open = openingBalance(book, year);
  const net = netEffect(book.transactions, `${year}-01-01`, date);
  return { cashFen: open.cashFen + net.cashFen, bankFen: open.bankFen + net.bankFen };
}

/**
 * Sum per income or expense account of live entries in a date range, by the sign rule (reversals
 * are negative; a 拨缴 receipt counts only the union's share; transfers, 上缴, 代管经费 and advances are
 * left out, while spending settled from an advance counts as spending).
 */
export function accountTotals(transactions: Iterable<Transaction>, from: string, to: string): Map<string, Fen> {
  const totals = new Map<string, Fen>();
  for (const t of transactions) {
    if (t.deleted !== 0 || t.date < from || t.date > to || isTransfer(t)) continue;
    const kind = findAccount(t.accountCode)?.kind;
    if (kind === 'liability' || kind === 'asset') continue;
    const e = entryEffect(t);
    totals.set(t.accountCode, (totals.get(t.accountCode) ?? 0) + e.incomeFen + e.expenseFen);
  }
  return totals;
}
