import { openBookDatabase } from '../db/current-database';
import { writeBookFile } from '../features/backup/db-source';
import type { WriteReply, WriteRequest } from './backup-messages';
import { toWire } from './rpc';

/** How the worker answers the page: its own postMessage, or one end of a MessageChannel in tests. */
export type PostReply = (reply: WriteReply, transfer?: Transferable[]) => void;

/**
 * The worker's side of 备份: opens the book's database by name, writes the file as the page would
 * (writeBookFile, one read transaction, so one consistent snapshot) and hands each piece on as it
 * comes, then `done` or the error as itself (rpc.ts's toWire). Each piece crosses in a buffer of its
 * own, which is moved, not copied again: the writer's pieces are not the worker's to give away
 * (an encrypted file's header stays the cipher's additional data for every chunk after it, a stored
 * attachment's bytes are its row's, and a piece may be a view into a larger buffer), so the copy is
 * made here, off the window's thread.
 */
export async function writeForPage({ name, createdAt, encryption }: WriteRequest, post: PostReply): Promise<void> {
  try {
    const db = await openBookDatabase(name);
    try {
      await writeBookFile(
        db,
        (piece) => {
          const own = piece.slice();
          post({ piece: own }, [own.buffer]);
        },
        { createdAt, encryption, onProgress: (progress) => post({ progress }) },
      );
    } finally {
      db.close();
    }
    post({ done: true });
  } catch (error) {
    post({ error: toWire(error) });
  }
}
