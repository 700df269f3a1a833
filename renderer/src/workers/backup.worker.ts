import type { WriteRequest } from './backup-messages';
import { writeForPage, type PostReply } from './backup-writer';

const scope = self as unknown as { postMessage: PostReply };

/**
 * Writes one backup file with a connection of its own to the book's database, so the serialising,
 * hashing, compressing and encrypting of the whole book stay off the window's thread. One file per
 * worker: the page starts a new one for every backup.
 */
self.addEventListener('message', (event: MessageEvent<WriteRequest>) => {
  void writeForPage(event.data, (reply, transfer) => scope.postMessage(reply, transfer));
});
