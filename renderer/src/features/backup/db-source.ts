import Dexie, { type Table } from 'dexie';
import { writeMaybeEncrypted, type BackupEncryption } from '../../../../shared/backup/encrypt';
import { withoutBytes } from '../../../../shared/backup/format';
import type { OnBackupProgress } from '../../../../shared/backup/progress';
import { writeBackup, type BackupMeta, type BackupSink, type BackupSource } from '../../../../shared/backup/write';
import { TABLE_NAMES, type TableName } from '../../../../shared/model/book';
import type { Attachment } from '../../../../shared/model/records';
import { APP_VERSION } from '../../../../shared/version';
import type { UnionBooksDB } from '../../db/database';

/** Rows read at once: the read's own task (the rows copied out of the database) stays short. */
const ROWS = 500;
/** Attachments read at once: each may be several megabytes, copied out in the read's task. */
const FILES = 2;

/** What a backup file is written with besides the book: when it is made, and a password if it has one. */
export interface BookFileOptions {
  createdAt: string;
  encryption?: BackupEncryption;
  onProgress?: OnBackupProgress;
}

/**
 * 备份's file, plain or password-protected, from the book's database into `sink`: the one way it is
 * written, in the backup worker (workers/backup.worker.ts) or, where no worker starts, on the page.
 */
export function writeBookFile(db: UnionBooksDB, sink: BackupSink, { createdAt, encryption, onProgress }: BookFileOptions): Promise<void> {
  return writeMaybeEncrypted(encryption, sink, (inner) => writeBackupFromDb(db, { createdAt, appVersion: APP_VERSION }, inner, onProgress));
}

/**
 * Writes the book from the database into a backup file a batch at a time, all in one read
 * transaction so the file is one consistent snapshot. Inside it only database reads are awaited
 * (hashing and compression are synchronous), so the transaction stays open to the end; a sink that
 * is itself asynchronous (encryption seals each chunk with crypto.subtle) is awaited through
 * `Dexie.waitFor`, which keeps the transaction alive meanwhile: awaited plainly, the transaction
 * would commit and the next read fail. The window gets its turns from the writer's pauses, each a
 * small read in the same transaction, and between batches.
 */
export async function writeBackupFromDb(
  db: UnionBooksDB,
  meta: BackupMeta,
  sink: BackupSink,
  onProgress?: OnBackupProgress,
): Promise<void> {
  await db.transaction('r', db.userTables(), async () => {
    const counts = {} as Record<TableName, number>;
    for (const name of TABLE_NAMES) counts[name] = await db.table(name).count();
    const kept: BackupSink = (piece) => {
      const waited = sink(piece);
      return waited ? Dexie.waitFor(waited) : undefined;
    };
    await writeBackup(dbSource(db, counts), meta, kept, onProgress);
  });
}

function dbSource(db: UnionBooksDB, counts: Record<TableName, number>): BackupSource {
  return {
    counts,
    async *rows(table) {
      if (table !== 'attachments') {
        yield* batches(db.table(table), ROWS);
        return;
      }
      for await (const batch of batches(db.table('attachments') as Table<Attachment, string>, FILES)) yield batch.map(withoutBytes);
    },
    files: () => batches(db.table('attachments') as Table<Attachment, string>, FILES),
    // A read is the one await that keeps the transaction open; its answer comes in a task of its own.
    pause: async () => void (await db.table('union').count()),
  };
}

/** The table in primary-key order, `size` rows at a time: each batch starts after the last key read. */
async function* batches<T extends { id: string }>(table: Table<T, string>, size: number): AsyncGenerator<T[]> {
  let last: string | null = null;
  for (;;) {
    const batch: T[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(size).toArray();
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < size) return;
    last = (batch[batch.length - 1] as T).id;
  }
}
