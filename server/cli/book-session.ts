import { MemoryStore } from '../../shared/engine/memory-store';
import { upgradeBook } from '../../shared/engine/upgrade-book';
import type { BookTables } from '../../shared/model/book';
import { bookWriteContext } from './commands/book-clock';
import { bookPassword } from './book-password';
import { readBookFile, writeBook } from './io';
import { encodeSyncState, readSyncState, withLocalChanges, type BookSyncState } from './sync-state';

export interface OpenedBook {
  book: BookTables;
  encrypted: boolean;
  /** Set once the book was enrolled with `unionbooks sync --enrol`. */
  sync: BookSyncState | null;
}

/** A book file as it is stored: rows upgraded to this version, and its sync state if it has one. */
export async function readBookSession(path: string): Promise<OpenedBook> {
  const { book, encrypted, deviceSync } = await readBookFile(path);
  return { book: upgradeBook(book), encrypted, sync: readSyncState(deviceSync) };
}

/** Writes the book back the way it was opened: an encrypted book stays encrypted, under the password that opened it (with a fresh salt). */
export async function writeBookSession(path: string, opened: OpenedBook): Promise<void> {
  const password = bookPassword();
  await writeBook(
    path,
    opened.book,
    opened.encrypted && password ? { password } : undefined,
    opened.sync ? encodeSyncState(opened.sync) : undefined,
  );
}

/**
 * A book file opened for the engine: writes stamped after every stamp in it, by the enrolled
 * device when the book syncs (so the server sees them as that device's), else by a device of this run.
 */
export async function openBookFile(path: string): Promise<OpenedBook & { store: MemoryStore }> {
  const opened = await readBookSession(path);
  const deviceId = opened.sync?.deviceId ?? `cli-${crypto.randomUUID().slice(0, 8)}`;
  return { ...opened, store: new MemoryStore(opened.book, bookWriteContext(opened.book, deviceId, opened.sync)) };
}

/**
 * Runs one engine operation on a book file. The file is written only when the operation succeeds
 * and changed something; a refusal (a BookError, with its Chinese reason) leaves the file exactly as
 * it was, byte for byte. In an enrolled book the changes also wait in its outbox for the next sync.
 */
export async function withBookFile<R>(path: string, op: (store: MemoryStore) => Promise<R>): Promise<R> {
  const opened = await openBookFile(path);
  const result = await op(opened.store);
  if (opened.store.changes.length > 0) {
    await writeBookSession(path, { ...opened, sync: opened.sync && withLocalChanges(opened.sync, opened.store.changes) });
  }
  return result;
}
