import {
  DUES_MEMBER_TABLES,
  decodeDuesMember,
  duesMemberIdsOf,
  encodeDuesMember,
  foldDuesMembers,
  type DuesMemberTable,
  type StoredDuesMember,
} from '../../../shared/dues/dues-members';
import { ALL_ROWS, type DerivedStore, type RowChange } from './derived-stores';

/** The store of each member's dues row: the member's dues fields, events and bases (shared/dues/dues-members.ts). */
export const DUES_MEMBERS = '$duesMembers';

type Changes = readonly RowChange<Parameters<typeof duesMemberIdsOf>[1][number]['after']>[];

/**
 * Each write to the members, their events or their bases replaces the rows of the members it touched.
 * The rows are kept in their stored form (`StoredDuesMember`); a fold reads back only the rows it touches.
 */
export const duesMembersStore: DerivedStore<StoredDuesMember> = {
  name: DUES_MEMBERS,
  tables: DUES_MEMBER_TABLES,
  touched: (table, changes) => duesMemberIdsOf(table as DuesMemberTable, changes as Changes),
  fold: (table, current, changes) => {
    const stored = { get: (id: string) => (current.has(id) ? decodeDuesMember(current.get(id)!) : undefined) };
    const folded = foldDuesMembers(table as DuesMemberTable, stored, changes as Changes);
    return new Map([...folded].map(([id, row]) => [id, row && encodeDuesMember(row)]));
  },
  // Only a replaced book clears these tables, and it clears all three: the rows are built again from what it adds.
  clearedBy: () => ALL_ROWS,
};
