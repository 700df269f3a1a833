import { entryMonthIdsOf, foldEntries, type DeskEntryMonthRow } from '../../../shared/desk/desk-entries';
import type { Transaction } from '../../../shared/model/records';
import { ALL_ROWS, type DerivedStore, type RowChange } from './derived-stores';

/** The store of the entries folded per month (shared/desk/desk-entries.ts); bookkeeping, never synced. */
export const DESK_ENTRIES = '$deskEntries';

type EntryChanges = readonly RowChange<Transaction>[];

/** Each write to the entries folds the rows it added, replaced or removed into their months. */
export const deskEntriesStore: DerivedStore<DeskEntryMonthRow> = {
  name: DESK_ENTRIES,
  tables: ['transactions'],
  touched: (_table, changes) => entryMonthIdsOf(changes as EntryChanges),
  fold(_table, current, changes) {
    const out = new Map<string, DeskEntryMonthRow | undefined>();
    for (const [id, row] of foldEntries(current, changes as EntryChanges)) out.set(id, row.groups.length > 0 ? row : undefined);
    return out;
  },
  clearedBy: () => ALL_ROWS,
};
