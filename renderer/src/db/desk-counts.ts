import { COUNTED_TABLES, countDeltas, type CountedRow, type CountedTable, type DeskCountRow } from '../../../shared/desk/desk-counts';
import { prefixRange, type DerivedStore, type RowChange } from './derived-stores';

/** The store of 概览's running counts (shared/desk/desk-counts.ts); bookkeeping, never synced. */
export const DESK_COUNTS = '$deskCounts';

const deltasOf = (table: string, changes: readonly RowChange[]) =>
  countDeltas(table as CountedTable, changes as readonly RowChange<CountedRow>[]);

/** Each write adds to the counts what the rows it added, replaced or removed change; a count at zero is removed. */
export const deskCountsStore: DerivedStore<DeskCountRow> = {
  name: DESK_COUNTS,
  tables: COUNTED_TABLES,
  touched: (table, changes) => [...deltasOf(table, changes).keys()],
  fold(table, current, changes) {
    const out = new Map<string, DeskCountRow | undefined>();
    for (const [id, delta] of deltasOf(table, changes)) {
      const n = (current.get(id)?.n ?? 0) + delta;
      out.set(id, n === 0 ? undefined : { id, n });
    }
    return out;
  },
  // The counts of one table are `table/…`.
  clearedBy: (table) => prefixRange(`${table}/`),
};
