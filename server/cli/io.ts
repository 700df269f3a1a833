import { readFile, rename, writeFile } from 'node:fs/promises';
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

/** Writes to a temporary file first and renames it over the target, so a crash never leaves half a book. */
export async function writeBook(path: string, book: BookTables): Promise<void> {
  const bytes = await encodeBackup(book, { createdAt: new Date().toISOString(), appVersion: APP_VERSION });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

export { BACKUP_VERSION };
