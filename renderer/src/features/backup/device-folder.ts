import { useLiveQuery } from 'dexie-react-hooks';
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

/** The last automatic backup: the file written, or why it failed. */
export interface BackupResult {
  at: string;
  file?: string;
  error?: string;
}

export async function setBackupResult(db: UnionBooksDB, result: BackupResult): Promise<void> {
  await db.$sync.put({ key: SYNC_KEYS.backupResult, value: result });
}

export function useBackupResult(db: UnionBooksDB): BackupResult | null {
  return useLiveQuery(async () => ((await db.$sync.get(SYNC_KEYS.backupResult))?.value as BackupResult | undefined) ?? null, [db], null);
}
