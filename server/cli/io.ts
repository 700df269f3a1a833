import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BackupPasswordError } from '../../shared/backup/backup-error';
import type { ByteSource } from '../../shared/backup/byte-source';
import { isEncryptedBackup } from '../../shared/backup/decrypt';
import { writeMaybeEncrypted, type BackupEncryption } from '../../shared/backup/encrypt';
import { BACKUP_VERSION, bookSource } from '../../shared/backup/format';
import { readBackup } from '../../shared/backup/read';
import { writeBackup } from '../../shared/backup/write';
import type { BookTables } from '../../shared/model/book';
import { APP_VERSION } from '../../shared/version';
import { bookPassword, PASSWORD_ENV } from './book-password';

/** Output of a command, injectable so commands are tested without touching the process. */
export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Reads the book a piece at a time from disk: the file itself is never whole in memory. */
export async function readBook(path: string, password: string | undefined = bookPassword()): Promise<BookTables> {
  return (await readBookFile(path, password)).book;
}

/**
 * The book, whether its file is encrypted (so a command that changes it writes it back the same way)
 * and the sync state kept in it by `unionbooks sync` (./sync-state.ts), as stored.
 */
export async function readBookFile(
  path: string,
  password: string | undefined = bookPassword(),
): Promise<{ book: BookTables; encrypted: boolean; deviceSync?: Uint8Array }> {
  const file = await open(path, 'r');
  try {
    const source = fileSource(file, (await file.stat()).size);
    const encrypted = await isEncryptedBackup(source);
    try {
      const { book, deviceSync } = await readBackup(source, { password });
      return { book, encrypted, ...(deviceSync ? { deviceSync } : {}) };
    } catch (error) {
      if (error instanceof BackupPasswordError && error.kind === 'missing') {
        throw new BackupPasswordError(
          'missing',
          `账簿 ${path} 设有密码：请用 --password-file 文件 指定密码，或设置环境变量 ${PASSWORD_ENV}`,
        );
      }
      throw error;
    }
  } finally {
    await file.close();
  }
}

function fileSource(file: FileHandle, size: number): ByteSource {
  return {
    size,
    async read(offset, length) {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let at = 0;
      while (at < buffer.length) {
        const { bytesRead } = await file.read(buffer, at, buffer.length - at, offset + at);
        if (bytesRead === 0) break;
        at += bytesRead;
      }
      return buffer.subarray(0, at);
    },
  };
}

/**
 * Writes the book as it is encoded, piece by piece, to a temporary file, flushes it to disk and
 * renames it over the target, then flushes the folder, so a crash or power cut leaves the old book
 * or the new one, never half a book.
 */
export async function writeBook(path: string, book: BookTables, encryption?: BackupEncryption, deviceSync?: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const file = await open(tmp, 'w');
    try {
      // Pieces are written in order, each after the one before.
      let written: Promise<void> = Promise.resolve();
      const toFile = (piece: Uint8Array) => {
        written = written.then(async () => {
          for (let at = 0; at < piece.length;) at += (await file.write(piece, at, piece.length - at)).bytesWritten;
        });
        return written;
      };
      await writeMaybeEncrypted(encryption, toFile, (sink) =>
        writeBackup(
          { ...bookSource(book), ...(deviceSync ? { deviceSync } : {}) },
          { createdAt: new Date().toISOString(), appVersion: APP_VERSION },
          sink,
        ),
      );
      await written;
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
