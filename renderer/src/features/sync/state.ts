import type { EnrolResponse, PublishedItem } from '../../../../shared/sync/protocol';
import type { UnionBooksDB } from '../../db/database';
import { SYNC_KEYS } from '../../db/sync-keys';

/** Sync bookkeeping lives in `$sync` under these keys. */
export const KEYS = SYNC_KEYS;

export interface SyncConfig {
  /** '' for a device enrolled by file: it syncs by packages only. */
  serverUrl: string;
  unionCode: string;
  unionName: string;
  token: string;
  enrolledAt: string;
  /** Enrolled by file: the device's enrolment id and package key (docs/offline-packages.md). */
  packages?: { enrolmentId: string; packageKey: string };
}

/** The configuration a network enrolment answer gives; the app and the command line keep the same one. */
export function configFromEnrolment(serverUrl: string, res: EnrolResponse): SyncConfig {
  return {
    serverUrl,
    unionCode: res.unionCode,
    unionName: res.unionName,
    token: res.token,
    enrolledAt: new Date().toISOString(),
    ...(res.enrolmentId && res.packageKey ? { packages: { enrolmentId: res.enrolmentId, packageKey: res.packageKey } } : {}),
  };
}

/** How far the first sync got: rows of TABLE_NAMES[tableIndex] after `lastId` are still to send. */
export interface BootstrapProgress {
  done: boolean;
  tableIndex: number;
  lastId: string;
  sent: number;
  total: number;
}

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  /** Last successful sync (ISO). */
  lastSyncAt: string | null;
  /** Why the last attempt failed, in Chinese. */
  message: string;
  /** The server's code for that failure (e.g. 'unauthorised' for a revoked device); absent or '' otherwise. */
  code?: string;
  /** First-sync progress while it runs. */
  progress: { sent: number; total: number } | null;
}

export const IDLE: SyncStatus = { phase: 'idle', lastSyncAt: null, message: '', progress: null };

export async function getValue<T>(db: UnionBooksDB, key: string): Promise<T | undefined> {
  return (await db.$sync.get(key))?.value as T | undefined;
}

export async function setValue(db: UnionBooksDB, key: string, value: unknown): Promise<void> {
  await db.$sync.put({ key, value });
}

export async function updateStatus(db: UnionBooksDB, patch: Partial<SyncStatus>): Promise<void> {
  const current = (await getValue<SyncStatus>(db, KEYS.status)) ?? IDLE;
  await setValue(db, KEYS.status, { ...current, ...patch });
}

export type { PublishedItem };
