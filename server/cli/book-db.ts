import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { TABLE_NAMES, type BookTables, type TableName } from '../../shared/model/book';
import { UnionBooksDB } from '../../renderer/src/db/database';
import { SYNC_KEYS } from '../../renderer/src/db/sync-keys';
import type { OutboxEntry } from '../../renderer/src/features/sync/refusals';
import type { SyncConfig } from '../../renderer/src/features/sync/state';
import { fromStored, toStored, type BookSyncState, type StoredChange } from './sync-state';

/**
 * The app's sync code (renderer/src/features/sync/) works on its Dexie database. The command line
 * gives it one: a book file's rows, outbox and `$sync` values loaded into a private in-memory
 * IndexedDB, and taken back once the app's code is done, so the file keeps what the app would.
 */

/** The `$sync` values a book file keeps between runs (the status is told, not kept). */
export const KEPT_SYNC_VALUES = [
  SYNC_KEYS.cursor,
  SYNC_KEYS.bootstrap,
  SYNC_KEYS.published,
  SYNC_KEYS.notices,
  SYNC_KEYS.clockSeen,
  SYNC_KEYS.skippedRows,
  SYNC_KEYS.packageSeq,
  SYNC_KEYS.replySeq,
  SYNC_KEYS.packageBook,
] as const;
/** Where the app's mutation layer keeps the device id (openMutator). */
const DEVICE_KEY = 'deviceId';

export interface TakenBack {
  book: BookTables;
  /** The credentials the app's code left (null when it holds none). */
  config: SyncConfig | null;
  values: Record<string, unknown>;
  /** Changes not yet acknowledged (synced 0) or set aside after a refusal (2), by change id. */
  outbox: StoredChange[];
}

const byChangeId = (a: { changeId: string }, b: { changeId: string }) => (a.changeId < b.changeId ? -1 : a.changeId > b.changeId ? 1 : 0);

/**
 * A private database holding the book and, for an enrolled book, its credentials, outbox and kept
 * values. `deviceId` stamps the writes the app's code makes (the enrolled device's, or a new one's).
 */
export async function loadBookDb(book: BookTables, sync: BookSyncState | null, deviceId: string): Promise<UnionBooksDB> {
  const db = new UnionBooksDB(`unionbooks-cli-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.transaction('rw', [...db.userTables(), db.$changes, db.$sync], async () => {
    for (const name of TABLE_NAMES) await db.table(name).bulkAdd(book[name]);
    await db.$sync.put({ key: DEVICE_KEY, value: deviceId });
    if (!sync) return;
    await db.$changes.bulkAdd(sync.outbox.map(fromStored));
    const config: SyncConfig = sync.credentials;
    await db.$sync.bulkPut([
      { key: SYNC_KEYS.config, value: config },
      ...KEPT_SYNC_VALUES.filter((k) => sync.values[k] !== undefined).map((key) => ({ key, value: sync.values[key] })),
    ]);
  });
  return db;
}

/** What the app's code left in the database, in the form a book file keeps. */
export async function takeBookBack(db: UnionBooksDB): Promise<TakenBack> {
  const book = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) book[name] = await db.table(name).toArray();
  const outbox = ((await db.$changes.where('synced').anyOf(0, 2).toArray()) as OutboxEntry[]).map(toStored).sort(byChangeId);
  const values: Record<string, unknown> = {};
  for (const key of KEPT_SYNC_VALUES) {
    const value = (await db.$sync.get(key))?.value;
    if (value !== undefined) values[key] = value;
  }
  const config = ((await db.$sync.get(SYNC_KEYS.config))?.value as SyncConfig | undefined) ?? null;
  return { book: book as unknown as BookTables, config, values, outbox };
}

/** JSON with object keys in order, so two states compare equal whatever order their fields came in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A book's rows and sync state in one comparable form: rows by id, the outbox by change id. */
export function bookStateKey(book: BookTables, sync: BookSyncState | null): string {
  const rows = Object.fromEntries(
    TABLE_NAMES.map((name) => [name, [...(book[name] as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))]),
  );
  return canonical({ rows, sync: sync && { ...sync, outbox: [...sync.outbox].sort(byChangeId) } });
}
