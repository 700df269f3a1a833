import { isMonthClosed } from '../../../../shared/finance/closing';
import { monthsOfYear } from '../../../../shared/finance/period';
import type { IsoMonth, MonthClose } from '../../../../shared/model/records';

/**
 * The months of `year` not closed yet, from the start of books on (earlier months hold nothing to
 * close). A year's report sent while any remain can still change under the upper union's eyes.
 */
export function openMonthsOfYear(year: number, closes: readonly MonthClose[], booksStart: IsoMonth | null): IsoMonth[] {
  return monthsOfYear(year).filter((m) => !(booksStart && m < booksStart) && !isMonthClosed(closes, m));
}
