import { useBackupFolder } from '../features/backup/device-folder';
import { useAutoBackup } from '../features/backup/useAutoBackup';
import { useAutoSync } from '../features/sync/auto';
import { useServices } from './services';

/**
 * Work that runs behind every page: automatic backups and automatic sync. A component of its own,
 * loaded after the first screen, so their code (the book file writer, the sync client) is not
 * part of start-up.
 */
export default function BackgroundWork() {
  const { db } = useServices();
  useAutoBackup(useBackupFolder(db));
  useAutoSync();
  return null;
}
