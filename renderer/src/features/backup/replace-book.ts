import type { Table } from 'dexie';
import type { BookTables } from '../../../../shared/model/book';
import type { UnionProfile } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { leaveServer } from '../sync/mutations';
import { getValue, KEYS, type SyncConfig } from '../sync/state';

/**
 * Replacing the whole book (restore, demo data, 清空账簿) on a device enrolled for sync would send
 * the replacement up as that union's data: a demo union's members and dues in the real union's
 * figures, or another union's backup merged into this one. So a replaced book always leaves sync,
 * in the same transaction: the server address, token and progress are forgotten and nothing of the
 * new book is queued. The pages ask first (see LeaveSyncNotice); to sync again, enrol anew.
 */
export async function replaceWholeBook(db: UnionBooksDB, mutator: Mutator, book: BookTables): Promise<void> {
  await db.transaction('rw', [...db.userTables(), db.$changes, db.$sync], async () => {
    await leaveServer(db);
    await mutator.replaceBook(book);
  });
}

/** The same replacement filled a batch at a time from `sources` (a staged restore, staged-restore.ts). */
export async function replaceWholeBookWith(
  db: UnionBooksDB,
  mutator: Mutator,
  fill: Parameters<Mutator['replaceBookWith']>[0],
  sources: readonly Table[],
): Promise<void> {
  await db.transaction('rw', [...db.userTables(), db.$changes, db.$sync, ...sources], async () => {
    await leaveServer(db);
    await mutator.replaceBookWith(fill, sources);
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
