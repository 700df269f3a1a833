import type { BookTables, TableName } from '../model/book';
import { TABLE_NAMES } from '../model/book';
import type { Attachment } from '../model/records';
import { bytesSource } from './byte-source';
import { writeMaybeEncrypted, type BackupEncryption } from './encrypt';
import type { BackupManifest } from './manifest';
import { joinPieces } from './pieces';
import { readBackup, type ReadOptions } from './read';
import { writeBackup, type BackupMeta, type BackupSource } from './write';

/**
 * The book file (`.ubk`): a ZIP archive, documented in docs/backup-format.md.
 *   tables/<table>.json       one JSON array per table (attachments without their bytes)
 *   attachments/<id>          the raw bytes of each attachment
 *   manifest.json             format, version, creation time, per-entry SHA-256
 * Readers must refuse a file whose format is not ours, whose version is newer than they know,
 * or whose entries do not match their checksums — a restore must never half-apply. Only the
 * entries named above are ever inflated, each within a size cap (see container.ts). Writing and
 * reading stream (write.ts, read.ts); these are the whole-book forms over bytes in memory.
 */
export { BACKUP_VERSION } from './write';
export { BACKUP_FORMAT, type BackupManifest } from './manifest';
export { BackupError, BackupPasswordError } from './backup-error';
export { joinPieces } from './pieces';
export type { BackupEncryption } from './encrypt';
export { isEncryptedBackup } from './decrypt';

/** Rows handed to the writer at once from a book already in memory. */
const BATCH = 2000;

/** A book in memory as the writer's source. */
export function bookSource(book: BookTables): BackupSource {
  return {
    counts: Object.fromEntries(TABLE_NAMES.map((t) => [t, book[t].length])) as Record<TableName, number>,
    async *rows(table) {
      const rows: readonly unknown[] = table === 'attachments' ? book.attachments.map(withoutBytes) : book[table];
      for (let at = 0; at < rows.length; at += BATCH) yield rows.slice(at, at + BATCH);
    },
    async *files() {
      for (const a of book.attachments) yield [a];
    },
  };
}

export async function encodeBackup(book: BookTables, meta: BackupMeta, encryption?: BackupEncryption): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  await writeMaybeEncrypted(
    encryption,
    (piece) => void pieces.push(piece),
    (sink) => writeBackup(bookSource(book), meta, sink),
  );
  return joinPieces(pieces);
}

/** Reads and checks a book file completely before anything is returned; throws BackupError with a Chinese message. */
export function decodeBackup(bytes: Uint8Array, options?: ReadOptions): Promise<{ manifest: BackupManifest; book: BookTables }> {
  return readBackup(bytesSource(bytes), options);
}

export function withoutBytes(a: Attachment): Omit<Attachment, 'data'> {
  const { data: _data, ...rest } = a;
  return rest;
}

/** SHA-256 as lower-case hex, as the manifest records it. */
export { Sha256 } from './sha256';
