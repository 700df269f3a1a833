import {
  DUES_MEMBER_TABLES,
  duesMemberIdsOf,
  foldDuesMembers,
  type DuesMemberRow,
  type DuesMemberTable,
} from '../../../shared/dues/dues-members';
import { ALL_ROWS, type DerivedStore, type RowChange } from './derived-stores';

/** The store of each member's dues row: the member's dues fields, events and bases (shared/dues/dues-members.ts). */
export const DUES_MEMBERS = '$duesMembers';

type Changes = readonly RowChange<Parameters<typeof duesMemberIdsOf>[1][number]['after']>[];

/** Each write to the members, their events or their bases replaces the rows of the members it touched. */
export const duesMembersStore: DerivedStore<DuesMemberRow> = {
  name: DUES_MEMBERS,
  tables: DUES_MEMBER_TABLES,
  touched: (table, changes) => duesMemberIdsOf(table as DuesMemberTable, changes as Changes),
  fold: (table, current, changes) => foldDuesMembers(table as DuesMemberTable, current, changes as Changes),
  // Only a replaced book clears these tables, and it clears all three: the rows are built again from what it adds.
  clearedBy: () => ALL_ROWS,
};
