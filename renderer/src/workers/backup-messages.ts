import type { BackupEncryption } from '../../../shared/backup/encrypt';
import type { BackupProgress } from '../../../shared/backup/progress';
import type { WireError } from './rpc';

/** What the page asks of the backup worker: the book's database by name, the file's time, its password if any. */
export interface WriteRequest {
  name: string;
  createdAt: string;
  encryption?: BackupEncryption;
}

/**
 * The worker's answers, in the file's order: progress and the file's pieces as they are written,
 * then `done`, or the error that stopped the writing.
 */
export type WriteReply = { progress: BackupProgress } | { piece: Uint8Array } | { done: true } | { error: WireError };
