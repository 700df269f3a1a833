import { useLiveQuery } from 'dexie-react-hooks';
import { todayIso } from '../../../../shared/clock/today';
import type { UnionBooksDB } from '../../db/database';
import { SYNC_KEYS } from '../../db/sync-keys';

/**
 * The automatic-backup folder is this device's own setting, kept in `$sync`, never in the synced
 * union record: another device, or the server, can never choose where this computer writes. It
 * survives a replaced book.
 */
export function useBackupFolder(db: UnionBooksDB): string {
  return useLiveQuery(() => getBackupFolder(db), [db], '');
}

export async function getBackupFolder(db: UnionBooksDB): Promise<string> {
  const value = (await db.$sync.get(SYNC_KEYS.backupFolder))?.value;
  return typeof value === 'string' ? value : '';
}

export async function setBackupFolder(db: UnionBooksDB, folder: string): Promise<void> {
  await db.$sync.put({ key: SYNC_KEYS.backupFolder, value: folder });
}

/**
 * The last backup: the file written, or why it failed. A failure keeps the time of the last good
 * backup (`lastGoodAt`), so the app can still say how old the newest copy is.
 */
export interface BackupResult {
  at: string;
  file?: string;
  error?: string;
  lastGoodAt?: string;
}

export async function setBackupResult(db: UnionBooksDB, result: BackupResult): Promise<void> {
  await db.$sync.put({ key: SYNC_KEYS.backupResult, value: result });
}

/** Records a failed automatic backup without forgetting when the last good one was made. */
export async function recordBackupFailure(db: UnionBooksDB, error: string, at: Date = new Date()): Promise<void> {
  const before = (await db.$sync.get(SYNC_KEYS.backupResult))?.value as BackupResult | undefined;
  const lastGoodAt = before?.error ? before.lastGoodAt : before?.at;
  await setBackupResult(db, { at: at.toISOString(), error, ...(lastGoodAt ? { lastGoodAt } : {}) });
}

/** When the newest good backup was made, whether or not the latest attempt failed. */
export function lastGoodBackupAt(result: BackupResult | null | undefined): string | null {
  if (!result) return null;
  return result.error ? (result.lastGoodAt ?? null) : result.at;
}

/** The local day of the newest good backup, as 概览's to-do list counts it. */
export function lastGoodOn(result: BackupResult | null | undefined): string | null {
  const at = lastGoodBackupAt(result);
  return at ? todayIso(new Date(at)) : null;
}

export function useAutoBackupEncrypted(db: UnionBooksDB): boolean {
  return useLiveQuery(() => getAutoBackupEncrypted(db), [db], false);
}

export async function getAutoBackupEncrypted(db: UnionBooksDB): Promise<boolean> {
  return (await db.$sync.get(SYNC_KEYS.autoBackupEncrypted))?.value === true;
}

export async function setAutoBackupEncrypted(db: UnionBooksDB, on: boolean): Promise<void> {
  await db.$sync.put({ key: SYNC_KEYS.autoBackupEncrypted, value: on });
}

export function useBackupResult(db: UnionBooksDB): BackupResult | null {
  return useLiveQuery(async () => ((await db.$sync.get(SYNC_KEYS.backupResult))?.value as BackupResult | undefined) ?? null, [db], null);
}
