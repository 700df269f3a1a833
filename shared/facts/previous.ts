import { booksStartMonth } from '../finance/books-start';
import { live, type BookTables } from '../model/book';
import type { IsoDate } from '../model/records';
import { activityFacts } from './activities';
import { financeFacts } from './finance';
import { memberFacts, type MemberIndex } from './members';
import type { PreviousYearFacts } from './types';
import { VISIT_KINDS } from './welfare';

/**
 * The previous year up to the same day, for 同比: a summary written on 1 December compares with
 * last year's 1 December, not with last year's whole. Available only when the books cover the
 * previous year from its first month; a partial year would make every comparison a false rise.
 */
export function previousYearFacts(book: BookTables, year: number, asOf: IsoDate, index: MemberIndex): PreviousYearFacts {
  const prev = year - 1;
  const sameDay = `${prev}${asOf.slice(4)}`.replace(/-02-29$/, '-02-28');
  const empty: PreviousYearFacts = {
    available: false,
    year: prev,
    asOf: sameDay,
    members: 0,
    activities: 0,
    personTimes: 0,
    welfarePersonTimes: 0,
    visitPersonTimes: 0,
    incomeFen: 0,
    expenseFen: 0,
    duesFen: 0,
  };
  const start = booksStartMonth(book.openingBalances) ?? firstRecordMonth(book);
  const prefix = `${prev}-`;
  const hasRecords =
    live(book.transactions).some((t) => t.date.startsWith(prefix)) || live(book.activities).some((a) => a.startDate.startsWith(prefix));
  if (!start || start > `${prev}-01` || !hasRecords) return empty;
  const activities = activityFacts(book, prev, sameDay);
  const visits = live(book.welfare).filter((v) => v.date.startsWith(prefix) && v.date <= sameDay);
  const finance = financeFacts(book, prev, sameDay);
  let duesFen = 0;
  for (const p of book.duesPayments) if (p.deleted === 0 && p.paidDate.startsWith(prefix) && p.paidDate <= sameDay) duesFen += p.amountFen;
  return {
    ...empty,
    available: true,
    members: memberFacts(book, prev, sameDay, index).total,
    activities: activities.count,
    personTimes: activities.personTimes,
    welfarePersonTimes: visits.length,
    visitPersonTimes: visits.filter((v) => VISIT_KINDS.has(v.kind)).length,
    incomeFen: finance.incomeFen,
    expenseFen: finance.expenseFen,
    duesFen,
  };
}

/** Where a book without a declared start begins: its earliest entry, payment or activity. */
function firstRecordMonth(book: Pick<BookTables, 'transactions' | 'duesPayments' | 'activities'>): string | null {
  let first = '';
  const see = (month: string) => {
    if (month && (first === '' || month < first)) first = month;
  };
  for (const t of live(book.transactions)) see(t.date.slice(0, 7));
  for (const p of live(book.duesPayments)) see(p.paidDate.slice(0, 7));
  for (const a of live(book.activities)) see(a.startDate.slice(0, 7));
  return first || null;
}
