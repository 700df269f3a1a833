import type { TableName } from '../model/book';

/**
 * How far a backup is written or read: rows of one table, or the attachments' files (`files`),
 * which follow the tables. `total` is what the book holds (writing) or what the manifest says
 * (reading); `done` counts up to it.
 */
export interface BackupProgress {
  step: TableName | 'files';
  done: number;
  total: number;
}

export type OnBackupProgress = (progress: BackupProgress) => void;
