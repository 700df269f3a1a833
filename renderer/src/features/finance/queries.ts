import { useLiveQuery } from 'dexie-react-hooks';
import { RECEIVABLE_ACCOUNT } from '../../../../shared/accounts/chart';
import { booksStartRow } from '../../../../shared/finance/books-start';
import { openAdvances, type AdvanceState } from '../../../../shared/finance/held';
import type {
  Activity,
  Attachment,
  Budget,
  IsoMonth,
  MonthClose,
  OpeningBalance,
  Transaction,
  WelfareVisit,
} from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import type { UnionBooksDB } from '../../db/database';
import { loadOpening, loadYearEntries, type YearOpening } from './load';
import { openMonthsOfYear } from './open-months';

/** 上年结余 of a year, live (see loadOpening for why it is a query of its own). */
export function useYearOpening(year: number): YearOpening | undefined {
  const { db } = useServices();
  return useLiveQuery(() => loadOpening(db, year), [db, year]);
}

/** The entries of a year, live. */
export function useYearEntries(year: number): Transaction[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => loadYearEntries(db, year), [db, year]);
}

export function useMonthCloses(): MonthClose[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => db.monthCloses.toArray(), [db]);
}

export function useBudgets(year: number): Budget[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => db.budgets.where('year').equals(year).toArray(), [db, year]);
}

/** Years the book has entries in, plus the current one, newest first. */
export function useFinanceYears(current: number): number[] {
  const { db } = useServices();
  return (
    useLiveQuery(async () => {
      const first = await db.transactions.orderBy('date').first();
      const last = await db.transactions.orderBy('date').last();
      const from = Math.min(current, first ? Number(first.date.slice(0, 4)) : current);
      const to = Math.max(current, last ? Number(last.date.slice(0, 4)) : current);
      return Array.from({ length: to - from + 1 }, (_, i) => to - i);
    }, [db, current]) ?? [current]
  );
}

export interface LinkOptions {
  activities: Pick<Activity, 'id' | 'title' | 'startDate'>[];
  welfare: (Pick<WelfareVisit, 'id' | 'kind' | 'date' | 'transactionId'> & { memberName: string })[];
}

/** Activities and welfare visits of a year an entry can be linked to. */
export function useLinkOptions(year: number): LinkOptions | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const activities = await db.activities
      .where('startDate')
      .between(from, to, true, true)
      .filter((a) => a.deleted === 0)
      .toArray();
    const visits = await db.welfare
      .where('date')
      .between(from, to, true, true)
      .filter((w) => w.deleted === 0)
      .toArray();
    const members = await db.members.bulkGet([...new Set(visits.map((v) => v.memberId))]);
    const names = new Map(members.filter((m) => m !== undefined).map((m) => [m.id, m.name]));
    return {
      activities: activities.map(({ id, title, startDate }) => ({ id, title, startDate })),
      welfare: visits.map(({ id, kind, date, transactionId, memberId }) => ({
        id,
        kind,
        date,
        transactionId,
        memberName: names.get(memberId) ?? '',
      })),
    };
  }, [db, year]);
}

export type AttachmentInfo = Pick<Attachment, 'id' | 'name' | 'mimeType' | 'size'>;

export function useAttachmentInfo(ids: readonly string[]): AttachmentInfo[] | undefined {
  const { db } = useServices();
  const key = ids.join(',');
  return useLiveQuery(async () => {
    const rows = await db.attachments.bulkGet(key ? key.split(',') : []);
    return rows
      .filter((a) => a !== undefined && a.deleted === 0)
      .map((a) => ({ id: a!.id, name: a!.name, mimeType: a!.mimeType, size: a!.size }));
  }, [db, key]);
}

/** The bytes of one attachment, read when the user asks to save it (not kept in memory with the list). */
export async function readAttachment(db: UnionBooksDB, id: string): Promise<Attachment | undefined> {
  const a = await db.attachments.get(id);
  return a && a.deleted === 0 ? a : undefined;
}

/**
 * Every live reversal, keyed by the entry it reverses: an entry of December may be reversed in
 * January, so the shown year's rows alone cannot tell whether an entry is settled.
 */
export function useReversals(): Map<string, Transaction> | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const rows = await db.transactions
      .where('reversalOf')
      .above('')
      .filter((t) => t.deleted === 0)
      .toArray();
    return new Map(rows.map((t) => [t.reversalOf, t]));
  }, [db]);
}

/** The start of books (开账) row, live; undefined while loading, null when none was declared. */
export function useBooksStart(): OpeningBalance | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => booksStartRow(await db.openingBalances.toArray()) ?? null, [db]);
}

/** The months of a year still open (see openMonthsOfYear), live; undefined while loading. */
export function useOpenMonths(year: number): IsoMonth[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [closes, openings] = await Promise.all([db.monthCloses.toArray(), db.openingBalances.toArray()]);
    return openMonthsOfYear(year, closes, booksStartRow(openings)?.month ?? null);
  }, [db, year]);
}

/**
 * Advances (借出/预付) still open on `date`, live: the 135 entries by their index, then the entries from
 * the earliest of them on, where their settlements and returns are (they may be in a later year).
 */
export function useOpenAdvances(date: string): AdvanceState[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const receivable = await db.transactions.where('accountCode').equals(RECEIVABLE_ACCOUNT).toArray();
    const first = receivable.reduce<string | null>((d, t) => (t.deleted === 0 && (d === null || t.date < d) ? t.date : d), null);
    if (first === null) return [];
    const rows = await db.transactions.where('date').aboveOrEqual(first).toArray();
    return openAdvances(rows, date);
  }, [db, date]);
}
