import { closedMonthMessage, isMonthClosed } from '../../finance/closing';
import { isYearLockedBy, lockedYearMessage } from '../../finance/year-lock';
import { isRealDate } from '../../idcard/gb11643';
import type { IsoDate, IsoMonth, MonthClose, YearSubmission } from '../../model/records';

/** What decides whether money may be written on a date: closes, submissions, the start of books and today. */
export interface PeriodState {
  monthCloses: readonly MonthClose[];
  submissions: readonly YearSubmission[];
  /** The start of books, or null when none was declared. */
  booksStart: IsoMonth | null;
  today: IsoDate;
}

export function formatDate(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export function monthText(month: IsoMonth): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** A date that has not come yet is refused: the books record what happened. `label` names the field. */
export function futureDateProblem(label: string, date: IsoDate, today: IsoDate): string | null {
  if (!isRealDate(date)) return `${label}：请填写有效日期`;
  if (date > today) return `${label}：${formatDate(date)}还没有到（今天是${formatDate(today)}），不能登记以后的日期`;
  return null;
}

/**
 * Why money dated `date` cannot be written (added, changed or removed), or null: the year's report
 * was submitted, the month is closed, the date lies before the start of books, or after today.
 */
export function moneyDateProblem(date: IsoDate, state: PeriodState, label = '日期'): string | null {
  const future = futureDateProblem(label, date, state.today);
  if (future) return future;
  if (state.booksStart && date.slice(0, 7) < state.booksStart)
    return `${label}：${formatDate(date)}早于本账簿的开账月份（${monthText(state.booksStart)}），开账前的收支已计入开账余额`;
  const year = Number(date.slice(0, 4));
  if (isYearLockedBy(state.submissions, year)) return lockedYearMessage(year);
  if (isMonthClosed(state.monthCloses, date)) return closedMonthMessage(date);
  return null;
}

/** Dues for a month before the start of books are not owed here, and cannot be posted. */
export function duesMonthProblem(month: IsoMonth, state: PeriodState): string | null {
  if (state.booksStart && month < state.booksStart)
    return `${monthText(month)}早于开账月份（${monthText(state.booksStart)}），开账前的会费已计入开账时填写的已收会费`;
  if (month > state.today.slice(0, 7)) return `${monthText(month)}还没有到，不能登记会费`;
  return null;
}
