import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { countGrew, waitingToSend } from '../../../renderer/src/features/sync/auto';
import { emptyMemberDraft } from '../../../shared/members/fields';
import { freshDb } from '../db/helpers';

describe('what the automatic sync watches to learn of a local write', () => {
  it('counts the changes waiting to be sent on an enrolled device', async () => {
    const { db, mutator } = await freshDb();
    await mutator.insert('members', { ...emptyMemberDraft(), name: '王芳', idType: '其他', idNumber: 'X1' });
    await mutator.insert('members', { ...emptyMemberDraft(), name: '李强', idType: '其他', idNumber: 'X2' });
    const waiting = await db.$changes.where('synced').equals(0).count();
    expect(waiting).toBeGreaterThanOrEqual(2);
    expect(await waitingToSend(db, true)).toBe(waiting);
  });

  it('reads nothing on a device that is not enrolled, however many changes wait', async () => {
    const { db, mutator } = await freshDb();
    await mutator.insert('members', { ...emptyMemberDraft(), name: '王芳', idType: '其他', idNumber: 'X1' });
    const where = vi.spyOn(db.$changes, 'where');
    const count = vi.spyOn(db.$changes, 'count');
    expect(await waitingToSend(db, false)).toBeNull();
    expect(where).not.toHaveBeenCalled();
    expect(count).not.toHaveBeenCalled();
  });

  it('takes only a count that grew from the one before as a write', () => {
    expect(countGrew(3, 4)).toBe(true);
    // A round marked changes sent.
    expect(countGrew(4, 1)).toBe(false);
    expect(countGrew(4, 4)).toBe(false);
    // The first count after start or enrolment is a starting point, not a write.
    expect(countGrew(null, 120)).toBe(false);
    // Not enrolled (any more): nothing counted.
    expect(countGrew(5, null)).toBe(false);
  });
});
