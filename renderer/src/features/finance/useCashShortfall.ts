import { useMemo } from 'react';
import { thisYear } from '../../../../shared/clock/today';
import type { CashLow } from '../../../../shared/engine/rules/cash';
import type { Transaction } from '../../../../shared/model/records';
import { cashShortfall, type CashDraft } from './cash-check';
import { yearBook } from './load';
import { useYearEntries, useYearOpening } from './queries';

/** The cash warning of a form, live: the draft's year is read (its opening and entries) and judged as typed. */
export function useCashShortfall(draft: CashDraft, replacing?: Transaction): CashLow | null {
  const year = /^\d{4}/.test(draft.date) ? Number(draft.date.slice(0, 4)) : thisYear();
  const opening = useYearOpening(year);
  const entries = useYearEntries(year);
  const { date, place, accountCode, amountFen } = draft;
  return useMemo(() => {
    if (!opening || !entries) return null;
    return cashShortfall(yearBook(year, opening.balances, entries), { date, place, accountCode, amountFen }, replacing);
  }, [opening, entries, year, date, place, accountCode, amountFen, replacing]);
}
