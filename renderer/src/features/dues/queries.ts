import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildDuesIndex, type DuesData, type DuesIndex } from '../../../../shared/dues/data';
import type { IsoDate } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { DUES_YEAR_TABLES } from '../../db/read-dues-year';
import { PAYMENT_LINES_TABLES } from '../../db/read-payment-lines';
import { useCountedElsewhere } from '../../db/useCountedElsewhere';
import { duesYearError, paymentLinesError } from '../../workers/count-errors';
import { office } from '../../workers/office';
import { unpackDuesYearView } from '../../../../shared/dues/grid-wire';
import { unpackPaymentLines, type PaymentLine } from '../../../../shared/dues/payment-list';
import type { DuesYearView } from '../../../../shared/dues/year-view';

/**
 * The roster, its events and bases, and their lookups, re-read whenever any of it changes; nothing
 * is read while not `needed`. What the 工资基数 grid and 登记缴费 work on on the window; no payments
 * (登记缴费 reads the member's own). The year's grid, arrears and agreement (useDuesYear) and 缴费记录
 * (usePaymentLines) are counted in the office worker.
 */
export function useDuesIndex(needed: boolean): { data: DuesData; index: DuesIndex } | undefined {
  const { db } = useServices();
  const data = useLiveQuery(async (): Promise<DuesData | undefined> => {
    if (!needed) return undefined;
    const [members, memberships, wageBases] = await Promise.all([db.members.toArray(), db.memberships.toArray(), db.wageBases.toArray()]);
    return { members, memberships, wageBases, duesPayments: [] };
  }, [db, needed]);
  return useMemo(() => (data ? { data, index: buildDuesIndex(data) } : undefined), [data]);
}

/** A year's 缴费记录, for the year it was asked for. */
export interface ListedYear {
  lines: PaymentLine[] | null;
  error: string | null;
  year: number;
}

/**
 * 缴费记录 of a year, listed in the office worker and listed again whenever the payments or the
 * roster change; nothing is asked while not `needed`. `undefined` until the first answer.
 */
export function usePaymentLines(needed: boolean, year: number): ListedYear | undefined {
  const { db } = useServices();
  return useCountedElsewhere(
    PAYMENT_LINES_TABLES,
    () =>
      office.paymentLines(db.name, year).then(
        // Packed to cross from the worker; the lines are made here in one loop.
        (answer): ListedYear => ({ lines: answer.lines && unpackPaymentLines(answer.lines), error: answer.error, year }),
        (error: unknown): ListedYear => ({ lines: null, error: paymentLinesError(year, error), year }),
      ),
    [db, year],
    { enabled: needed },
  );
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
