import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildDuesIndex, type DuesData, type DuesIndex } from '../../../../shared/dues/data';
import { duesReadFrom } from '../../../../shared/dues/year-view';
import type { IsoDate } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { todayIso } from '../../../../shared/clock/today';
import { DUES_YEAR_TABLES } from '../../db/read-dues-year';
import { useCountedElsewhere } from '../../db/useCountedElsewhere';
import { duesYearError } from '../../workers/count-errors';
import { office } from '../../workers/office';
import type { CountedDuesYear } from '../../workers/office-api';
import { paymentsFrom } from './payments-by-month';

/**
 * What dues pages compute from, re-read whenever any of it changes; nothing is read while
 * `fromMonth` is null. Payments are read from `fromMonth` on: a ten-year book of a large union
 * holds hundreds of thousands of payments that no screen needs at once.
 */
export function useDuesData(fromMonth: string | null): DuesData | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (fromMonth === null) return undefined;
    const [members, memberships, wageBases, duesPayments] = await Promise.all([
      db.members.toArray(),
      db.memberships.toArray(),
      db.wageBases.toArray(),
      paymentsFrom(db, fromMonth),
    ]);
    return { members, memberships, wageBases, duesPayments };
  }, [db, fromMonth]);
}

/**
 * The dues data for `year` (and the year before it, for 上年基数), with its lookups built once, read
 * only while `needed`: what a single payment, a posting's preview, the payments list and the wage
 * bases work on. The year's grid and arrears do not need it (useDuesYear).
 */
export function useDuesIndex(year: number, needed: boolean): { data: DuesData; index: DuesIndex } | undefined {
  const data = useDuesData(needed ? duesReadFrom(year, todayIso()) : null);
  return useMemo(() => (data ? { data, index: buildDuesIndex(data) } : undefined), [data]);
}

/** A year's 会费 view, for the year it was asked for: while the next is counted, the last stays shown. */
export type CountedYear = CountedDuesYear & { year: number };

/**
 * What the 会费 page shows of a year on `today` (grid, arrears, agreement, years), counted in the
 * office worker and counted again whenever the dues, the roster or the books change. `undefined`
 * until the first answer.
 */
export function useDuesYear(year: number, today: IsoDate): CountedYear | undefined {
  const { db } = useServices();
  return useCountedElsewhere(
    DUES_YEAR_TABLES,
    () =>
      office.duesYear(db.name, year, today).then(
        (answer): CountedYear => ({ ...answer, year }),
        (error: unknown): CountedYear => ({ view: null, error: duesYearError(year, error), year }),
      ),
    [db, year, today],
  );
}

export { todayIso } from '../../../../shared/clock/today';
