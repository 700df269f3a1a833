import {
  carriedOpeningRow,
  openingBalance,
  openingRowFor,
  type FinanceBook,
  type OwedBalances,
  type PlaceBalances,
} from '../../../../shared/finance/balances';
import { openingHeld } from '../../../../shared/finance/held';
import { openingPayable } from '../../../../shared/finance/payable';
import { grantAnchorYear, openingGrants, statesGrants } from '../../../../shared/finance/grant-carry';
import type { CarriedGrant, OpeningBalance, Transaction } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';

export interface YearOpening {
  balances: PlaceBalances;
  /** 专项 unspent on 1 January (上年结转), per purpose. */
  grants: CarriedGrant[];
  /** 应付上级经费, 代管经费 and 其他应收款 on 1 January: the statement's closing lines start from them. */
  owed: OwedBalances;
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
  if (own && statesGrants(own))
    return {
      balances: { cashFen: own.cashFen, bankFen: own.bankFen },
      grants: own.grants ?? [],
      owed: { payableFen: own.payableFen ?? 0, custodyFen: own.custodyFen ?? 0, receivableFen: own.receivableFen ?? 0 },
      own,
    };
  // From the latest row that states the 专项 (at or before the one the money is carried from).
  const anchor = grantAnchorYear(openingBalances, year);
  const from = anchor === null ? '' : `${anchor}-01-01`;
  const transactions = await db.transactions
    .where('date')
    .between(from, `${year - 1}-12-31`, true, true)
    .toArray();
  const book = { transactions, openingBalances };
  // The read reaches back to the 专项 anchor, which is never later than the cash anchor these carry from.
  const owed = { payableFen: openingPayable(book, year), ...openingHeld(book, year) };
  return { balances: openingBalance(book, year), grants: openingGrants(book, year), owed, own };
}

export function loadYearEntries(db: UnionBooksDB, year: number): Promise<Transaction[]> {
  return db.transactions.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray();
}

/**
 * A FinanceBook for one year's figures: that year's entries and its opening balance as an
 * in-memory opening row (never stored), so the shared functions compute the same as on the whole book.
 */
export function yearBook(
  year: number,
  opening: PlaceBalances,
  entries: Transaction[],
  grants: readonly CarriedGrant[] = [],
  owed?: OwedBalances,
): FinanceBook {
  return { transactions: entries, openingBalances: [carriedOpeningRow(year, opening, grants, owed)] };
}

/** Both reads together: what the 收支 page needs before its first screen (also timed by the bench). */
export async function loadFinanceBook(db: UnionBooksDB, year: number): Promise<FinanceBook> {
  const [opening, entries] = await Promise.all([loadOpening(db, year), loadYearEntries(db, year)]);
  return yearBook(year, opening.balances, entries, opening.grants, opening.owed);
}
