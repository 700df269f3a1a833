import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { TABLE_NAMES, type BookTables, type TableName } from '../../shared/model/book';
import { UnionBooksDB } from '../../renderer/src/db/database';
import { openMutator } from '../../renderer/src/db/mutations';
import { SYNC_KEYS } from '../../renderer/src/db/sync-keys';
import { SyncEngine } from '../../renderer/src/features/sync/engine';
import type { OutboxEntry } from '../../renderer/src/features/sync/refusals';
import { refusedRecords, type RefusedRecord } from '../../renderer/src/features/sync/refused-records';
import type { BootstrapProgress, SyncConfig, SyncStatus } from '../../renderer/src/features/sync/state';
import { fromStored, toStored, type BookSyncState } from './sync-state';

/** The engine's `$sync` values a book file keeps between runs (the status is told, not kept). */
const KEPT = [SYNC_KEYS.cursor, SYNC_KEYS.bootstrap, SYNC_KEYS.published, SYNC_KEYS.clockSeen, SYNC_KEYS.skippedRows] as const;
/** Where the app's mutation layer keeps the device id (openMutator). */
const DEVICE_KEY = 'deviceId';

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

/** JSON with object keys in order, so two states compare equal whatever order their fields came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
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
export async function syncBookOnce(book: BookTables, sync: BookSyncState, startedAt = new Date().toISOString()): Promise<SyncRunResult> {
  const db = new UnionBooksDB(`unionbooks-cli-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  try {
    await db.transaction('rw', [...db.userTables(), db.$changes, db.$sync], async () => {
      for (const name of TABLE_NAMES) await db.table(name).bulkAdd(book[name]);
      await db.$changes.bulkAdd(sync.outbox.map(fromStored));
      const config: SyncConfig = sync.credentials;
      await db.$sync.bulkPut([
        { key: DEVICE_KEY, value: sync.deviceId },
        { key: SYNC_KEYS.config, value: config },
        ...KEPT.filter((k) => sync.values[k] !== undefined).map((key) => ({ key, value: sync.values[key] })),
      ]);
    });
    const waiting = new Set(sync.outbox.filter((c) => c.synced === 0).map((c) => c.changeId));
    const bootSentBefore = (sync.values[SYNC_KEYS.bootstrap] as BootstrapProgress | undefined)?.sent ?? 0;

    const ok = await new SyncEngine(db, await openMutator(db)).syncNow();

    const status = (await db.$sync.get(SYNC_KEYS.status))?.value as SyncStatus | undefined;
    const after = {} as Record<TableName, unknown[]>;
    const before = new Map<string, string>();
    for (const name of TABLE_NAMES) for (const row of book[name]) before.set(rowKey(name, row), rowStamp(row));
    let pulled = 0;
    for (const name of TABLE_NAMES) {
      const rows = (await db.table(name).toArray()) as BookTables[TableName];
      after[name] = rows;
      for (const row of rows) if (before.get(rowKey(name, row)) !== rowStamp(row)) pulled++;
    }
    const acked = (await db.$changes.where('synced').equals(1).toArray()).filter((c) => waiting.has(c.changeId)).length;
    const bootstrap = (await db.$sync.get(SYNC_KEYS.bootstrap))?.value as BootstrapProgress | undefined;
    const outbox = ((await db.$changes.where('synced').anyOf(0, 2).toArray()) as OutboxEntry[]).map(toStored).sort(byChangeId);
    const values: Record<string, unknown> = {};
    for (const key of KEPT) {
      const value = (await db.$sync.get(key))?.value;
      if (value !== undefined) values[key] = value;
    }
    const records = await refusedRecords(db);
    const next: BookSyncState = { ...sync, values, outbox };
    return {
      ok,
      offline: status?.phase === 'offline',
      message: ok ? '' : (status?.message ?? ''),
      code: ok ? '' : (status?.code ?? ''),
      pushed: acked + Math.max(0, (bootstrap?.sent ?? 0) - bootSentBefore),
      pulled,
      refused: records.filter((r) => r.at >= startedAt),
      heldBack: records.filter((r) => r.at < startedAt),
      book: after as unknown as BookTables,
      sync: next,
      changed: pulled > 0 || canonical({ ...next, outbox }) !== canonical({ ...sync, outbox: [...sync.outbox].sort(byChangeId) }),
    };
  } finally {
    db.close();
  }
}
