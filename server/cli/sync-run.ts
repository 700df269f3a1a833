import { TABLE_NAMES, type BookTables, type TableName } from '../../shared/model/book';
import type { UnionBooksDB } from '../../renderer/src/db/database';
import { openMutator } from '../../renderer/src/db/mutations';
import { SYNC_KEYS } from '../../renderer/src/db/sync-keys';
import { SyncEngine } from '../../renderer/src/features/sync/engine';
import { refusedRecords, type RefusedRecord } from '../../renderer/src/features/sync/refused-records';
import type { BootstrapProgress, SyncStatus } from '../../renderer/src/features/sync/state';
import { canonical, loadBookDb, takeBookBack } from './book-db';
import type { BookSyncState } from './sync-state';

export interface SyncRunResult {
  ok: boolean;
  /** The server could not be reached at all. */
  offline: boolean;
  /** Why the run failed, in Chinese ('' when it did not). */
  message: string;
  /** The server's code for the failure ('unauthorised': the device's token no longer opens anything), '' otherwise. */
  code: string;
  /** Changes the server acknowledged in this run (rows of a first sync included). */
  pushed: number;
  /** Rows of the book that a pull added or changed. */
  pulled: number;
  /** Records the server refused in this run, and those still set aside from earlier runs. */
  refused: RefusedRecord[];
  heldBack: RefusedRecord[];
  book: BookTables;
  sync: BookSyncState;
  /** Whether anything is to be written back to the book file. */
  changed: boolean;
}

const byChangeId = (a: { changeId: string }, b: { changeId: string }) => (a.changeId < b.changeId ? -1 : a.changeId > b.changeId ? 1 : 0);

const rowKey = (table: TableName, row: { id: string }) => `${table}/${row.id}`;
const rowStamp = (row: { updatedAt: string; deleted: number }) => `${row.updatedAt}/${row.deleted}`;

/**
 * Runs the app's own sync engine (renderer/src/features/sync/engine.ts) once over a book file's
 * contents: the book, its outbox and its sync values are loaded into a private in-memory
 * IndexedDB, the engine pushes and pulls exactly as it does in the app, and what it left there is
 * taken back. Nothing here decides what is sent or how a pull merges; the engine does.
 */
export async function syncBookOnce(
  book: BookTables,
  sync: BookSyncState,
  options: {
    startedAt?: string;
    /** Runs on the loaded book before the engine, as the 同步 page's buttons do before they sync (a throw leaves the file untouched). */
    before?: (db: UnionBooksDB) => Promise<void>;
  } = {},
): Promise<SyncRunResult> {
  const startedAt = options.startedAt ?? new Date().toISOString();
  const db = await loadBookDb(book, sync, sync.deviceId);
  try {
    await options.before?.(db);
    const waiting = new Set((await db.$changes.where('synced').equals(0).toArray()).map((c) => c.changeId));
    const bootSentBefore = (sync.values[SYNC_KEYS.bootstrap] as BootstrapProgress | undefined)?.sent ?? 0;

    const ok = await new SyncEngine(db, await openMutator(db)).syncNow();

    const status = (await db.$sync.get(SYNC_KEYS.status))?.value as SyncStatus | undefined;
    const taken = await takeBookBack(db);
    const before = new Map<string, string>();
    for (const name of TABLE_NAMES) for (const row of book[name]) before.set(rowKey(name, row), rowStamp(row));
    let pulled = 0;
    for (const name of TABLE_NAMES) for (const row of taken.book[name]) if (before.get(rowKey(name, row)) !== rowStamp(row)) pulled++;
    const acked = (await db.$changes.where('synced').equals(1).toArray()).filter((c) => waiting.has(c.changeId)).length;
    const bootstrap = taken.values[SYNC_KEYS.bootstrap] as BootstrapProgress | undefined;
    const { values, outbox } = taken;
    const records = await refusedRecords(db);
    // The engine may have added the device's package key to its credentials (obtainPackageKey).
    const next: BookSyncState = { ...sync, credentials: taken.config ?? sync.credentials, values, outbox };
    return {
      ok,
      offline: status?.phase === 'offline',
      message: ok ? '' : (status?.message ?? ''),
      code: ok ? '' : (status?.code ?? ''),
      pushed: acked + Math.max(0, (bootstrap?.sent ?? 0) - bootSentBefore),
      pulled,
      refused: records.filter((r) => r.at >= startedAt),
      heldBack: records.filter((r) => r.at < startedAt),
      book: taken.book,
      sync: next,
      changed: pulled > 0 || canonical({ ...next, outbox }) !== canonical({ ...sync, outbox: [...sync.outbox].sort(byChangeId) }),
    };
  } finally {
    db.close();
  }
}
