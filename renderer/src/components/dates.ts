import type { Dayjs } from 'dayjs';
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
