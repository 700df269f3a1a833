import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { freshDb } from './helpers';

const cacheOf = (db: UnionBooksDB) => (db as unknown as { _options: { cache?: string } })._options.cache;

describe('live queries after a large write', () => {
  it('get the rows as read, without Dexie copying every row again', () => {
    expect(cacheOf(new UnionBooksDB(`live-${Math.random()}`))).toBe('disabled');
    expect(cacheOf(new UnionBooksDB(`live-${Math.random()}`, { autoOpen: true }))).toBe('disabled');
  });

  it('still re-run once a write has committed, and may sort what they get in place', async () => {
    const { db, mutator } = await freshDb();
    const seen: string[][] = [];
    const subscription = liveQuery(() => db.wageBases.toArray()).subscribe((rows) => {
      rows.sort((a, b) => b.memberId.localeCompare(a.memberId));
      seen.push(rows.map((r) => r.memberId));
    });
    await expect.poll(() => seen.length).toBe(1);
    await mutator.insertMany('wageBases', [
      { memberId: 'a', year: 2026, baseFen: 500_000 },
      { memberId: 'b', year: 2026, baseFen: 600_000 },
    ]);
    await expect.poll(() => seen.at(-1)).toEqual(['b', 'a']);
    expect((await db.wageBases.orderBy('memberId').toArray()).map((r) => r.memberId)).toEqual(['a', 'b']);
    subscription.unsubscribe();
    db.close();
  });
});
