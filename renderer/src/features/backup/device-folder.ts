import { useLiveQuery } from 'dexie-react-hooks';
import type { UnionBooksDB } from '../../db/database';
import { SYNC_KEYS } from '../../db/sync-keys';

/** The automatic-backup folder is this device's own setting, kept in `$sync`, never in the synced union record. */
export function useBackupFolder(db: UnionBooksDB): string {
  return useLiveQuery(async () => ((await db.$sync.get(SYNC_KEYS.backupFolder))?.value as string | undefined) ?? '', [db], '');
}

export async function setBackupFolder(db: UnionBooksDB, folder: string): Promise<void> {
  await db.$sync.put({ key: SYNC_KEYS.backupFolder, value: folder });
}
