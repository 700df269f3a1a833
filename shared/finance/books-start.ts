import type { IsoMonth, OpeningBalance } from '../model/records';

/**
 * The start of books (开账): the month this union began keeping its books here. Nothing is booked
 * before it, and dues, arrears, 收缴率 and the six-month warning count only from it. The latest live
 * start row wins (it can be corrected); a book without one has no declared start and counts from
 * its first records.
 */
export function booksStartRow(rows: readonly OpeningBalance[]): OpeningBalance | undefined {
  let best: OpeningBalance | undefined;
  for (const r of rows) {
    if (r.deleted !== 0 || !r.booksStart) continue;
    if (!best || r.updatedAt > best.updatedAt) best = r;
  }
  return best;
}

export function booksStartMonth(rows: readonly OpeningBalance[]): IsoMonth | null {
  return booksStartRow(rows)?.month ?? null;
}

/** The first day of the books, or null when no start was declared. */
export function booksStartDate(rows: readonly OpeningBalance[]): string | null {
  const month = booksStartMonth(rows);
  return month ? `${month}-01` : null;
}
