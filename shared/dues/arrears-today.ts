import type { DuesRule, IsoDate, IsoMonth } from '../model/records';
import { arrearsOn, duesStartMonth, type ArrearsRow } from './arrears';
import type { DuesData, DuesIndex } from './data';
import type { DuesMember } from './eligibility';
import { lastOverdueMonth } from './overdue';

/** Arrears as a page shows them on a day, with the months they were counted over. */
export interface ArrearsToday {
  rows: ArrearsRow[];
  /** The last month counted: the latest month that is overdue on the day. */
  throughMonth: IsoMonth;
  /** The first month counted: the start of books, where the records begin, or the start of last year. */
  fromMonth: IsoMonth;
}

/** What arrears are counted by besides the payments: the union's dues rule and the start of books. */
export interface ArrearsContext {
  rule: DuesRule;
  booksStart: IsoMonth | null;
}

/**
 * Arrears on `today` by the same rule as the documents (overdue.ts, arrears.ts): the current month,
 * whose payroll may not be posted yet, is never arrears; nothing before the start of books is owed;
 * a member whose dues come to 0 owes nothing. The window reaches back to the start of last year, as
 * far as the pages read payments.
 */
export function arrearsToday(
  loaded: { data: DuesData<DuesMember>; index: DuesIndex<DuesMember> },
  context: ArrearsContext,
  today: IsoDate,
): ArrearsToday {
  const throughMonth = lastOverdueMonth(today);
  const windowStart = `${Number(today.slice(0, 4)) - 1}-01`;
  const first = duesStartMonth(context.booksStart, loaded.data) ?? throughMonth;
  const fromMonth = first > windowStart ? first : windowStart;
  return { rows: arrearsOn(loaded.index, { asOf: today, fromMonth, rule: context.rule }), throughMonth, fromMonth };
}
