import { firstNegativeCash, type CashLow } from '../engine/rules/cash';
import { carriedOpeningRow, openingBalance, openingRowFor, type FinanceBook, type PlaceBalances } from '../finance/balances';
import type { IsoMonth, OpeningBalance, Transaction } from '../model/records';

/**
 * What 概览 needs from the entries before the open year. They rarely change once a year is closed,
 * so the desk computes this apart from the open year and does not re-read them on every new entry.
 */
export interface DeskPast {
  /** Month of the earliest live entry before the open year, or null when there is none. */
  firstEntryMonth: IsoMonth | null;
  /** The first day before the open year whose closing cash was below zero, or null. */
  cashLow: CashLow | null;
  /** 上年结余 of the open year, as the whole book gives it. */
  opening: PlaceBalances;
}

/** The facts of the years before `year`, from the entries dated before it and all the opening rows. */
export function deskPast(before: readonly Transaction[], openingBalances: readonly OpeningBalance[], year: number): DeskPast {
  let firstEntryMonth: IsoMonth | null = null;
  for (const t of before) {
    if (t.deleted === 0 && (firstEntryMonth === null || t.date.slice(0, 7) < firstEntryMonth)) firstEntryMonth = t.date.slice(0, 7);
  }
  const earlierRows = openingBalances.filter((r) => r.year < year);
  return {
    firstEntryMonth,
    cashLow: firstNegativeCash({ transactions: before, openingBalances: earlierRows }),
    opening: openingBalance({ transactions: before, openingBalances }, year),
  };
}

/**
 * The book the desk computes from: the entries from the open year on, the opening rows of the open
 * year and later, and, when the open year's opening is carried from earlier years, that opening as
 * a row (never stored), so balances and the cash check start where the earlier years ended.
 */
export function deskFinance(
  fromYear: readonly Transaction[],
  openingBalances: readonly OpeningBalance[],
  year: number,
  past: DeskPast,
): FinanceBook {
  const rows = openingBalances.filter((r) => r.year >= year);
  const carried =
    !openingRowFor(openingBalances, year) &&
    (past.firstEntryMonth !== null || openingBalances.some((r) => r.deleted === 0 && r.year < year));
  if (carried) rows.push(carriedOpeningRow(year, past.opening));
  return { transactions: fromYear, openingBalances: rows };
}
