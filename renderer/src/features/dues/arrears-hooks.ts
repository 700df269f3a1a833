import { useMemo } from 'react';
import { computeArrears, firstDuesMonth, type ArrearsRow } from '../../../../shared/dues/arrears';
import type { DuesData, DuesIndex } from '../../../../shared/dues/data';
import { addMonths } from '../../../../shared/dues/months';
import { todayIso, useDuesIndex } from './queries';

export interface PageArrears {
  rows: ArrearsRow[];
  throughMonth: string;
}

/**
 * Arrears from the start of last year (or where the records begin, if later) up to last month:
 * the current month's payroll may not be posted yet, and counting it would put every member on
 * the list in the first days of a month.
 */
export function arrearsOf(loaded: { data: DuesData; index: DuesIndex }, today: string = todayIso()): PageArrears {
  const throughMonth = addMonths(today.slice(0, 7), -1);
  const windowStart = `${Number(today.slice(0, 4)) - 1}-01`;
  const first = firstDuesMonth(loaded.data, throughMonth);
  const from = first > windowStart ? first : windowStart;
  return { rows: computeArrears(loaded.index, from, throughMonth), throughMonth };
}

/** For pages that do not load dues data themselves (概览). */
export function useArrears(): PageArrears | undefined {
  const loaded = useDuesIndex(Number(todayIso().slice(0, 4)));
  return useMemo(() => (loaded ? arrearsOf(loaded) : undefined), [loaded]);
}
