import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newUnionProfile } from '../../../shared/book/new-union';
import { openMutator } from '../../../renderer/src/db/mutations';
import { freshDb } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

describe('a book written while the PC clock ran ahead', () => {
  it('still opens, and takes new writes, once the clock is set right', async () => {
    const now = Date.UTC(2025, 5, 1, 8);
    const { db, mutator } = await freshDb(() => now + 40 * DAY);
    const union = await mutator.insert('union', newUnionProfile({ name: '林场工会' }));

    const reopened = await openMutator(db, () => now);
    await reopened.update('union', union.id, { chair: '李四' });
    expect((await db.union.get(union.id))?.chair).toBe('李四');
    expect(await db.$changes.count()).toBe(2);
    // The edit made after the clock was set right is still the later write, so it wins every merge.
    const [first, second] = await db.$changes.orderBy('changeId').toArray();
    expect(second!.hlc > first!.hlc).toBe(true);
  });
});
