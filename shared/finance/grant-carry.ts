import type { CarriedGrant, OpeningBalance } from '../model/records';
import { openingRowFor, type FinanceBook } from './balances';
import { grantBalances } from './special-grants';

/** What a list of balances leaves to carry: the purposes with something left (or overspent). */
function remainingOf(grants: ReturnType<typeof grantBalances>): CarriedGrant[] {
  return grants.filter((g) => g.remainingFen !== 0).map((g) => ({ purpose: g.purpose, remainingFen: g.remainingFen }));
}

/** Whether an opening row says what 专项 a year starts with (a row carried by an older version does not). */
export function statesGrants(row: OpeningBalance): boolean {
  return row.grants !== undefined || !row.carried;
}

/** The latest year up to `year` whose opening row states its 专项, or null: where counting them starts. */
export function grantAnchorYear(rows: readonly OpeningBalance[], year: number): number | null {
  let anchor: number | null = null;
  for (const r of rows) if (r.deleted === 0 && r.year <= year && statesGrants(r) && (anchor === null || r.year > anchor)) anchor = r.year;
  return anchor;
}

/**
 * 专项 unspent on 1 January of a year, carried like the money: the year's own opening row when it
 * states them (closing December writes them; a hand-set or 开账 row starts from none), otherwise the
 * latest earlier row's plus the 专项 entries since. A row carried by a version that did not store
 * them is passed over, so the figure never depends on when the year was closed.
 */
export function openingGrants(book: FinanceBook, year: number): CarriedGrant[] {
  const own = openingRowFor(book.openingBalances, year);
  if (own && statesGrants(own)) return own.grants ?? [];
  const anchor = grantAnchorYear(book.openingBalances, year - 1);
  const start = anchor === null ? [] : openingGrants(book, anchor);
  return remainingOf(grantBalances(book.transactions, `${year - 1}-12-31`, anchor === null ? '0000-01-01' : `${anchor}-01-01`, start));
}

/** 专项 unspent at the end of a year: what closing December carries into the next. */
export function closingGrants(book: FinanceBook, year: number): CarriedGrant[] {
  return remainingOf(grantBalances(book.transactions, `${year}-12-31`, `${year}-01-01`, openingGrants(book, year)));
}
