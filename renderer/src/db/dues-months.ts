import { duesMonthIdsOf, foldPayments, type DuesMonthRow } from '../../../shared/desk/dues-months';
import type { DuesPayment } from '../../../shared/model/records';
import { ALL_ROWS, type DerivedStore, type RowChange } from './derived-stores';

/** The store of the payments folded per month (shared/desk/dues-months.ts); bookkeeping, never synced. */
export const DUES_MONTHS = '$duesMonths';

type PaymentChanges = readonly RowChange<DuesPayment>[];

/** Each write to the payments folds the rows it added, replaced or removed into their months. */
export const duesMonthsStore: DerivedStore<DuesMonthRow> = {
  name: DUES_MONTHS,
  tables: ['duesPayments'],
  touched: (_table, changes) => duesMonthIdsOf(changes as PaymentChanges),
  fold(_table, current, changes) {
    const out = new Map<string, DuesMonthRow | undefined>();
    for (const [id, row] of foldPayments(current, changes as PaymentChanges)) out.set(id, row.memberIds.length > 0 ? row : undefined);
    return out;
  },
  clearedBy: () => ALL_ROWS,
};
