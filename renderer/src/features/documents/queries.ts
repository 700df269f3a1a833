import { useLiveQuery } from 'dexie-react-hooks';
import { emptyBook, type BookTables } from '../../../../shared/model/book';
import type { Attachment, UserTemplate, YearNote } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';
import { useServices } from '../../app/services';

const alive = <T extends { deleted: 0 | 1 }>(r: T) => r.deleted === 0;

/**
 * The part of the book a year's documents are computed from. Dues and wage bases are read for
 * the year only (they are the big tables); entries are read whole because the opening balance
 * carries forward from the first recorded year.
 */
export async function loadYearBook(db: UnionBooksDB, year: number): Promise<BookTables> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const book = emptyBook();
  const [union, members, memberships, wageBases, duesPayments, activities, welfare, transactions, budgets, openingBalances, yearNotes] =
    await Promise.all([
      db.union.filter(alive).toArray(),
      db.members.filter(alive).toArray(),
      db.memberships.filter(alive).toArray(),
      db.wageBases.where('year').equals(year).filter(alive).toArray(),
      db.duesPayments.where('month').between(`${year}-01`, `${year}-12`, true, true).filter(alive).toArray(),
      db.activities.where('startDate').between(from, to, true, true).filter(alive).toArray(),
      db.welfare.where('date').between(from, to, true, true).filter(alive).toArray(),
      db.transactions.filter(alive).toArray(),
      db.budgets.where('year').equals(year).toArray(),
      db.openingBalances.toArray(),
      db.yearNotes.where('year').equals(year).toArray(),
    ]);
  const photoIds = activities.flatMap((a) => a.photoIds);
  const photos = (await db.attachments.bulkGet(photoIds)).filter((a): a is Attachment => a !== undefined && a.deleted === 0);
  return {
    ...book,
    union,
    members,
    memberships,
    wageBases,
    duesPayments,
    activities,
    welfare,
    transactions,
    budgets,
    openingBalances,
    yearNotes,
    attachments: photos,
  };
}

export function useYearBook(year: number): BookTables | undefined {
  const { db } = useServices();
  return useLiveQuery(() => loadYearBook(db, year), [db, year]);
}

/** Years with entries, dues or activities, newest first; the current year is always offered. */
export function useDocumentYears(): number[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const years = new Set<number>([new Date().getFullYear()]);
    const firstTx = await db.transactions.orderBy('date').first();
    const lastTx = await db.transactions.orderBy('date').last();
    const firstDues = await db.duesPayments.orderBy('month').first();
    const lastDues = await db.duesPayments.orderBy('month').last();
    const bounds = [firstTx?.date, lastTx?.date, firstDues?.month, lastDues?.month]
      .filter((d): d is string => !!d)
      .map((d) => Number(d.slice(0, 4)));
    if (bounds.length > 0) for (let y = Math.min(...bounds); y <= Math.max(...bounds); y++) years.add(y);
    return [...years].sort((a, b) => b - a);
  }, [db]);
}

export function useUserTemplates(): UserTemplate[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => db.templates.filter(alive).toArray(), [db]);
}

export function useYearNote(year: number): YearNote | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (await db.yearNotes.where('year').equals(year).filter(alive).first()) ?? null, [db, year]);
}
