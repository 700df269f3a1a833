import type { IsoDate, IsoMonth } from '../model/records';

/** Month arithmetic on `YYYY-MM` strings; plain strings sort in calendar order, so comparisons stay cheap. */
export function isIsoMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function monthIndex(month: IsoMonth): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): IsoMonth {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function addMonths(month: IsoMonth, n: number): IsoMonth {
  return monthFromIndex(monthIndex(month) + n);
}

/** Inclusive range; empty when `to` is before `from`. */
export function monthsBetween(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  const out: IsoMonth[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}

export function monthsOfYear(year: number): IsoMonth[] {
  return monthsBetween(`${year}-01`, `${year}-12`);
}

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** 2025-03 → 2025年3月. */
export function monthLabel(month: IsoMonth): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** A list of months as people write it: 2025年3月—5月、7月. Consecutive months collapse into a range. */
export function monthsLabel(months: readonly IsoMonth[]): string {
  const sorted = [...new Set(months)].sort();
  const parts: string[] = [];
  let i = 0;
  let lastYear = '';
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && monthIndex(sorted[j + 1] ?? '') === monthIndex(sorted[j] ?? '') + 1) j++;
    const first = sorted[i] ?? '';
    const last = sorted[j] ?? '';
    const year = first.slice(0, 4);
    const firstText = year === lastYear ? `${Number(first.slice(5))}月` : monthLabel(first);
    const lastText = last.slice(0, 4) === year ? `${Number(last.slice(5))}月` : monthLabel(last);
    parts.push(i === j ? firstText : `${firstText}—${lastText}`);
    lastYear = last.slice(0, 4);
    i = j + 1;
  }
  return parts.join('、');
}

/**
 * The date a posting for `month` is booked on: today within the month, the month's last day for a
 * past month. A month still to come cannot be posted yet.
 */
export function defaultPostingDate(month: IsoMonth, today: IsoDate): IsoDate | null {
  const current = today.slice(0, 7);
  if (month > current) return null;
  return month === current ? today : lastDayOfMonth(month);
}
