import { todayIso } from '../clock/today';
import type { DuesDeadline } from '../dues/overdue';
import { DEFAULT_DUES_RULE } from '../dues/rule';
import { booksStartMonth } from '../finance/books-start';
import { live, type BookTables } from '../model/book';
import type { IsoDate } from '../model/records';
import { activityFacts } from './activities';
import { auditFacts } from './audit';
import { duesFacts } from './dues';
import { financeFacts } from './finance';
import { indexMembers, memberFacts } from './members';
import { previousYearFacts } from './previous';
import { emptySections, LEGACY_NOTE_FIELDS, type SectionTexts } from './sections';
import type { AnnualFacts, NarrativeFacts, PeriodFacts } from './types';
import { spendingRuleName, welfareFacts } from './welfare';

export interface FactsOptions {
  /** The document date (成文日期). Defaults to documentDate(year): today this year, 31 December for a past year. */
  date?: IsoDate;
  /** The same as `date` (its earlier name). */
  today?: IsoDate;
  /** When a month's unpaid dues count as arrears (default: once the month is over). */
  deadline?: DuesDeadline;
}

/** A document date the facts can be counted to, or the reason it cannot, in Chinese. */
export function documentDateProblem(year: number, date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return `成文日期应为 YYYY-MM-DD：${date}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return `成文日期不存在：${date}`;
  if (date < `${year}-01-01`) return `成文日期 ${date} 早于 ${year} 年，无法统计该年度`;
  return null;
}

/**
 * Everything a year's documents say, computed from the book alone as it stands on the document
 * date: members, dues, activities, welfare and money are all counted to the same day, so the date a
 * document names ("截至2026年12月1日") and its figures agree. The renderer feeds it from Dexie, the
 * CLI from a backup file: the same figures everywhere.
 */
export function computeAnnualFacts(book: BookTables, year: number, options: FactsOptions = {}): AnnualFacts {
  const date = options.date ?? options.today ?? documentDate(year);
  const problem = documentDateProblem(year, date);
  if (problem) throw new RangeError(problem);
  const yearEnd = `${year}-12-31`;
  const asOf = date < yearEnd ? date : yearEnd;
  const union = live(book.union)[0];
  const note = live(book.yearNotes).find((n) => n.year === year);
  const index = indexMembers(book);
  const start = booksStartMonth(book.openingBalances);
  const period: PeriodFacts = {
    asOf,
    wholeYear: asOf === yearEnd,
    span: asOf === yearEnd ? '全年' : '今年以来',
    booksStart: start && start > `${year}-01` && start.startsWith(`${year}-`) ? `${start}-01` : '',
  };
  return {
    year,
    yearStart: `${year}-01-01`,
    yearEnd,
    today: date,
    period,
    union: {
      name: union?.name ?? '',
      employer: union?.employer ?? '',
      upperUnion: union?.upperUnion ?? '',
      chair: union?.chair ?? '',
      treasurer: union?.treasurer ?? '',
      employeeCount: union?.employeeCount ?? 0,
      womenEmployeeCount: union?.womenEmployeeCount ?? 0,
      spendingRule: spendingRuleName(union),
      duesRate: `${((union?.duesRule ?? DEFAULT_DUES_RULE).rateBasisPoints / 100).toString()}%`,
    },
    members: memberFacts(book, year, asOf, index),
    dues: duesFacts(book, year, date, asOf, options.deadline),
    activities: activityFacts(book, year, asOf),
    welfare: welfareFacts(book, year, asOf),
    finance: financeFacts(book, year, asOf),
    audit: auditFacts(book, year, asOf),
    previous: previousYearFacts(book, year, asOf, index),
    notes: narrativeFacts(note?.sections),
  };
}

/** Every section's paragraph (empty where none was written), under the earlier names too. */
export function narrativeFacts(sections: Partial<SectionTexts> | undefined): NarrativeFacts {
  const texts = { ...emptySections(), ...sections };
  return { ...texts, highlights: texts[LEGACY_NOTE_FIELDS.highlights], nextYearPlan: texts[LEGACY_NOTE_FIELDS.nextYearPlan] };
}

/**
 * The date line of a past year's document is the year's last day; the current year's is today
 * (Asia/Shanghai). A year that has not begun can only be counted from its first day.
 */
export function documentDate(year: number, now: Date = new Date()): IsoDate {
  const today = todayIso(now);
  const current = Number(today.slice(0, 4));
  if (current > year) return `${year}-12-31`;
  return current === year ? today : `${year}-01-01`;
}

/** Years that have anything in the book, newest first (the year picker). */
export function yearsWithData(book: Pick<BookTables, 'transactions' | 'duesPayments' | 'activities'>): number[] {
  const years = new Set<number>();
  for (const t of live(book.transactions)) years.add(Number(t.date.slice(0, 4)));
  for (const p of live(book.duesPayments)) years.add(Number(p.month.slice(0, 4)));
  for (const a of live(book.activities)) years.add(Number(a.startDate.slice(0, 4)));
  return [...years].filter((y) => y > 1900).sort((a, b) => b - a);
}
