import { useLiveQuery } from 'dexie-react-hooks';
import { todayIso } from '../../../../shared/clock/today';
import { emptyBook, type BookTables } from '../../../../shared/model/book';
import type { Attachment, UserTemplate, YearNote } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';
import { useServices } from '../../app/services';

const alive = <T extends { deleted: 0 | 1 }>(r: T) => r.deleted === 0;

/**
 * The part of the book a year's documents are computed from: the year and the one before it (for
 * 同比). Dues and wage bases are the big tables: payments are read for the months a year's money can
 * concern (late payments for the two years before, advance payments for the next); entries are read
 * whole because the opening balance carries forward from the first recorded year.
 */
export async function loadYearBook(db: UnionBooksDB, year: number): Promise<BookTables> {
  const from = `${year - 1}-01-01`;
  const to = `${year}-12-31`;
  const book = emptyBook();
  const [
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
    monthCloses,
    yearNotes,
    fixedAssets,
    bankLines,
    bankMatches,
    bankSkips,
  ] = await Promise.all([
    db.union.filter(alive).toArray(),
    db.members.filter(alive).toArray(),
    db.memberships.filter(alive).toArray(),
    db.wageBases
      .where('year')
      .between(year - 2, year, true, true)
      .filter(alive)
      .toArray(),
    db.duesPayments
      .where('month')
      .between(`${year - 2}-01`, `${year + 1}-12`, true, true)
      .filter(alive)
      .toArray(),
    db.activities.where('startDate').between(from, to, true, true).filter(alive).toArray(),
    db.welfare.where('date').between(from, to, true, true).filter(alive).toArray(),
    db.transactions.filter(alive).toArray(),
    db.budgets
      .where('year')
      .between(year - 1, year, true, true)
      .toArray(),
    db.openingBalances.toArray(),
    db.monthCloses.toArray(),
    db.yearNotes.where('year').equals(year).toArray(),
    // the 经费审查 facts: the balance sheet's fixed assets and the bank reconciliation of every month
    db.fixedAssets.toArray(),
    db.bankLines.toArray(),
    db.bankMatches.toArray(),
    db.bankSkips.toArray(),
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
    monthCloses,
    yearNotes,
    fixedAssets,
    bankLines,
    bankMatches,
    bankSkips,
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
    const years = new Set<number>([Number(todayIso().slice(0, 4))]);
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

export interface StoredYearNote {
  /** The year asked for: a live query keeps its last answer while the next year's is read. */
  year: number;
  note: YearNote | null;
}

export function useYearNote(year: number): StoredYearNote | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => ({ year, note: (await db.yearNotes.where('year').equals(year).filter(alive).first()) ?? null }),
    [db, year],
  );
}
