import { live, type BookTables } from '../model/book';
import type { IsoDate } from '../model/records';
import { activityFacts } from './activities';
import { duesFacts } from './dues';
import { financeFacts } from './finance';
import { indexMembers, memberFacts } from './members';
import type { AnnualFacts } from './types';
import { welfareFacts } from './welfare';

export interface FactsOptions {
  /** The day the document is written; dues are owed only up to its month. Defaults to the year's last day. */
  today?: IsoDate;
}

/**
 * Everything a year's documents say, computed from the book alone. The renderer feeds it from
 * Dexie, the CLI from a backup file: the same figures everywhere.
 */
export function computeAnnualFacts(book: BookTables, year: number, options: FactsOptions = {}): AnnualFacts {
  const today = options.today ?? `${year}-12-31`;
  const union = live(book.union)[0];
  const note = live(book.yearNotes).find((n) => n.year === year);
  const index = indexMembers(book);
  return {
    year,
    yearStart: `${year}-01-01`,
    yearEnd: `${year}-12-31`,
    today,
    union: {
      name: union?.name ?? '',
      employer: union?.employer ?? '',
      upperUnion: union?.upperUnion ?? '',
      chair: union?.chair ?? '',
      treasurer: union?.treasurer ?? '',
      employeeCount: union?.employeeCount ?? 0,
      womenEmployeeCount: union?.womenEmployeeCount ?? 0,
    },
    members: memberFacts(book, year, index),
    dues: duesFacts(book, year, today),
    activities: activityFacts(book, year),
    welfare: welfareFacts(book, year),
    finance: financeFacts(book, year),
    notes: {
      highlights: note?.highlights ?? '',
      problems: note?.problems ?? '',
      nextYearPlan: note?.nextYearPlan ?? '',
    },
  };
}

/** The date line of a past year's document is the year's last day; the current year's is today. */
export function documentDate(year: number, now: Date = new Date()): IsoDate {
  const today = now.toISOString().slice(0, 10);
  return today.slice(0, 4) === String(year) ? today : `${year}-12-31`;
}

/** Years that have anything in the book, newest first (the year picker). */
export function yearsWithData(book: Pick<BookTables, 'transactions' | 'duesPayments' | 'activities'>): number[] {
  const years = new Set<number>();
  for (const t of live(book.transactions)) years.add(Number(t.date.slice(0, 4)));
  for (const p of live(book.duesPayments)) years.add(Number(p.month.slice(0, 4)));
  for (const a of live(book.activities)) years.add(Number(a.startDate.slice(0, 4)));
  return [...years].filter((y) => y > 1900).sort((a, b) => b - a);
}
