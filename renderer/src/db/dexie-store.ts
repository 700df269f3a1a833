import Dexie, { type DBCoreTransaction } from 'dexie';
import type { NewRecord } from '../../../shared/book/changes';
import { todayIso } from '../../../shared/clock/today';
import type { BookStore, IndexedField, Patch } from '../../../shared/engine/store';
import type { RecordOf, TableName } from '../../../shared/model/book';
import type { IsoDate } from '../../../shared/model/records';
import { decodeDuesMember, duesMembersOf, type DuesMemberRow } from '../../../shared/dues/dues-members';
import type { UnionBooksDB } from './database';
import { holdDerivedWrites, writeHeld } from './derived-stores';
import { DUES_MEMBERS } from './dues-member-rows';
import type { Mutator } from './mutations';

/**
 * The book engine's store over Dexie: reads from the database (inside the engine's transaction they
 * see its writes), writes through the Mutator, which stamps each row, checks it against its record
 * declaration and records the change in the outbox in the same IndexedDB transaction.
 */
export class DexieStore implements BookStore {
  constructor(
    readonly db: UnionBooksDB,
    readonly mutator: Mutator,
    private readonly clockToday: () => IsoDate = () => todayIso(),
  ) {}

  today(): IsoDate {
    return this.clockToday();
  }

  transaction<R>(tables: readonly TableName[], fn: () => Promise<R>): Promise<R> {
    return this.mutator.transaction(tables, fn);
  }

  async get<T extends TableName>(table: T, id: string): Promise<RecordOf<T> | undefined> {
    return (await this.db.table(table).get(id)) as RecordOf<T> | undefined;
  }

  async all<T extends TableName>(table: T): Promise<RecordOf<T>[]> {
    return (await this.db.table(table).toArray()) as RecordOf<T>[];
  }

  async where<T extends TableName>(table: T, field: IndexedField, value: string | number): Promise<RecordOf<T>[]> {
    const t = this.db.table(table);
    // Every field the engine asks by is indexed on the tables it asks them of (schema.ts), on its
    // own or first in a compound index ([memberId+month] answers memberId); a table without the
    // index is read whole, which is still correct.
    const indexed = t.schema.indexes.some((i) => i.name === field || (Array.isArray(i.keyPath) && i.keyPath[0] === field));
    const rows = indexed
      ? await t.where(field).equals(value).toArray()
      : await t.filter((r: Record<string, unknown>) => r[field] === value).toArray();
    return rows as RecordOf<T>[];
  }

  // Dexie's own promise, as `insert`'s: the engine may await it after other work (a posting reads
  // the next page of members while it writes this one), and awaiting a settled Dexie promise keeps
  // the transaction's context where a settled native one would lose it.
  page<T extends TableName>(table: T, afterId: string, limit: number): Promise<RecordOf<T>[]> {
    return this.db.table(table).where(':id').above(afterId).limit(limit).toArray() as Promise<RecordOf<T>[]>;
  }

  // From `$duesMembers`, which keeps each member's dues fields, events and bases in one row, in the
  // same transaction as every write to them (derived-stores.ts); built from the tables themselves only
  // when an outer transaction leaves the store out. Dexie's promise, for the reason `page` gives.
  duesMemberRows(afterId: string, limit: number): Promise<DuesMemberRow[]> {
    if (Dexie.currentTransaction?.storeNames.includes(DUES_MEMBERS) === false)
      return Dexie.Promise.all([
        this.db.members.where(':id').above(afterId).limit(limit).toArray(),
        this.db.memberships.toArray(),
        this.db.wageBases.toArray(),
      ]).then(([members, memberships, wageBases]) => {
        const ids = new Set(members.map((m) => m.id));
        const owned = <R extends { memberId: string }>(rows: R[]) => rows.filter((r) => ids.has(r.memberId));
        return duesMembersOf(members, owned(memberships), owned(wageBases)).filter((r) => r.member);
      });
    return this.db.$duesMembers
      .where(':id')
      .above(afterId)
      .limit(limit)
      .toArray()
      .then((rows) => rows.map(decodeDuesMember));
  }

  transactionsBetween(from: IsoDate, to: IsoDate): Promise<RecordOf<'transactions'>[]> {
    return this.db.transactions.where('date').between(from, to, true, true).toArray();
  }

  // Wrapped in Dexie's promise for the reason `page` is.
  insert<T extends TableName>(table: T, rows: readonly NewRecord<T>[]): Promise<RecordOf<T>[]> {
    return Dexie.Promise.resolve(rows.length === 0 ? [] : this.mutator.insertMany(table, rows));
  }

  update<T extends TableName>(table: T, edits: readonly { id: string; patch: Patch<T> }[]): Promise<RecordOf<T>[]> {
    return edits.length === 0 ? Promise.resolve([]) : this.mutator.updateMany(table, edits);
  }

  remove<T extends TableName>(table: T, id: string): Promise<void> {
    return this.mutator.remove(table, id);
  }

  // Only IndexedDB requests are awaited here, as everywhere in a transaction: `fn`'s own, then the
  // held rows' writes, issued as soon as `fn`'s last request has answered.
  async derivingOnce<R>(fn: () => Promise<R>): Promise<R> {
    // Dexie hands its DBCore the IndexedDB transaction itself: the derived-store middleware keys its state on it.
    const trans = Dexie.currentTransaction?.idbtrans as DBCoreTransaction | undefined;
    if (!trans) return fn();
    holdDerivedWrites(trans);
    let result: R;
    try {
      result = await fn();
    } catch (error) {
      // The transaction is aborted, unless an outer group goes on without this part: then the
      // rows its writes changed must still be written.
      await writeHeld(trans).catch(() => undefined);
      throw error;
    }
    await writeHeld(trans);
    return result;
  }
}
