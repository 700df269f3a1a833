import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { todayIso } from '../../../../shared/clock/today';
import { arrearsOn, duesStartMonth, type ArrearsRow } from '../../../../shared/dues/arrears';
import type { DuesData, DuesIndex } from '../../../../shared/dues/data';
import { lastOverdueMonth } from '../../../../shared/dues/overdue';
import { DEFAULT_DUES_RULE } from '../../../../shared/dues/rule';
import { booksStartMonth } from '../../../../shared/finance/books-start';
import type { DuesRule, IsoMonth } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useDuesIndex } from './queries';

export interface PageArrears {
  rows: ArrearsRow[];
  /** The last month counted: the latest month that is overdue today. */
  throughMonth: string;
  /** The first month counted: the start of books, where the records begin, or the start of last year. */
  fromMonth: string;
}

/** What arrears are counted by besides the payments: the union's dues rule and the start of books. */
export interface ArrearsContext {
  rule: DuesRule;
  booksStart: IsoMonth | null;
}

/**
 * Arrears on `today` by the same rule as the documents (shared/dues/overdue, shared/dues/arrears):
 * the current month, whose payroll may not be posted yet, is never arrears; nothing before the start
 * of books is owed; a member whose dues come to 0 owes nothing. The window reaches back to the start
 * of last year, as far as this page reads payments.
 */
export function arrearsOf(loaded: { data: DuesData; index: DuesIndex }, context: ArrearsContext, today: string = todayIso()): PageArrears {
  const throughMonth = lastOverdueMonth(today);
  const windowStart = `${Number(today.slice(0, 4)) - 1}-01`;
  const first = duesStartMonth(context.booksStart, loaded.data) ?? throughMonth;
  const fromMonth = first > windowStart ? first : windowStart;
  return { rows: arrearsOn(loaded.index, { asOf: today, fromMonth, rule: context.rule }), throughMonth, fromMonth };
}

export function useArrearsContext(): ArrearsContext | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [union, openings] = await Promise.all([db.union.filter((u) => u.deleted === 0).first(), db.openingBalances.toArray()]);
    return { rule: union?.duesRule ?? DEFAULT_DUES_RULE, booksStart: booksStartMonth(openings) };
  }, [db]);
}

/** For the 会费 page, which has loaded the dues data already. */
export function usePageArrears(loaded: { data: DuesData; index: DuesIndex } | undefined, today: string): PageArrears | undefined {
  const context = useArrearsContext();
  return useMemo(() => (loaded && context ? arrearsOf(loaded, context, today) : undefined), [loaded, context, today]);
}

/** For pages that do not load dues data themselves (概览). */
export function useArrears(): PageArrears | undefined {
  const today = todayIso();
  const loaded = useDuesIndex(Number(today.slice(0, 4)));
  return usePageArrears(loaded, today);
}
