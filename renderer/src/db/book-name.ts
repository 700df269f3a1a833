import { DB_NAME } from './schema';

// Without Dexie: the page's first module asks which databases the profile holds before anything else runs.

/** The page's copy of the directory's book (book-directory.ts), in localStorage. */
export const BOOK_NAME_KEY = 'unionbooks.book';

/** The names a book's database has: the first one, and each replacement's. */
export function isBookName(name: string): boolean {
  return name === DB_NAME || /^unionbooks@[0-9a-z]+$/.test(name);
}

let made = 0;
/**
 * The names this page gave to books it builds and has not named yet: none of them is deleted by this
 * page as a build cut short (book-directory.ts settleBooks), whether its building is still under way
 * or it waits to be named. Once named, a book is the book, or later one replaced like any other.
 */
const built = new Set<string>();

/** A name no database of this profile has had, for a book this page builds: the time and a count, in base 36. */
export function newBookName(now: number = Date.now()): string {
  const name = `${DB_NAME}@${now.toString(36)}${(made++).toString(36).padStart(3, '0')}`;
  built.add(name);
  return name;
}

/** Whether this page is building the book `name`, or built it and has not named it yet (book-directory.ts settleBooks leaves it alone). */
export function builtHere(name: string): boolean {
  return built.has(name);
}

/** The book `name` is named: no longer one this page is building. */
export function namedHere(name: string): void {
  built.delete(name);
}

/** The book's name as this page last knew it, without waiting; null where none is kept (or storage is refused). */
export function cachedBookName(): string | null {
  try {
    const name = globalThis.localStorage?.getItem(BOOK_NAME_KEY) ?? null;
    return name && isBookName(name) ? name : null;
  } catch {
    return null;
  }
}

/** Keeps the page's copy of the book's name; written only after the directory (book-directory.ts nameBook). */
export function cacheBookName(name: string): void {
  try {
    if (globalThis.localStorage?.getItem(BOOK_NAME_KEY) !== name) globalThis.localStorage?.setItem(BOOK_NAME_KEY, name);
  } catch {
    // The copy only saves a read; the directory still names the book.
  }
}
