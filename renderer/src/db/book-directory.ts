import Dexie, { type Table } from 'dexie';
import { BOOK_NAME_KEY, builtHere, cacheBookName, cachedBookName, isBookName, namedHere } from './book-name';
import { DB_NAME } from './schema';

/**
 * Which IndexedDB database holds the book. A book is replaced (restore, the demo book, 清空账簿) by
 * building the new one in a database of its own, in small transactions, and then naming it here:
 * one small write is the moment the replacement happens, so it stays all-or-nothing without one
 * book-sized transaction. (Chromium keeps the undo log of a transaction over about 1 MB on disk and
 * deletes it after commit; what that leaves behind is walked at every later opening of the store,
 * about a second of CPU for a 5,000-member book written in one transaction.)
 *
 * The directory is a database of its own, so that it outlives every book it names; a copy of its
 * name is kept in localStorage, which the page reads without waiting, so a start does not read the
 * directory before it opens the book. The directory is the truth: the copy is checked against it
 * once the first screen shows, and a database it does not name is deleted then.
 */
export const DIRECTORY_NAME = 'unionbooks-directory';
const STORE = 'current';
const KEY = 'book';

/** Runs `run` on the directory's one store, opened for it and closed after. */
async function withDirectory<T>(run: (current: Table<string, string>) => Promise<T>): Promise<T> {
  const directory = new Dexie(DIRECTORY_NAME);
  directory.version(1).stores({ [STORE]: '' });
  try {
    return await run(directory.table<string, string>(STORE));
  } finally {
    directory.close();
  }
}

/** The book the directory names; null before any book was replaced (the book is then DB_NAME). */
export async function readDirectory(): Promise<string | null> {
  const name = (await withDirectory((current) => current.get(KEY))) ?? null;
  return name && isBookName(name) ? name : null;
}

/** Names `name` as the book: the replacement happens with this write, then the page's copy follows. */
export async function nameBook(name: string): Promise<void> {
  await withDirectory((current) => current.put(name, KEY));
  namedHere(name);
  cacheBookName(name);
}

/**
 * The database to open at start: the copy where the profile still holds that database, else the
 * directory's (read only where the directory exists: `databases` lists the profile's databases,
 * null where the browser cannot list them), else the first name.
 */
export async function bookNameAtStart(databases: readonly string[] | null): Promise<string> {
  const cached = cachedBookName();
  if (cached && (databases === null || databases.includes(cached))) return cached;
  if (databases !== null && !databases.includes(DIRECTORY_NAME)) return DB_NAME;
  return (await readDirectory()) ?? DB_NAME;
}

/**
 * Once the first screen shows: the directory's book, kept in the page's copy, and every other
 * book's database deleted (a replaced book, or one whose building was cut short before it was
 * named). Returns the directory's book; when it is not `opened`, the page opened a stale copy and
 * must open the book again (another window replaced it meanwhile).
 */
export async function settleBooks(opened: string): Promise<{ current: string; deleted: string[] }> {
  const databases = await Dexie.getDatabaseNames();
  // Not read where there is none: reading would make it, and every later start of a profile whose
  // book was never replaced would read it before opening the book (bookNameAtStart).
  const named = databases.includes(DIRECTORY_NAME) ? await readDirectory() : null;
  if (named) cacheBookName(named);
  // A copy naming a replacement the directory lacks outlived the directory (site data cleared in
  // part): the copy is only ever written after the directory, so the book it names was whole.
  else if (opened !== DB_NAME) await nameBook(opened);
  const current = named ?? opened;
  if (current !== opened) return { current, deleted: [] };
  // A book this page is building (the demo book, chosen as the first screen showed) is not a build cut short.
  const names = databases.filter((n) => isBookName(n) && n !== current && !builtHere(n));
  for (const name of names) await Dexie.delete(name);
  return { current, deleted: names };
}

/** Calls `then` when another window of this profile names another book; returns a function that stops watching. */
export function onBookNamedElsewhere(then: () => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === BOOK_NAME_KEY) then();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
