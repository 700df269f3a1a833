import { useLiveQuery } from 'dexie-react-hooks';
import { todayIso } from '../../../../shared/clock/today';
import type { UserTemplate, YearNote } from '../../../../shared/model/records';
import { useServices } from '../../app/services';

const alive = <T extends { deleted: 0 | 1 }>(r: T) => r.deleted === 0;

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
