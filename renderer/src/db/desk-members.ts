import { foldMembers, type DeskMemberRow } from '../../../shared/desk/desk-members';
import type { Member } from '../../../shared/model/records';
import { ALL_ROWS, type DerivedStore, type RowChange } from './derived-stores';

/** The store of what 概览 reads of each member (shared/desk/desk-members.ts); bookkeeping, never synced. */
export const DESK_MEMBERS = '$deskMembers';

type MemberChanges = readonly RowChange<Member>[];

/** Each write to the members replaces the rows of the members it wrote, or removes them. */
export const deskMembersStore: DerivedStore<DeskMemberRow> = {
  name: DESK_MEMBERS,
  tables: ['members'],
  touched: (_table, changes) => [...foldMembers(changes as MemberChanges).keys()],
  fold: (_table, _current, changes) => foldMembers(changes as MemberChanges),
  clearedBy: () => ALL_ROWS,
};
