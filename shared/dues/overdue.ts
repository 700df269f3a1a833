import type { IsoDate, IsoMonth } from '../model/records';
import { addMonths, lastDayOfMonth } from './months';

/**
 * When a month's dues become arrears. Payroll deduction happens inside the month, and summaries are
 * written in December before December's deduction: a month whose deduction has not been posted is
 * not owed until it is over. A local 细则 may allow some days after that; `graceDays` says how many.
 */
export interface DuesDeadline {
  /** Days after the month's last day on which its dues may still come in. */
  graceDays: number;
}

export const DEFAULT_DUES_DEADLINE: DuesDeadline = { graceDays: 0 };

/** The last day on which a month's dues are still on time. */
export function deadlineOf(month: IsoMonth, deadline: DuesDeadline = DEFAULT_DUES_DEADLINE): IsoDate {
  const last = lastDayOfMonth(month);
  if (deadline.graceDays <= 0) return last;
  const d = new Date(`${last}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + deadline.graceDays);
  return d.toISOString().slice(0, 10);
}

/** A month is overdue on `date` once its deadline has passed. */
export function isOverdue(month: IsoMonth, date: IsoDate, deadline: DuesDeadline = DEFAULT_DUES_DEADLINE): boolean {
  return date > deadlineOf(month, deadline);
}

/** The latest month that is overdue on `date`: every earlier month is overdue too. */
export function lastOverdueMonth(date: IsoDate, deadline: DuesDeadline = DEFAULT_DUES_DEADLINE): IsoMonth {
  let month = addMonths(date.slice(0, 7), -1);
  while (!isOverdue(month, date, deadline)) month = addMonths(month, -1);
  return month;
}

/**
 * The months of `year` whose dues are owed on `date`: from the start of books (or January) to the
 * last overdue month. Empty when none is due yet (a year that has not begun, a book started later).
 */
export function owedWindow(
  year: number,
  date: IsoDate,
  startMonth: IsoMonth | null,
  deadline: DuesDeadline = DEFAULT_DUES_DEADLINE,
): { from: IsoMonth; through: IsoMonth } | null {
  const from = startMonth && startMonth > `${year}-01` ? startMonth : `${year}-01`;
  const overdue = lastOverdueMonth(date, deadline);
  const through = overdue < `${year}-12` ? overdue : `${year}-12`;
  return from <= through ? { from, through } : null;
}

/**
 * The last month of `year` whose dues are owed on `date` (what a page counts as due): the last
 * overdue month, capped at December; before January when nothing of the year is due yet.
 */
export function dueThrough(year: number, date: IsoDate, deadline: DuesDeadline = DEFAULT_DUES_DEADLINE): IsoMonth {
  const overdue = lastOverdueMonth(date, deadline);
  return overdue < `${year}-12` ? overdue : `${year}-12`;
}
