import type Dexie from 'dexie';
import { BookDatabase } from './book-database';
import { DB_NAME, SCHEMA_CURRENT, SCHEMA_VERSION } from './schema';

/**
 * The database declared at its current schema alone: one version for Dexie to parse instead of
 * the whole history (database.ts). Good for a database that is current or new (Dexie creates a new
 * one from the last version's tables and runs no upgrade); one of an earlier version refuses to
 * open, before anything is changed, and is then opened with its history.
 */
export class CurrentBookDB extends BookDatabase {
  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(SCHEMA_VERSION)
      .stores(SCHEMA_CURRENT)
      .upgrade(() => {
        // Dexie runs this only when upgrading an existing database: throwing aborts IndexedDB's
        // upgrade transaction, so the database stays as it was for the upgrades to run on.
        throw new Error(`the book's database is older than version ${SCHEMA_VERSION}`);
      });
  }
}

/**
 * Opens the book's database: at its current schema (the start of every day but the first after an
 * update), or, when the database on disk is older, with every version and upgrade, whose code loads
 * only then.
 */
export async function openBookDatabase(name: string = DB_NAME): Promise<BookDatabase> {
  const current = new CurrentBookDB(name);
  try {
    await current.open();
    return current;
  } catch {
    // Whatever refused the current schema alone (an older book, or a difference between the book on
    // disk and the last version Dexie could not bridge without the versions between), the whole
    // history opens the book as every release before this one did; its error, if any, is the one shown.
    current.close();
  }
  const { UnionBooksDB } = await import('./database');
  const upgraded = new UnionBooksDB(name);
  await upgraded.open();
  return upgraded;
}
