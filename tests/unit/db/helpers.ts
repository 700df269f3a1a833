import 'fake-indexeddb/auto';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';

let counter = 0;

/** A fresh, uniquely named database on fake-indexeddb, with its mutator. */
export async function freshDb(wallClock?: () => number): Promise<{ db: UnionBooksDB; mutator: Mutator }> {
  const db = new UnionBooksDB(`test-${process.pid}-${++counter}-${Math.random()}`);
  const mutator = await openMutator(db, wallClock);
  return { db, mutator };
}
