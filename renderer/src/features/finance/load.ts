import {
  carriedOpeningRow,
  openingBalance,
  openingRowFor,
  type FinanceBook,
  type PlaceBalances,
} from '../../../../shared/finance/balances';
import { grantAnchorYear, openingGrants, statesGrants } from '../../../../shared/finance/grant-carry';
import type { CarriedGrant, OpeningBalance, Transaction } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';

export interface YearOpening {
  balances: PlaceBalances;
  /** 专项 unspent on 1 January (上年结转), per purpose. */
  grants: CarriedGrant[];
  /** The row typed in for this year, if any (otherwise the figure is carried forward). */
  own: OpeningBalance | undefined;
}

/**
 * 上年结余 of a year, reading only what it depends on: the opening rows and the entries from the
 * latest typed-in year up to the end of the year before. As a live query it re-runs only when
 * those earlier entries change, not on every entry of the current year.
 */
export async function loadOpening(db: UnionBooksDB, year: number): Promise<YearOpening> {
  const openingBalances = await db.openingBalances.toArray();
  const own = openingRowFor(openingBalances, year);
  // A row carried before 专项 were carried with it does not state them: they are counted from the entries.
  if (own && statesGrants(own)) return { balances: { cashFen: own.cashFen, bankFen: own.bankFen }, grants: own.grants ?? [], own };
  // From the latest row that states the 专项 (at or before the one the money is carried from).
  const anchor = grantAnchorYear(openingBalances, year);
  const from = anchor === null ? '' : `${anchor}-01-01`;
  const transactions = await db.transactions
    .where('date')
    .between(from, `${year - 1}-12-31`, true, true)
    .toArray();
  const book = { transactions, openingBalances };
  return { balances: openingBalance(book, year), grants: openingGrants(book, year), own };
}

export function loadYearEntries(db: UnionBooksDB, year: number): Promise<Transaction[]> {
  return db.transactions.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray();
}

/**
 * A FinanceBook for one year's figures: that year's entries and its opening balance as an
 * in-memory opening row (never stored), so the shared functions compute the same as on the whole book.
 */
export function yearBook(year: number, opening: PlaceBalances, entries: Transaction[], grants: readonly CarriedGrant[] = []): FinanceBook {
  return { transactions: entries, openingBalances: [carriedOpeningRow(year, opening, grants)] };
}

/** Both reads together: what the 收支 page needs before its first screen (also timed by the bench). */
export async function loadFinanceBook(db: UnionBooksDB, year: number): Promise<FinanceBook> {
  const [opening, entries] = await Promise.all([loadOpening(db, year), loadYearEntries(db, year)]);
  return yearBook(year, opening.balances, entries, opening.grants);
}
