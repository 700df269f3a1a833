import { stampInsert, stampUpdate, type WriteContext } from '../book/changes';
import type { BookTables, RecordOf, TableName } from '../model/book';
import type { RosterWrites } from './writes';

/**
 * Applies roster writes to a book held as plain data (the CLI's .ubk file) and returns a new
 * book; the input is left untouched, so a failure part-way changes nothing.
 */
export function applyRosterWrites(book: BookTables, writes: RosterWrites, ctx: WriteContext): BookTables {
  const next: BookTables = { ...book, members: [...book.members], memberships: [...book.memberships], wageBases: [...book.wageBases] };
  const insert = <T extends TableName>(table: T, rows: readonly Parameters<typeof stampInsert<T>>[2][]) => {
    for (const r of rows) (next[table] as RecordOf<T>[]).push(stampInsert(ctx, table, r).record);
  };
  const update = <T extends 'members' | 'memberships' | 'wageBases'>(table: T, edits: readonly { id: string; patch: object }[]) => {
    const rows = next[table] as RecordOf<T>[];
    const index = new Map(rows.map((r, i) => [r.id, i]));
    for (const edit of edits) {
      const i = index.get(edit.id);
      const row = i === undefined ? undefined : rows[i];
      if (i === undefined || !row) throw new Error(`记录不存在：${edit.id}`);
      const stamped = stampUpdate(ctx, table, row, edit.patch as Parameters<typeof stampUpdate<T>>[3]);
      if (stamped) rows[i] = stamped.record;
    }
  };
  insert('members', writes.insertMembers);
  update('members', writes.updateMembers);
  insert('memberships', writes.insertMemberships);
  update('memberships', writes.updateMemberships);
  insert('wageBases', writes.insertWageBases);
  update('wageBases', writes.updateWageBases);
  return next;
}
