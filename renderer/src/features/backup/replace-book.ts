import { TABLE_NAMES, type BookTables } from '../../../../shared/model/book';
import type { UnionProfile } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';
import { DexieStore } from '../../db/dexie-store';
import type { Mutator } from '../../db/mutations';
import { buildBookDatabase, type AddRows } from '../../db/new-book';
import { leaveServer } from '../sync/mutations';
import { getValue, KEYS, type SyncConfig } from '../sync/state';

/** Said to a write made while the book is being replaced. */
export const REPLACING = '正在替换整本账簿（恢复、载入示例数据或清空账簿），此时的更改不会保存。请等替换完成后再录入。';

/** A book as the pages use it: its database, the device's writer for it and the book engine's store. */
export interface OpenBook {
  db: UnionBooksDB;
  mutator: Mutator;
  store: DexieStore;
}

/**
 * Replaces the whole book (restore, demo data, 清空账簿), all-or-nothing: the new book is built in a
 * database of its own (db/new-book.ts) and returned, open; the book in use is not touched. It
 * becomes the book when the app names it (useSwitchBook, which writes the directory); until then a
 * start still opens the old one, and deletes the unnamed one.
 *
 * The new book starts without sync: on a device enrolled for sync, sending the replacement up as
 * that union's data would put a demo union's members and dues in the real union's figures, or merge
 * another union's backup into this one. So the server address, token and progress are not carried
 * over and its outbox is empty; the pages ask first (see LeaveSyncNotice); to sync again, enrol
 * anew. The device's own state (its id, backup folder, clock) is carried over.
 */
export async function replaceWholeBookWith(db: UnionBooksDB, mutator: Mutator, fill: (add: AddRows) => Promise<void>): Promise<OpenBook> {
  // A write to the old book while the new one is built (a large restore takes a minute, the pages stay
  // open) would be left behind in the old book: it is refused with a message instead, until the build fails.
  const allowWrites = mutator.refuseWrites(REPLACING);
  let next: UnionBooksDB;
  try {
    const device = await db.$sync.toArray();
    next = await buildBookDatabase(async (add, built) => {
      await built.$sync.bulkPut(device);
      await leaveServer(built);
      await fill(add);
    });
  } catch (error) {
    allowWrites();
    throw error;
  }
  const writer = mutator.forDatabase(next);
  return { db: next, mutator: writer, store: new DexieStore(next, writer) };
}

/** The same replacement with a book held whole (the demo book, an empty book). */
export function replaceWholeBook(db: UnionBooksDB, mutator: Mutator, book: BookTables): Promise<OpenBook> {
  return replaceWholeBookWith(db, mutator, async (add) => {
    for (const name of TABLE_NAMES) await add(name, book[name]);
  });
}

/** The union this device syncs with, or null when it is not enrolled. */
export async function readEnrolment(db: UnionBooksDB): Promise<SyncConfig | null> {
  return (await getValue<SyncConfig>(db, KEYS.config)) ?? null;
}

/** The name of the union in `book` when it is not the union of the current book, else null. */
export function otherUnionIn(book: Pick<BookTables, 'union'>, current: UnionProfile | null | undefined): string | null {
  const incoming = book.union.find((u) => u.deleted === 0);
  if (!incoming || !current) return null;
  const sameCode = incoming.code && current.code ? incoming.code === current.code : true;
  return incoming.id === current.id && sameCode ? null : incoming.name;
}
