import type { IsoDate } from '../model/records';

/** A reporting period: a whole year, or one month of it (month 1–12). */
export interface Period {
  year: number;
  month?: number;
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function periodRange(p: Period): DateRange {
  if (p.month === undefined) return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  return { from: `${p.year}-${pad(p.month)}-01`, to: `${p.year}-${pad(p.month)}-31` };
}

/** From 1 January to the end of the period: the 本年累计 range. */
export function yearToDateRange(p: Period): DateRange {
  return { from: `${p.year}-01-01`, to: periodRange(p).to };
}

export function periodLabel(p: Period): string {
  return p.month === undefined ? `${p.year}年度` : `${p.year}年${p.month}月`;
}

export function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);
}
