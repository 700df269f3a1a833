import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bookNameAtStart, DIRECTORY_NAME, nameBook, readDirectory, settleBooks } from '../../../renderer/src/db/book-directory';
import { BOOK_NAME_KEY, cachedBookName, isBookName, newBookName } from '../../../renderer/src/db/book-name';
import { CurrentBookDB } from '../../../renderer/src/db/current-database';
import { buildBookDatabase } from '../../../renderer/src/db/new-book';
import { DB_NAME } from '../../../renderer/src/db/schema';

/** localStorage as a page has it. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** A book's name as an earlier start of the app gave it (this page's own names are never deleted by it). */
function earlierName(): string {
  return `unionbooks@${Math.random()
    .toString(36)
    .slice(2, 12)
    .replace(/[^0-9a-z]/g, '0')}`;
}

async function makeBook(name: string): Promise<void> {
  const db = new CurrentBookDB(name);
  await db.open();
  await db.$sync.put({ key: 'deviceId', value: name });
  db.close();
}

async function bookNames(): Promise<string[]> {
  return (await Dexie.getDatabaseNames()).filter(isBookName).sort();
}

describe('which database holds the book', () => {
  beforeEach(async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('names each replacement anew, and only the app’s names count as books', () => {
    const names = new Set(Array.from({ length: 50 }, () => newBookName(1_700_000_000_000)));
    expect(names.size).toBe(50);
    for (const name of names) expect(isBookName(name)).toBe(true);
    expect(isBookName(DB_NAME)).toBe(true);
    for (const other of [DIRECTORY_NAME, 'test-1', 'unionbooks@', 'unionbooks@ABC', 'unionbooks-x']) expect(isBookName(other)).toBe(false);
  });

  it('opens the first book until a replacement is named, then the named one, from the page’s copy without reading the directory', async () => {
    expect(await bookNameAtStart([])).toBe(DB_NAME);
    expect(await bookNameAtStart([DB_NAME])).toBe(DB_NAME);
    const next = earlierName();
    await makeBook(next);
    // Built but not named: not the book.
    expect(await bookNameAtStart([DB_NAME, next])).toBe(DB_NAME);
    await nameBook(next);
    expect(await readDirectory()).toBe(next);
    expect(cachedBookName()).toBe(next);
    const listed = await Dexie.getDatabaseNames();
    expect(await bookNameAtStart(listed)).toBe(next);
    // The copy lost (storage cleared in part, another browser profile's copy): the directory is read.
    localStorage.removeItem(BOOK_NAME_KEY);
    expect(await bookNameAtStart(listed)).toBe(next);
    // A copy naming a database the profile no longer holds is not followed.
    localStorage.setItem(BOOK_NAME_KEY, earlierName());
    expect(await bookNameAtStart(listed)).toBe(next);
    // Where the browser cannot list its databases, the copy is trusted and the directory read without it.
    localStorage.setItem(BOOK_NAME_KEY, next);
    expect(await bookNameAtStart(null)).toBe(next);
    localStorage.clear();
    expect(await bookNameAtStart(null)).toBe(next);
  });

  it('once the first screen shows, deletes the replaced book and any build that was never named, and nothing else', async () => {
    await makeBook(DB_NAME);
    const replacement = earlierName();
    const unfinished = earlierName();
    await makeBook(replacement);
    await makeBook(unfinished);
    await makeBook('test-other-app-database');
    await nameBook(replacement);
    const settled = await settleBooks(replacement);
    expect(settled).toEqual({ current: replacement, deleted: expect.arrayContaining([DB_NAME, unfinished]) });
    expect(settled.deleted).toHaveLength(2);
    expect(await bookNames()).toEqual([replacement]);
    expect(await Dexie.getDatabaseNames()).toEqual(expect.arrayContaining([DIRECTORY_NAME, 'test-other-app-database']));
  });

  it('before any replacement, keeps the first book and deletes only builds cut short', async () => {
    await makeBook(DB_NAME);
    const unfinished = earlierName();
    await makeBook(unfinished);
    expect(await settleBooks(DB_NAME)).toEqual({ current: DB_NAME, deleted: [unfinished] });
    expect(await bookNames()).toEqual([DB_NAME]);
  });

  it('a page that opened a stale copy is told to open again, and deletes nothing', async () => {
    await makeBook(DB_NAME);
    const replacement = earlierName();
    await makeBook(replacement);
    await nameBook(replacement);
    localStorage.setItem(BOOK_NAME_KEY, DB_NAME);
    expect(await settleBooks(DB_NAME)).toEqual({ current: replacement, deleted: [] });
    expect(await bookNames()).toEqual([DB_NAME, replacement].sort());
    expect(cachedBookName()).toBe(replacement);
  });

  it('a copy that outlived the directory names the book again, so the book it names is never deleted', async () => {
    const replacement = earlierName();
    await makeBook(DB_NAME);
    await makeBook(replacement);
    localStorage.setItem(BOOK_NAME_KEY, replacement);
    expect(await settleBooks(replacement)).toEqual({ current: replacement, deleted: [DB_NAME] });
    expect(await readDirectory()).toBe(replacement);
    expect(await bookNames()).toEqual([replacement]);
  });

  it('never deletes a book this page is building, though nothing names it yet', async () => {
    await makeBook(DB_NAME);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const building = buildBookDatabase(async (add) => {
      await add('members', []);
      await held;
    });
    await expect.poll(async () => (await bookNames()).length).toBe(2);
    expect(await settleBooks(DB_NAME)).toEqual({ current: DB_NAME, deleted: [] });
    release();
    const db = await building;
    expect(await bookNames()).toEqual([DB_NAME, db.name].sort());
    db.close();
  });

  it('deletes a book this page built once another has replaced it', async () => {
    await makeBook(DB_NAME);
    const first = await buildBookDatabase(async (add) => add('members', []));
    await nameBook(first.name);
    first.close();
    const second = await buildBookDatabase(async (add) => add('members', []));
    await nameBook(second.name);
    expect(await settleBooks(second.name)).toEqual({ current: second.name, deleted: expect.arrayContaining([DB_NAME, first.name]) });
    expect(await bookNames()).toEqual([second.name]);
    second.close();
  });
});
