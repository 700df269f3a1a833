import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../../shared/demo/generator';
import { emptyMemberDraft } from '../../../shared/members/fields';
import { REPLACING, replaceWholeBookWith } from '../../../renderer/src/features/backup/replace-book';
import { freshDb } from './helpers';

const member = (name: string) => ({ ...emptyMemberDraft(), name, joinDate: '2020-01-01' });

/** A book on this computer, and a replacement whose building waits until `release` is called. */
async function replacementUnderWay(fails = false) {
  const computer = await freshDb();
  await computer.mutator.replaceBook(generateDemoBook({ seed: 8, members: 6, years: 1, endMonth: '2025-06' }));
  const members = await computer.db.members.count();
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let started: () => void = () => undefined;
  const building = new Promise<void>((resolve) => (started = resolve));
  const replacing = replaceWholeBookWith(computer.db, computer.mutator, async (add) => {
    await add('members', []);
    started();
    await held;
    if (fails) throw new Error('磁盘已满');
  });
  replacing.catch(() => undefined);
  await building;
  return { computer, members, release, replacing };
}

describe('writes while the book is being replaced', () => {
  it('are refused with a message, not left behind in the old book, and the new book takes writes', async () => {
    const { computer, members, release, replacing } = await replacementUnderWay();
    await expect(computer.mutator.insert('members', member('替换中录入'))).rejects.toThrow(REPLACING);
    await expect(computer.store.transaction(['members'], async () => undefined)).rejects.toThrow(REPLACING);
    expect(await computer.db.members.count()).toBe(members);
    release();
    const opened = await replacing;
    // The old book stays closed to writes; the new one is written through its own writer.
    await expect(computer.mutator.insert('members', member('旧账簿'))).rejects.toThrow(REPLACING);
    await opened.mutator.insert('members', member('新账簿'));
    expect((await opened.db.members.toArray()).map((m) => m.name)).toEqual(['新账簿']);
  });

  it('are taken again once a replacement has failed', async () => {
    const { computer, members, release, replacing } = await replacementUnderWay(true);
    await expect(computer.mutator.insert('members', member('替换中录入'))).rejects.toThrow(REPLACING);
    release();
    await expect(replacing).rejects.toThrow('磁盘已满');
    await computer.mutator.insert('members', member('失败后录入'));
    expect(await computer.db.members.count()).toBe(members + 1);
  });
});
