import { isBookName } from '../db/book-name';
import { moduleLoader } from './module-loader';
import { PAGE_CODE, pagePathOf, type PagePath } from './page-code';
import { shownFirstScreen } from './first-screen-shown';

// Each first screen is a chunk of its own, so the start-up code holds only what both need: the
// first run never loads the pages of a book, nor 概览 the first-run form.
export const loadFirstRun = moduleLoader(() => import('../features/firstrun/FirstRunPage'));
export const loadShell = moduleLoader(() => import('./Shell'));

/** The page the address names as the app starts (its hash route; 概览 when there is none). */
export function addressedPage(): PagePath {
  return pagePathOf(window.location.hash.replace(/^#/, '') || '/');
}

/** The code of the first screen: the first-run form before the book has a union, else the shell and the page the address names. */
export function loadFirstScreen(book: boolean): Promise<unknown> {
  return book ? Promise.all([loadShell(), PAGE_CODE[addressedPage()]()]) : loadFirstRun();
}

/** The names of this browser profile's databases; null where the browser cannot list them. */
async function databaseNames(): Promise<string[] | null> {
  if (typeof indexedDB.databases !== 'function') return null;
  const databases = await indexedDB.databases().catch(() => null);
  return databases ? databases.map((d) => d.name ?? '') : null;
}

/**
 * Asked as the page's code starts, before anything renders, and before the database is opened
 * (which creates it): the app opens the database once this has settled.
 */
export const databasesAsked: Promise<string[] | null> = databaseNames();

/**
 * Fetches the code of the screen that will likely show while the rest of start-up runs (its
 * evaluation, the database opening), not after it: the screen this profile
 * showed last, the first run in a new one. The import starts here, before the start-up chunk is
 * evaluated, and fetches the screen's chunks all at once. Once the browser says whether the book's
 * database exists, a wrong guess is corrected: a profile without it is a first run; otherwise (or
 * where the browser cannot tell) the book's pages are the likelier. Only a guess either way: what
 * shows is decided by the book itself.
 */
const guessedBook = shownFirstScreen() === 'book';
void loadFirstScreen(guessedBook).catch(() => undefined);
void databasesAsked
  .then((names) => (names === null || names.some(isBookName)) !== guessedBook && loadFirstScreen(!guessedBook))
  .catch(() => undefined);
