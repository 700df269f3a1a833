import type { DuesPayment, IsoDate, IsoMonth, OpeningBalance, Transaction, UnionProfile } from '../model/records';
import { booksStartMonth } from '../finance/books-start';
import { checkDuesAgreement, type DuesAgreement } from './agreement';
import { arrearsToday, type ArrearsContext, type ArrearsToday } from './arrears-today';
import { buildDuesIndex, type DuesData, type DuesIndex } from './data';
import { buildYearGrid, type YearGrid } from './grid';
import { dueThrough } from './overdue';
import { DEFAULT_DUES_RULE } from './rule';

/** The rule and the start of books a year's dues are counted by, from the book's union and opening rows. */
export function arrearsContextOf(unions: readonly UnionProfile[], openings: readonly OpeningBalance[]): ArrearsContext {
  const union = unions.find((u) => u.deleted === 0);
  return { rule: union?.duesRule ?? DEFAULT_DUES_RULE, booksStart: booksStartMonth(openings) };
}

/**
 * The first month of payments a year's dues view reads: the year before the one shown (上年基数 and
 * last year's arrears), and never later than the start of last year, where arrears are counted from.
 */
export function duesReadFrom(year: number, today: IsoDate): IsoMonth {
  return `${Math.min(year, Number(today.slice(0, 4))) - 1}-01`;
}

/**
 * A year's 会费台账 as of `today`: the months due are those overdue on the day, and nothing before
 * the start of books is owed. The page, the exported workbook and the command line's export all
 * count it here, so the printed 收缴率 is the one the page shows.
 */
export function ledgerGrid(index: DuesIndex, year: number, context: ArrearsContext, today: IsoDate): YearGrid {
  return buildYearGrid(index, year, context.rule, dueThrough(year, today), context.booksStart);
}

/** What the 会费 page shows of a year on a day. */
export interface DuesYearView {
  year: number;
  today: IsoDate;
  grid: YearGrid;
  arrears: ArrearsToday;
  agreement: DuesAgreement;
  /** The people with a month of the year due and unpaid. */
  unpaidPeople: number;
  /** The years the page offers, newest first: this one and the next, the one shown, and every year with bases or payments. */
  years: number[];
}

/** What the view is counted from: the dues data from `duesReadFrom`, and what the agreement and year list read. */
export interface DuesYearInput {
  data: DuesData;
  context: ArrearsContext;
  /** The payments paid (paidDate) in the year: the dues side of the agreement. */
  paidInYear: readonly DuesPayment[];
  /** The year's 401 entries: the books' side. */
  entries401: readonly Transaction[];
  /** The months that have payments, any year. */
  paymentMonths: readonly IsoMonth[];
}

export function duesYearView(input: DuesYearInput, year: number, today: IsoDate): DuesYearView {
  const loaded = { data: input.data, index: buildDuesIndex(input.data) };
  const grid = ledgerGrid(loaded.index, year, input.context, today);
  const current = Number(today.slice(0, 4));
  const years = new Set<number>([current, current + 1, year]);
  for (const w of input.data.wageBases) years.add(w.year);
  for (const month of input.paymentMonths) years.add(Number(month.slice(0, 4)));
  return {
    year,
    today,
    grid,
    arrears: arrearsToday(loaded, input.context, today),
    agreement: checkDuesAgreement(input.paidInYear, input.entries401, year),
    unpaidPeople: grid.rows.filter((r) => r.cells.some((c) => c.state === 'unpaid')).length,
    years: [...years].sort((a, b) => b - a),
  };
}
