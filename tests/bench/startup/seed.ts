// Puts a demo book into the profile's IndexedDB before the app is measured. Built apart from the
// app, so none of the app's own scripts is cached by the seeding. Query parameters: members,
// years, transactions, photos, end (the last month with dues and entries; default this month),
// write=one (the book in one transaction, for comparison, instead of as the app replaces a book).
import { todayIso } from '../../../shared/clock/today';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator } from '../../../renderer/src/db/mutations';
import { nameBook } from '../../../renderer/src/db/book-directory';
import { replaceWholeBook } from '../../../renderer/src/features/backup/replace-book';
import Dexie from 'dexie';
import { rememberFirstScreen } from '../../../renderer/src/app/first-screen-shown';

async function seed(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const number = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
  const today = todayIso();
  const db = new UnionBooksDB();
  await db.open();
  const mutator = await openMutator(db);
  const book = generateDemoBook({
    ...SMALL_DEMO,
    members: number('members') ?? SMALL_DEMO.members,
    years: number('years') ?? SMALL_DEMO.years,
    transactions: number('transactions'),
    photos: number('photos'),
    endMonth: params.get('end') ?? today.slice(0, 7),
    today,
  });
  const started = performance.now();
  if (params.get('write') === 'one') {
    // The raw way, for comparison only: the whole book in one transaction.
    await mutator.replaceBook(book);
    db.close();
  } else {
    // As the app replaces a book (a restore, the demo book): built in a database of its own, in small steps, then named.
    const built = await replaceWholeBook(db, mutator, book);
    await nameBook(built.db.name);
    built.db.close();
    db.close();
    await Dexie.delete(db.name);
  }
  document.body.dataset.writtenMs = String(performance.now() - started);
  // As the app leaves a profile that has shown the book: its next start fetches the book's pages at once.
  rememberFirstScreen('book');
}

seed().then(
  () => (document.title = 'seeded'),
  (e: unknown) => (document.title = `failed: ${e instanceof Error ? e.message : String(e)}`),
);
