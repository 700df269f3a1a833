import { BackupError, decodeBackup, joinPieces, type BackupEncryption, type BackupManifest } from '../../../../shared/backup/format';
import type { OnBackupProgress } from '../../../../shared/backup/progress';
import { generateDemoBook, SMALL_DEMO } from '../../../../shared/demo/generator';
import { checkRestorable } from '../../../../shared/engine/restore';
import { emptyBook, type BookTables } from '../../../../shared/model/book';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { replaceWholeBook, type OpenBook } from './replace-book';
import { discardStaged, stageBackup, switchToStaged, type StagedBook } from './staged-restore';
import { turnEvery } from '../../platform/turns';
import { writeBackupOffPage } from '../../workers/backup';

// Where it has always been imported from; it lives apart so the office worker reads a book without the backup code.
export { readWholeBook } from '../../db/read-whole-book';

/**
 * The backup file in the pieces it was written in: a browser saves them as one Blob without joining
 * them. With `encryption` the file is password-protected (docs/backup-format.md). The file is written
 * in a worker of its own where one starts (workers/backup.ts), on the page otherwise.
 */
export function exportBackupPieces(
  db: UnionBooksDB,
  onProgress?: OnBackupProgress,
  now: Date = new Date(),
  encryption?: BackupEncryption,
): Promise<Uint8Array[]> {
  return writeBackupOffPage(db, { createdAt: now.toISOString(), encryption }, onProgress);
}

export async function exportBackup(
  db: UnionBooksDB,
  onProgress?: OnBackupProgress,
  now: Date = new Date(),
  encryption?: BackupEncryption,
): Promise<Uint8Array> {
  return joinPieces(await exportBackupPieces(db, onProgress, now, encryption));
}

/**
 * Checks the whole file (format, version, checksums) and every row against its record declaration,
 * without touching the database. Throws a Chinese BackupError or BookError; `warnings` lists what
 * the book engine would put right in a well-formed book.
 */
export async function inspectBackup(
  bytes: Uint8Array,
  onProgress?: OnBackupProgress,
  password?: string,
): Promise<{ manifest: BackupManifest; book: BookTables; warnings: string[] }> {
  const decoded = await decodeBackup(bytes, { onProgress, pause: turnEvery(), ...(password ? { password } : {}) });
  if (!decoded.book.union.some((u) => u.deleted === 0)) throw new BackupError('备份文件中没有工会信息，未做任何更改。');
  const { book, warnings } = checkRestorable(decoded.book);
  return { manifest: decoded.manifest, book, warnings };
}

/**
 * Only a file that passed every check becomes a book: staged on the way (staged-restore.ts), so the
 * book is never whole in memory, then built as a new book that has left sync (replace-book.ts). The
 * book in use is untouched; `opened` is the new one, for the app to name.
 */
export async function restoreBackup(
  db: UnionBooksDB,
  mutator: Mutator,
  bytes: Uint8Array,
  onProgress?: OnBackupProgress,
  password?: string,
): Promise<{ staged: StagedBook; opened: OpenBook }> {
  const staged = await stageBackup(db, bytes, onProgress, password);
  try {
    return { staged, opened: await switchToStaged(db, mutator, staged) };
  } catch (error) {
    await discardStaged(db);
    throw error;
  }
}

export function backupFileName(unionName: string, now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `${unionName || '工会账簿'}-${stamp}.ubk`;
}

/** The demo union, ending with the current month so that dues and arrears look like a live book; built as a new book, for the app to name. */
export async function loadDemoBook(
  db: UnionBooksDB,
  mutator: Mutator,
  now: Date = new Date(),
): Promise<{ book: BookTables; opened: OpenBook }> {
  const endMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const today = `${endMonth}-${String(now.getDate()).padStart(2, '0')}`;
  const book = generateDemoBook({ ...SMALL_DEMO, endMonth, today });
  return { book, opened: await replaceWholeBook(db, mutator, book) };
}

/** 清空账簿: an empty book (the first-run page again once the app names it). */
export function clearBook(db: UnionBooksDB, mutator: Mutator): Promise<OpenBook> {
  return replaceWholeBook(db, mutator, emptyBook());
}
