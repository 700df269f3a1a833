import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { arrearsToday, type ArrearsContext, type ArrearsToday } from '../../../../shared/dues/arrears-today';
import type { DuesData, DuesIndex } from '../../../../shared/dues/data';
import { DEFAULT_DUES_RULE } from '../../../../shared/dues/rule';
import { booksStartMonth } from '../../../../shared/finance/books-start';
import { useServices } from '../../app/services';

export type { ArrearsContext };

export type PageArrears = ArrearsToday;

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
  return useMemo(() => (loaded && context ? arrearsToday(loaded, context, today) : undefined), [loaded, context, today]);
}
