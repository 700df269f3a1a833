import type { MonthClose } from '../model/records';
import { monthLabel } from './period';

/**
 * Month close is an append-only history: every 结账 and 反结账 adds a row, so the reasons for
 * reopening stay on record. A month's state is its latest live row, ordered by the HLC stamp
 * (causal order across devices).
 */
export function latestClose(closes: readonly MonthClose[], month: string): MonthClose | undefined {
  let best: MonthClose | undefined;
  for (const c of closes) {
    if (c.deleted !== 0 || c.month !== month) continue;
    if (!best || c.updatedAt > best.updatedAt) best = c;
  }
  return best;
}

/** A month is closed when its latest live close record says so; reopening writes closed=false with a reason. */
export function isMonthClosed(closes: readonly MonthClose[], dateOrMonth: string): boolean {
  return latestClose(closes, dateOrMonth.slice(0, 7))?.closed === true;
}

export function closedMonthMessage(dateOrMonth: string): string {
  const month = dateOrMonth.slice(0, 7);
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月已结账，不能修改；如需更正，请做红字冲销，或先填写原因后反结账。`;
}

/** Months of a year that are closed now. */
export function closedMonths(closes: readonly MonthClose[], year: number): string[] {
  const months = new Set(closes.filter((c) => c.month.startsWith(`${year}-`)).map((c) => c.month));
  return [...months].filter((m) => isMonthClosed(closes, m)).sort();
}

/**
 * Why a month cannot be closed, or null. Months close in order within a year (a treasurer closes
 * January before February), and a month that has not ended yet cannot be closed.
 */
export function closeProblem(closes: readonly MonthClose[], month: string, today: string, booksStart: string | null = null): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return `月份格式不对：${month}`;
  if (booksStart && month < booksStart) return `${monthLabel(month)}在开账之前，无需结账`;
  if (isMonthClosed(closes, month)) return `${monthLabel(month)}已经结账`;
  if (month >= today.slice(0, 7)) return `${monthLabel(month)}还没有结束，不能结账`;
  const year = month.slice(0, 4);
  for (let m = 1; m < Number(month.slice(5, 7)); m++) {
    const earlier = `${year}-${String(m).padStart(2, '0')}`;
    // Months before the start of books hold nothing to close.
    if (booksStart && earlier < booksStart) continue;
    if (!isMonthClosed(closes, earlier)) return `请先结账${monthLabel(earlier)}`;
  }
  return null;
}

/**
 * Why a month cannot be reopened, or null. A reason is required and recorded; later closed months
 * must be reopened first, because their balances were carried from this one.
 */
export function reopenProblem(closes: readonly MonthClose[], month: string, reason: string): string | null {
  if (!isMonthClosed(closes, month)) return `${monthLabel(month)}没有结账`;
  if (reason.trim().length < 2) return '请填写反结账原因（至少两个字）';
  const later = [...new Set(closes.map((c) => c.month))].filter((m) => m > month && isMonthClosed(closes, m)).sort();
  const last = later[later.length - 1];
  if (last) return `请先反结账${monthLabel(last)}`;
  return null;
}

/** Close and reopen records of a month (or all months), newest first, for the history list. */
export function closeHistory(closes: readonly MonthClose[], month?: string): MonthClose[] {
  return closes.filter((c) => c.deleted === 0 && (!month || c.month === month)).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
}
