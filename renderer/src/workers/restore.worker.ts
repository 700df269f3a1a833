import { openBookDatabase } from '../db/current-database';
import { stageBackup } from '../features/backup/staged-restore';
import type { StageReply, StageRequest } from './restore-messages';
import { toWire } from './rpc';

const scope = self as unknown as { postMessage(message: StageReply): void };

/**
 * Reads, checks and stages one book file with a connection of its own to the book's database, so
 * the inflating, parsing and checking of every row, and the garbage they leave, stay off the
 * window's thread. One file per worker: the page starts a new one for every restore.
 */
self.addEventListener('message', (event: MessageEvent<StageRequest>) => {
  const { name, bytes, password } = event.data;
  void (async () => {
    const db = await openBookDatabase(name);
    try {
      return await stageBackup(db, bytes, (progress) => scope.postMessage({ progress }), password);
    } finally {
      db.close();
    }
  })().then(
    (staged) => scope.postMessage({ staged }),
    (error: unknown) => scope.postMessage({ error: toWire(error) }),
  );
});
