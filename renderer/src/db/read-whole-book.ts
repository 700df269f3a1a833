import { emptyBook, TABLE_NAMES, type BookTables } from '../../../shared/model/book';
import type { UnionBooksDB } from './database';

/** Reads every user table in one read transaction, so the snapshot is consistent. */
export async function readWholeBook(db: UnionBooksDB): Promise<BookTables> {
  const book = emptyBook();
  await db.transaction('r', db.userTables(), async () => {
    for (const name of TABLE_NAMES) (book[name] as unknown[]) = await db.table(name).toArray();
  });
  return book;
}
