import { describe, expect, it } from 'vitest';
import { leavesPlace, pickDirty } from '../../../renderer/src/components/unsaved/leave-rule';

describe('when leaving asks about unsaved work', () => {
  it('another page or another view of the page leaves; the same place does not', () => {
    expect(leavesPlace({ pathname: '/members', search: '' }, { pathname: '/dues', search: '' })).toBe(true);
    expect(leavesPlace({ pathname: '/settings', search: '?tab=profile' }, { pathname: '/settings', search: '?tab=dues' })).toBe(true);
    expect(leavesPlace({ pathname: '/members', search: '' }, { pathname: '/members', search: '' })).toBe(false);
  });

  it('picks a dirty place, preferring one that can save, and none when nothing changed', () => {
    const clean = { isDirty: () => false, save: async () => true };
    const dirtyNoSave = { isDirty: () => true };
    const dirtySave = { isDirty: () => true, save: async () => true };
    expect(pickDirty([clean])).toBeNull();
    expect(pickDirty([clean, dirtyNoSave, dirtySave])).toBe(dirtySave);
    expect(pickDirty([dirtyNoSave, clean])).toBe(dirtyNoSave);
  });
});
