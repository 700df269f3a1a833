import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { todayIso } from '../../../shared/clock/today';

/**
 * `disabledDate` of every picker for money, members and welfare: the books record what happened,
 * so a day after today (Asia/Shanghai) cannot be picked. Planned activities and budgets do not use it.
 */
export function afterToday(day: Dayjs): boolean {
  return day.format('YYYY-MM-DD') > todayIso();
}

/** The same for month pickers: a month after this one. */
export function afterThisMonth(month: Dayjs): boolean {
  return month.format('YYYY-MM') > todayIso().slice(0, 7);
}

/**
 * A controlled picker's value for an ISO day, the same object while the day is the same: the picker
 * drops a day typed but not yet confirmed whenever its value changes identity, so a fresh object on
 * every render lost the typing as soon as the page redrew (a live query answering, a save finishing).
 */
export function useDay(iso: string): Dayjs {
  return useMemo(() => dayjs(iso), [iso]);
}
