import { stampDelete, stampInsert, stampUpdate, type ChangeEntry, type NewRecord, type WriteContext } from '../book/changes';
import { duesMembersOf, type DuesMemberRow } from '../dues/dues-members';
import { todayIso } from '../clock/today';
import type { BookTables, RecordOf, TableName } from '../model/book';
import type { IsoDate } from '../model/records';
import { assertValidRow } from './checked';
import type { BookStore, IndexedField, Patch } from './store';

/**
 * A book held in memory: the command line reads a `.ubk` file into one, runs the engine on it and
 * writes the file only when everything succeeded; tests use it as the plain twin of the Dexie store.
 * A transaction keeps a copy of each table it touches and puts them back if anything throws.
 */
export class MemoryStore implements BookStore {
  /** Changes made, in order, as the outbox would record them. */
  readonly changes: ChangeEntry[] = [];
  private depth = 0;

  constructor(
    readonly book: BookTables,
    private readonly ctx: WriteContext,
    private readonly clockToday: () => IsoDate = () => todayIso(),
  ) {}

  today(): IsoDate {
    return this.clockToday();
  }

  async transaction<R>(_tables: readonly TableName[], fn: () => Promise<R>): Promise<R> {
    if (this.depth > 0) return fn();
    // The whole book is copied table by table (arrays only, rows are never mutated in place), so
    // a refusal anywhere in a group of writes leaves the book exactly as it was.
    const saved = { ...this.book };
    const arrays = Object.fromEntries(Object.entries(this.book).map(([k, v]) => [k, [...(v as unknown[])]]));
    const changeCount = this.changes.length;
    Object.assign(this.book, arrays);
    this.depth++;
    try {
      return await fn();
    } catch (error) {
      Object.assign(this.book, saved);
      this.changes.length = changeCount;
      throw error;
    } finally {
      this.depth--;
    }
  }

  async get<T extends TableName>(table: T, id: string): Promise<RecordOf<T> | undefined> {
    return (this.book[table] as RecordOf<T>[]).find((r) => r.id === id);
  }

  async all<T extends TableName>(table: T): Promise<RecordOf<T>[]> {
    return [...(this.book[table] as RecordOf<T>[])];
  }

  async where<T extends TableName>(table: T, field: IndexedField, value: string | number): Promise<RecordOf<T>[]> {
    return (this.book[table] as RecordOf<T>[]).filter((r) => (r as unknown as Record<string, unknown>)[field] === value);
  }

  async page<T extends TableName>(table: T, afterId: string, limit: number): Promise<RecordOf<T>[]> {
    const after = (this.book[table] as RecordOf<T>[]).filter((r) => r.id > afterId);
    // Ids compare as IndexedDB compares string keys (UTF-16 code units), so both stores page alike.
    return after.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
  }

  async duesMemberRows(afterId: string, limit: number): Promise<DuesMemberRow[]> {
    const { members, memberships, wageBases } = this.book;
    return duesMembersOf(members, memberships, wageBases)
      .filter((r) => r.id > afterId)
      .slice(0, limit);
  }

  async transactionsBetween(from: IsoDate, to: IsoDate): Promise<RecordOf<'transactions'>[]> {
    return this.book.transactions.filter((t) => t.date >= from && t.date <= to);
  }

  async insert<T extends TableName>(table: T, rows: readonly NewRecord<T>[]): Promise<RecordOf<T>[]> {
    return this.transaction([table], async () => {
      const stamped = rows.map((r) => stampInsert(this.ctx, table, r));
      for (const s of stamped) assertValidRow(table, s.record);
      const list = this.book[table] as RecordOf<T>[];
      const ids = new Set(list.map((r) => r.id));
      for (const s of stamped) {
        if (ids.has(s.record.id)) throw new Error(`记录编号重复：${s.record.id}`);
        ids.add(s.record.id);
        list.push(s.record);
        this.changes.push(s.change);
      }
      return stamped.map((s) => s.record);
    });
  }

  async update<T extends TableName>(table: T, edits: readonly { id: string; patch: Patch<T> }[]): Promise<RecordOf<T>[]> {
    return this.transaction([table], async () => {
      const list = this.book[table] as RecordOf<T>[];
      const out: RecordOf<T>[] = [];
      for (const edit of edits) {
        const i = list.findIndex((r) => r.id === edit.id);
        const row = list[i];
        if (!row) throw new Error(`记录不存在：${edit.id}`);
        const stamped = stampUpdate(this.ctx, table, row, edit.patch);
        if (!stamped) {
          out.push(row);
          continue;
        }
        assertValidRow(table, stamped.record);
        list[i] = stamped.record;
        this.changes.push(stamped.change);
        out.push(stamped.record);
      }
      return out;
    });
  }

  async remove<T extends TableName>(table: T, id: string): Promise<void> {
    const list = this.book[table] as RecordOf<T>[];
    const i = list.findIndex((r) => r.id === id);
    const row = list[i];
    if (!row) return;
    const stamped = stampDelete(this.ctx, table, row);
    if (!stamped) return;
    list[i] = stamped.record;
    this.changes.push(stamped.change);
  }
}
