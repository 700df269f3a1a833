import { BackupError } from '../../../../shared/backup/backup-error';
import { fileChecksum } from './file-checksum';
import { receiveHandover } from '../../../../shared/engine/ops/handover';
import { errorText } from '../../../../shared/error-text';
import { pendingHandover } from '../../../../shared/handover/handover-record';
import { bytesSource } from '../../../../shared/backup/byte-source';
import type { BackupManifest } from '../../../../shared/backup/manifest';
import type { OnBackupProgress } from '../../../../shared/backup/progress';
import { readBackupRows } from '../../../../shared/backup/read';
import { RestorableRows, restoreWarnings } from '../../../../shared/engine/restore';
import { emptyBook, TABLE_NAMES, type BookTables, type TableName } from '../../../../shared/model/book';
import type { Handover, UnionProfile } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { replaceWholeBookWith, type OpenBook } from './replace-book';
import { turnEvery } from '../../platform/turns';

/**
 * 恢复 without ever holding the book: the file is read as a stream (shared/backup/read.ts), each
 * row checked as it comes (shared/engine/restore.ts) and written in batches to the `$restore`
 * store, which no page reads. Only when every entry has passed is a new book built from it, in a
 * database of its own (replace-book.ts); a refused file, a cancelled restore or a failed build
 * leaves the current book exactly as it was and the staging store empty.
 */

/** What the confirmation shows of a staged book; the rows themselves stay in `$restore`. */
export interface StagedBook {
  manifest: BackupManifest;
  union: UnionProfile[];
  handovers: Handover[];
  /** Rows staged per table. */
  counts: Record<TableName, number>;
  liveMembers: number;
  /**
   * The rules of the books the file breaks (shared/engine/verify). They need the whole book at
   * once, so they are found only for a book of at most WARNINGS_UP_TO rows; null for a larger one.
   */
  warnings: string[] | null;
}

/** Rows up to which a staged book is also held for its warnings: a small union's book, a few megabytes. */
export const WARNINGS_UP_TO = 50_000;

/** Reads, checks and stages the file; throws a Chinese BackupError or BookError, leaving nothing staged. */
export async function stageBackup(
  db: UnionBooksDB,
  bytes: Uint8Array,
  onProgress?: OnBackupProgress,
  password?: string,
): Promise<StagedBook> {
  // A restore cut short (the app closed while it read) may have left its batches behind.
  await discardStaged(db);
  const checker = new RestorableRows();
  const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  let total = 0;
  let liveMembers = 0;
  let held: BookTables | null = emptyBook();
  const union: UnionProfile[] = [];
  const handovers: Handover[] = [];

  const stage = async (table: TableName, input: readonly unknown[]) => {
    const rows: unknown[] = [];
    for (const row of input) {
      const checked = checker.check(table, row);
      if (checked) rows.push(checked);
    }
    // Once a row has failed the file is refused: the rest is only checked, to name the first faults.
    if (checker.failed || rows.length === 0) return;
    counts[table] += rows.length;
    total += rows.length;
    if (table === 'members') liveMembers += rows.filter((m) => (m as { deleted: number }).deleted === 0).length;
    if (table === 'union') union.push(...(rows as UnionProfile[]));
    if (table === 'handovers') handovers.push(...(rows as Handover[]));
    if (held && total > WARNINGS_UP_TO) held = null;
    // The warnings need attachments' ids only, never their bytes.
    if (held)
      (held[table] as unknown[]).push(
        ...(table === 'attachments' ? rows.map((a) => ({ ...(a as object), data: new Uint8Array(0) })) : rows),
      );
    await db.$restore.add({ table, rows });
  };

  try {
    const { manifest } = await readBackupRows(
      bytesSource(bytes),
      { rows: stage, file: (attachment) => stage('attachments', [attachment]) },
      { onProgress, pause: turnEvery(), ...(password ? { password } : {}) },
    );
    checker.finish();
    if (!union.some((u) => u.deleted === 0)) throw new BackupError('备份文件中没有工会信息，未做任何更改。');
    const warnings = held ? restoreWarnings(held) : null;
    return { manifest, union, handovers, counts, liveMembers, warnings };
  } catch (error) {
    await discardStaged(db);
    throw error;
  }
}

/**
 * Builds the staged book as a new book (replace-book.ts: leaving sync, a database of its own) a batch
 * at a time. `onProgress` counts the rows of each table as they are written. The book in use is
 * untouched: the new one is returned, to be named by the app.
 */
export async function switchToStaged(
  db: UnionBooksDB,
  mutator: Mutator,
  staged: StagedBook,
  onProgress?: OnBackupProgress,
): Promise<OpenBook> {
  const done = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  const opened = await replaceWholeBookWith(db, mutator, async (add) => {
    let after = 0;
    for (;;) {
      const batch = await db.$restore.where('seq').above(after).first();
      if (!batch) break;
      after = batch.seq!;
      await add(batch.table, batch.rows);
      done[batch.table] += batch.rows.length;
      onProgress?.({ step: batch.table, done: done[batch.table], total: staged.counts[batch.table] });
    }
  });
  // The staged rows stay in the replaced book's database, and go with it when it is deleted.
  return opened;
}

/**
 * How replacing the book from a staged file ended: `error` is the Chinese message to show, and says
 * whether the book changed; `opened` is the new book, for the app to name, whenever it was built.
 */
export type ReplaceOutcome = { ok: true; handover: boolean; opened: OpenBook } | { ok: false; error: string; opened?: OpenBook };

/**
 * Builds the staged book and, for a handover backup, records the receipt in it with the file's
 * checksum, before the app names it. A failed build changes nothing; a failed receipt comes after
 * the book was built, so its message says so (loading the same file again records it).
 */
export async function replaceFromStaged(
  env: { db: UnionBooksDB; mutator: Mutator },
  staged: StagedBook,
  fileData: Uint8Array,
  onProgress?: OnBackupProgress,
): Promise<ReplaceOutcome> {
  const handover = pendingHandover(staged);
  let opened: OpenBook;
  try {
    opened = await switchToStaged(env.db, env.mutator, staged, onProgress);
  } catch (e) {
    await discardStaged(env.db).catch(() => undefined);
    return { ok: false, error: `恢复失败，当前数据未改变：${errorText(e)}` };
  }
  if (!handover) return { ok: true, handover: false, opened };
  try {
    // Later than the outgoing computer's stamp on the row, so the receipt wins wherever the two meet.
    opened.mutator.observeClock(handover.updatedAt);
    await receiveHandover(opened.store, handover.id, await fileChecksum([fileData]), new Date().toISOString());
  } catch (e) {
    return {
      ok: false,
      error: `账簿已从交接文件载入，但交接回执未能记入：${errorText(e)}。请再次载入同一交接文件以记入交接。`,
      opened,
    };
  }
  return { ok: true, handover: true, opened };
}

/**
 * Forgets a staged book: the restore was cancelled or failed. A staged batch at a time, each in a
 * transaction of its own: clearing a whole book's batches at once would be one book-sized
 * transaction, which leaves the store slower to open (db/book-directory.ts).
 */
export async function discardStaged(db: UnionBooksDB): Promise<void> {
  for (;;) {
    const [seq] = await db.$restore.limit(1).primaryKeys();
    if (seq === undefined) return;
    await db.$restore.delete(seq);
  }
}
