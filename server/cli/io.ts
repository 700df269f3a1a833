import { open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BACKUP_VERSION, decodeBackup, encodeBackup } from '../../shared/backup/format';
import type { BookTables } from '../../shared/model/book';
import { APP_VERSION } from '../../shared/version';

/** Output of a command, injectable so commands are tested without touching the process. */
export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export async function readBook(path: string): Promise<BookTables> {
  const bytes = await readFile(path);
  return (await decodeBackup(new Uint8Array(bytes))).book;
}

/**
 * Writes to a temporary file, flushes it to disk and renames it over the target, then flushes the
 * folder, so a crash or power cut leaves the old book or the new one, never half a book.
 */
export async function writeBook(path: string, book: BookTables): Promise<void> {
  const bytes = await encodeBackup(book, { createdAt: new Date().toISOString(), appVersion: APP_VERSION });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const file = await open(tmp, 'w');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  // Windows cannot open a folder to flush it; there the flushed file and the rename are all there is.
  const folder = await open(dirname(path), 'r').catch(() => null);
  try {
    await folder?.sync();
  } catch {
    // Some file systems refuse to flush a folder; the book itself is already on disk.
  } finally {
    await folder?.close();
  }
}

export { BACKUP_VERSION };
