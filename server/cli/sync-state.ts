import { strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { BackupError } from '../../shared/backup/backup-error';
import type { ChangeEntry } from '../../shared/book/changes';
import { uuidv7 } from '../../shared/ids/uuid7';
import { TABLE_NAMES } from '../../shared/model/book';
import { decodeFields, encodeFields } from '../../shared/sync/wire';

/**
 * What `unionbooks sync` keeps inside a book file (entry `device/sync.json`, docs/backup-format.md):
 * the device's credentials, where its pulls got to, and every local change the server has not
 * acknowledged. The book file is the device: an encrypted book keeps all of this encrypted too.
 *
 * The app's sync engine reads and writes the same values in its `$sync` table and `$changes`
 * outbox; ./sync-run.ts loads them there and takes them back. Commands that write the book
 * (./book-session.ts) add their changes to `outbox` here, so every write made after enrolment is
 * sent once. Changes made before enrolment need no entry: the first sync sends the whole book.
 */
export const SYNC_STATE_VERSION = 1;

/** Server, union and device token, as the app keeps them (its SyncConfig). */
export interface DeviceCredentials {
  /** '' for a book enrolled by file (`unionbooks sync enrol-file`): it syncs by offline packages only. */
  serverUrl: string;
  unionCode: string;
  unionName: string;
  token: string;
  enrolledAt: string;
  /** Enrolled by file: the enrolment id and package key that bind and seal its packages (docs/offline-packages.md). */
  packages?: { enrolmentId: string; packageKey: string };
}

/** Whether a book was enrolled by file, so that it has no server to reach and syncs by packages only. */
export const packagesOnly = (credentials: DeviceCredentials): boolean => credentials.serverUrl === '';

/** An outbox entry with its fields in wire form (bytes as base64), so it survives JSON. */
export type StoredChange = Omit<ChangeEntry, 'fields' | 'synced'> & {
  fields: Record<string, unknown>;
  /** 0 = not yet acknowledged, 2 = refused by the server and set aside. */
  synced: 0 | 2;
  refused?: { reason: string; field: string; at: string };
};

export interface BookSyncState {
  version: typeof SYNC_STATE_VERSION;
  /** This book's device id on the server: every write to the book is stamped with it. */
  deviceId: string;
  credentials: DeviceCredentials;
  /** The engine's own `$sync` values (cursor, first-sync progress, published items, clock seen, skipped rows), by key. */
  values: Record<string, unknown>;
  outbox: StoredChange[];
}

const stateSchema = z.object({
  version: z.literal(SYNC_STATE_VERSION),
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  credentials: z
    .object({
      serverUrl: z.union([z.string().url(), z.literal('')]),
      unionCode: z.string().min(1),
      unionName: z.string(),
      token: z.string().min(16),
      enrolledAt: z.string(),
      packages: z.object({ enrolmentId: z.string().min(1), packageKey: z.string().min(1) }).optional(),
    })
    // A book without a server address has only its packages to sync with.
    .refine((c) => c.serverUrl !== '' || c.packages !== undefined),
  values: z.record(z.string(), z.unknown()),
  outbox: z.array(
    z.object({
      changeId: z.string().min(1),
      table: z.enum(TABLE_NAMES as [string, ...string[]]),
      rowId: z.string().min(1),
      hlc: z.string().min(1),
      fields: z.record(z.string(), z.unknown()),
      synced: z.union([z.literal(0), z.literal(2)]),
      refused: z.object({ reason: z.string(), field: z.string(), at: z.string() }).optional(),
    }),
  ),
});

/** The sync state stored in a book file, or null for a book that was never enrolled. */
export function readSyncState(bytes: Uint8Array | undefined): BookSyncState | null {
  if (!bytes) return null;
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(bytes));
  } catch {
    json = null;
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    throw new BackupError('账簿中的同步状态（device/sync.json）已损坏，未做任何更改。可用 --enrol 注册码 重新注册本账簿。');
  }
  return parsed.data as BookSyncState;
}

export function encodeSyncState(state: BookSyncState): Uint8Array {
  return strToU8(JSON.stringify(state));
}

/**
 * The state of a newly enrolled book. Like the app's enrolment, it starts over (the whole book goes
 * up on the next sync, everything is pulled again) but keeps changes still waiting to be sent.
 */
export function enrolledState(deviceId: string, credentials: DeviceCredentials, before: BookSyncState | null): BookSyncState {
  return { version: SYNC_STATE_VERSION, deviceId, credentials, values: {}, outbox: before?.outbox ?? [] };
}

/** A device id as the app makes one (openMutator): 16 characters, unique enough among a union's devices. */
export const newDeviceId = (): string => uuidv7().replace(/-/g, '').slice(-16);

/** Adds writes a command made to the book, in order, to what waits to be sent. */
export function withLocalChanges(state: BookSyncState, changes: readonly ChangeEntry[]): BookSyncState {
  return { ...state, outbox: [...state.outbox, ...changes.map((c) => toStored({ ...c, synced: 0 }))] };
}

export function toStored(entry: ChangeEntry & { refused?: StoredChange['refused'] }): StoredChange {
  const { fields, synced, ...rest } = entry;
  return { ...rest, fields: encodeFields(fields), synced: synced === 2 ? 2 : 0 };
}

export function fromStored(entry: StoredChange): ChangeEntry & { refused?: StoredChange['refused'] } {
  return { ...entry, fields: decodeFields(entry.fields) };
}

/** Changes waiting to be sent (not those set aside after a refusal). */
export function waitingCount(state: BookSyncState): number {
  return state.outbox.filter((c) => c.synced === 0).length;
}
