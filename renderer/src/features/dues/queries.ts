import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildDuesIndex, type DuesData, type DuesIndex } from '../../../../shared/dues/data';
import type { IsoDate } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { DUES_YEAR_TABLES } from '../../db/read-dues-year';
import { useCountedElsewhere } from '../../db/useCountedElsewhere';
import { duesYearError } from '../../workers/count-errors';
import { office } from '../../workers/office';
import { unpackDuesYearView } from '../../../../shared/dues/grid-wire';
import type { DuesYearView } from '../../../../shared/dues/year-view';
import { paymentsOfMonths } from './payments-by-month';

/**
 * The roster, its events and bases, with the payments of `paymentsOf`'s months (none when null),
 * and their lookups, re-read whenever any of it changes; nothing is read while not `needed`. What
 * the 缴费记录 list (the year's payments), the 工资基数 grid and 登记缴费 (no payments: it reads the
 * member's own) work on on the window; the year's grid, arrears and agreement do not (useDuesYear).
 */
export function useDuesIndex(needed: boolean, paymentsOf: number | null): { data: DuesData; index: DuesIndex } | undefined {
  const { db } = useServices();
  const data = useLiveQuery(async (): Promise<DuesData | undefined> => {
    if (!needed) return undefined;
    const [members, memberships, wageBases, duesPayments] = await Promise.all([
      db.members.toArray(),
      db.memberships.toArray(),
      db.wageBases.toArray(),
      paymentsOf === null ? Promise.resolve([]) : paymentsOfMonths(db, `${paymentsOf}-01`, `${paymentsOf}-12`),
    ]);
    return { members, memberships, wageBases, duesPayments };
  }, [db, needed, paymentsOf]);
  return useMemo(() => (data ? { data, index: buildDuesIndex(data) } : undefined), [data]);
}

/** A year's 会费 view, for the year it was asked for: while the next is counted, the last stays shown. */
export interface CountedYear {
  view: DuesYearView | null;
  error: string | null;
  year: number;
}

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
        // The grid crossed from the worker packed; the cells are made here in one loop.
        (answer): CountedYear => ({ view: answer.view && unpackDuesYearView(answer.view), error: answer.error, year }),
        (error: unknown): CountedYear => ({ view: null, error: duesYearError(year, error), year }),
      ),
    [db, year, today],
  );
}

export { todayIso } from '../../../../shared/clock/today';
