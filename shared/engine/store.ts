import type { NewRecord } from '../book/changes';
import type { DuesMemberRow } from '../dues/dues-members';
import type { RecordOf, TableName } from '../model/book';
import type { IsoDate, SyncMeta } from '../model/records';

export type Patch<T extends TableName> = Partial<Omit<RecordOf<T>, keyof SyncMeta>>;

/** Indexed fields the engine looks rows up by; both stores answer them (Dexie from its indexes). */
export type IndexedField =
  'memberId' | 'reversalOf' | 'receiptNumber' | 'year' | 'month' | 'batchId' | 'duesBatchId' | 'welfareId' | 'activityId';

/**
 * What the book engine needs of a place that holds a book. Two implementations: the Dexie mutation
 * layer (the app; renderer/src/db/dexie-store.ts) and the in-memory book (the command line and
 * tests; memory-store.ts). Every write stamps the row and checks it against its record declaration;
 * `transaction` makes a group of writes all-or-nothing, and the reads inside it see the writes.
 */
export interface BookStore {
  /** Today in Asia/Shanghai, as this store's user sees it (tests pin it). */
  today(): IsoDate;
  transaction<R>(tables: readonly TableName[], fn: () => Promise<R>): Promise<R>;
  get<T extends TableName>(table: T, id: string): Promise<RecordOf<T> | undefined>;
  /** Every row, tombstones included: callers decide what a tombstone means for them. */
  all<T extends TableName>(table: T): Promise<RecordOf<T>[]>;
  where<T extends TableName>(table: T, field: IndexedField, value: string | number): Promise<RecordOf<T>[]>;
  /** Up to `limit` rows whose ids come after `afterId` ('' for the first page), in id order, tombstones included. */
  page<T extends TableName>(table: T, afterId: string, limit: number): Promise<RecordOf<T>[]>;
  /**
   * Up to `limit` members' dues rows (shared/dues/dues-members.ts) whose ids come after `afterId`, in
   * id order: of each member only what dues planning reads, with the member's live events and
   * bases. A posting pages through them without the roster's ID numbers, phones and notes. A row's
   * member may be null (a removed member's events): planning skips it.
   */
  duesMemberRows(afterId: string, limit: number): Promise<DuesMemberRow[]>;
  /** Transactions dated from `from` to `to`, both included. */
  transactionsBetween(from: IsoDate, to: IsoDate): Promise<RecordOf<'transactions'>[]>;
  insert<T extends TableName>(table: T, rows: readonly NewRecord<T>[]): Promise<RecordOf<T>[]>;
  update<T extends TableName>(table: T, edits: readonly { id: string; patch: Patch<T> }[]): Promise<RecordOf<T>[]>;
  /** A tombstone, so other devices learn of the delete. */
  remove<T extends TableName>(table: T, id: string): Promise<void>;
  /**
   * Runs `fn`, many writes inside a `transaction`, with the rows the store derives from them (its
   * counts, its month rows) written once when `fn` is done rather than after each write; reads
   * inside `fn` still see them. A store that derives nothing has no need of it.
   */
  derivingOnce?<R>(fn: () => Promise<R>): Promise<R>;
}
