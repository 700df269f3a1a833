import { MemoryStore } from '../../shared/engine/memory-store';
import { upgradeBook } from '../../shared/engine/upgrade-book';
import type { BookTables } from '../../shared/model/book';
import { bookWriteContext } from './commands/book-clock';
import { readBook, writeBook } from './io';

/** A book file opened for the engine: rows upgraded to this version, writes stamped after every stamp in it. */
export async function openBookFile(path: string): Promise<{ book: BookTables; store: MemoryStore }> {
  const book = upgradeBook(await readBook(path));
  return { book, store: new MemoryStore(book, bookWriteContext(book, `cli-${crypto.randomUUID().slice(0, 8)}`)) };
}

/**
 * Runs one engine operation on a book file. The file is written only when the operation succeeds
 * and changed something; a refusal (a BookError, with its Chinese reason) leaves the file exactly as
 * it was, byte for byte.
 */
export async function withBookFile<R>(path: string, op: (store: MemoryStore) => Promise<R>): Promise<R> {
  const { book, store } = await openBookFile(path);
  const result = await op(store);
  if (store.changes.length > 0) await writeBook(path, book);
  return result;
}
