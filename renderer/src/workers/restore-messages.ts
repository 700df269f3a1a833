import type { BackupProgress } from '../../../shared/backup/progress';
import type { StagedBook } from '../features/backup/staged-restore';
import type { WireError } from './rpc';

/** What the page asks of the restore worker: the book's database by name, the file's bytes, its password if any. */
export interface StageRequest {
  name: string;
  bytes: Uint8Array;
  password?: string;
}

/** The worker's answers: progress while it reads, then the staged book or the error that refused the file. */
export type StageReply = { progress: BackupProgress } | { staged: StagedBook } | { error: WireError };
