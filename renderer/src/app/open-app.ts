import type { BookDatabase } from '../db/book-database';
import { bookNameAtStart } from '../db/book-directory';
import { openBookDatabase } from '../db/current-database';
import { DexieStore } from '../db/dexie-store';
import { openMutator } from '../db/mutations';
import { readUnion } from '../features/union/queries';
import { readDeskCounts, type StartupCounts } from '../features/overview/figures';
import { detectPlatform } from '../platform';
import { addressedPage, databasesAsked, loadFirstScreen } from './first-screen-code';
import type { Services } from './services';
import { errorText } from '../../../shared/error-text';
import type { UnionProfile } from '../../../shared/model/records';
import { thisYear } from '../../../shared/clock/today';

/** The book as the app opens it: its services and the union read with them (the first screen is chosen from both). */
export interface OpenedBook {
  services: Services;
  union: UnionProfile | null;
  counts: { current: StartupCounts | undefined };
}

/** What the app starts with: the opened book, or why it could not be opened. */
export type AppStart = { opened: OpenedBook } | { error: string };

/**
 * Opens the book and reads what the first screen shows, and fetches that screen's code, before React
 * renders anything: until then the page's own loading screen (index.html) stays, so no render is spent
 * on a spinner that looks the same.
 */
export async function openApp(): Promise<AppStart> {
  let db: BookDatabase | null = null;
  try {
    // Opened only once the page has asked whether the book's database exists: opening creates it.
    const databases = await databasesAsked;
    const name = await bookNameAtStart(databases);
    const existed = databases ? databases.includes(name) : null;
    db = await openBookDatabase(name);
    // The union decides which first screen shows: read beside the device's own rows, not after
    // them and a render, so the first screen's own reads start one round trip earlier.
    // On 概览, its six figures too, so that the page's first render shows them
    // (features/overview/figures.ts); not in a database made just now, which holds no book.
    const year = thisYear();
    const [mutator, union, counts] = await Promise.all([
      openMutator(db),
      readUnion(db),
      existed !== false && addressedPage() === '/' ? readDeskCounts(db, year) : undefined,
    ]);
    // Its code too (fetched since the page started), so the first render is the screen itself.
    await loadFirstScreen(union !== null).catch(() => undefined);
    return {
      opened: {
        services: { db, mutator, store: new DexieStore(db, mutator), platform: detectPlatform() },
        union,
        // Read before the book had a union, they would be stale once it has one (the demo book loaded, say).
        counts: { current: union && counts ? { year, counts } : undefined },
      },
    };
  } catch (e) {
    db?.close();
    return { error: errorText(e) };
  }
}
