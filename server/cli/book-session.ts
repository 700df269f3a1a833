import { MemoryStore } from '../../shared/engine/memory-store';
import { upgradeBook } from '../../shared/engine/upgrade-book';
import type { BookTables } from '../../shared/model/book';
import { bookWriteContext } from './commands/book-clock';
import { bookPassword } from './book-password';
import { readBookFile, writeBook } from './io';

/** A book file opened for the engine: rows upgraded to this version, writes stamped after every stamp in it. */
export async function openBookFile(path: string): Promise<{ book: BookTables; store: MemoryStore; encrypted: boolean }> {
  const { book: read, encrypted } = await readBookFile(path);
  const book = upgradeBook(read);
  return { book, store: new MemoryStore(book, bookWriteContext(book, `cli-${crypto.randomUUID().slice(0, 8)}`)), encrypted };
}

/**
 * Runs one engine operation on a book file. The file is written only when the operation succeeds
 * and changed something; a refusal (a BookError, with its Chinese reason) leaves the file exactly as
 * it was, byte for byte.
 */
export async function withBookFile<R>(path: string, op: (store: MemoryStore) => Promise<R>): Promise<R> {
  const { book, store, encrypted } = await openBookFile(path);
  const result = await op(store);
  // An encrypted book stays encrypted, under the password that opened it (with a fresh salt).
  const password = bookPassword();
  if (store.changes.length > 0) await writeBook(path, book, encrypted && password ? { password } : undefined);
  return result;
}
