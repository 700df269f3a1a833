import Dexie from 'dexie';
import type { TableName } from '../../../shared/model/book';
import type { BookDatabase } from './book-database';
import { newBookName } from './book-name';
import { CurrentBookDB } from './current-database';

/** Adds rows to a table of the book being built, in steps of their own. */
export type AddRows = (table: TableName, rows: readonly unknown[]) => Promise<void>;

/**
 * Rows per transaction while a book is built: each step stays well under the size at which
 * Chromium keeps a transaction's undo log on disk (book-directory.ts). 300 rows of the largest
 * tables were measured to leave nothing that later openings pay for.
 */
export const ROWS_PER_STEP = 300;
/** Steps issued before the first of them has committed. */
const STEPS_AHEAD = 4;
/** Attachments carry their bytes: a step holds at most this many bytes of them (a larger file goes alone). */
export const ATTACHMENT_BYTES_PER_STEP = 512 * 1024;

function attachmentBytes(row: unknown): number {
  const data = (row as { data?: { byteLength?: number } }).data;
  return typeof data?.byteLength === 'number' ? data.byteLength : 0;
}

/** The rows cut into steps: at most ROWS_PER_STEP rows, and for attachments at most ATTACHMENT_BYTES_PER_STEP bytes. */
export function* steps(table: TableName, rows: readonly unknown[]): Generator<readonly unknown[]> {
  let from = 0;
  while (from < rows.length) {
    let to = from;
    let bytes = 0;
    while (to < rows.length && to - from < ROWS_PER_STEP) {
      const size = table === 'attachments' ? attachmentBytes(rows[to]) : 0;
      if (to > from && bytes + size > ATTACHMENT_BYTES_PER_STEP) break;
      bytes += size;
      to++;
    }
    yield rows.slice(from, to);
    from = to;
  }
}

/**
 * A new book's database, filled by `fill` a step at a time, each step a transaction of its own.
 * Nothing names it yet: until the caller names it (book-directory.ts nameBook) no start opens it,
 * and a start deletes it if the building was cut short. When `fill` fails the database is deleted
 * at once and the error thrown; the book in use is never touched.
 */
export async function buildBookDatabase(fill: (add: AddRows, db: BookDatabase) => Promise<void>): Promise<BookDatabase> {
  const name = newBookName();
  const db = new CurrentBookDB(name);
  try {
    await db.open();
    await fill(async (table, rows) => {
      // A few steps are issued ahead, each its own transaction: IndexedDB runs them one after
      // another, in order, without waiting between them for the page to hear of each commit.
      const issued: Promise<unknown>[] = [];
      for (const step of steps(table, rows)) {
        const added = db.table(table).bulkAdd(step as unknown[]);
        added.catch(() => undefined); // awaited below; not unhandled while an earlier step is awaited
        issued.push(added);
        if (issued.length >= STEPS_AHEAD) await issued.shift();
      }
      await Promise.all(issued);
    }, db);
    return db;
  } catch (error) {
    db.close();
    await Dexie.delete(name).catch(() => undefined);
    throw error;
  }
}
