import 'fake-indexeddb/auto';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';

let counter = 0;

/** The day unit tests run on: fixed, so a test's dates are never "in the future" by accident of the calendar. */
export const TEST_TODAY = '2026-12-01';

/** A fresh, uniquely named database on fake-indexeddb, with its mutator and the book engine's store over it. */
export async function freshDb(
  wallClock?: () => number,
  today: string = TEST_TODAY,
): Promise<{ db: UnionBooksDB; mutator: Mutator; store: DexieStore }> {
  const db = new UnionBooksDB(`test-${process.pid}-${++counter}-${Math.random()}`);
  const mutator = await openMutator(db, wallClock);
  return { db, mutator, store: new DexieStore(db, mutator, () => today) };
}
