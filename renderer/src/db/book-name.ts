import { DB_NAME } from './schema';

// Without Dexie: the page's first module asks which databases the profile holds before anything else runs.

/** The page's copy of the directory's book (book-directory.ts), in localStorage. */
export const BOOK_NAME_KEY = 'unionbooks.book';

/** The names a book's database has: the first one, and each replacement's. */
export function isBookName(name: string): boolean {
  return name === DB_NAME || /^unionbooks@[0-9a-z]+$/.test(name);
}

let made = 0;
/** A name no database of this profile has had: the time and a count, in base 36. */
export function newBookName(now: number = Date.now()): string {
  return `${DB_NAME}@${now.toString(36)}${(made++).toString(36).padStart(3, '0')}`;
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
