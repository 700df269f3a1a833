import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/clock/hlc';
import { deskMembersOf } from '../../../shared/desk/desk-members';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { buildDuesIndex } from '../../../shared/dues/data';
import { withDefaults } from '../../../shared/records/check';
import { encodeFields } from '../../../shared/sync/wire';
import type { UnionBooksDB } from '../../../renderer/src/db/database';
import { clearBook, exportBackup, restoreBackup } from '../../../renderer/src/features/backup/book-io';
import { replaceWholeBook } from '../../../renderer/src/features/backup/replace-book';
import { deskOf, readDeskBook, readDeskDues } from '../../../renderer/src/features/overview/desk-queries';
import { applyPulledRows } from '../../../renderer/src/features/sync/apply';
import { freshDb, TEST_TODAY } from '../db/helpers';

const YEAR = 2026;
const book = generateDemoBook({ ...SMALL_DEMO, years: 2, endMonth: '2026-11', today: TEST_TODAY });

/** The stored rows hold what the whole roster gives, and none of a member's other fields. */
async function expectMembersInStep(db: UnionBooksDB): Promise<void> {
  const stored = await db.$deskMembers.orderBy('id').toArray();
  const roster = await db.members.orderBy('id').toArray();
  expect(stored).toEqual(deskMembersOf(roster));
  for (const row of stored) expect(Object.keys(row).sort()).not.toContain('idNumber');
}

/** 概览 as the page reads it (what it keeps of each member) and from the whole roster. */
async function expectSameDesk(db: UnionBooksDB) {
  await expectMembersInStep(db);
  const read = await readDeskDues(db, YEAR, TEST_TODAY);
  const data = { ...read.data, members: await db.members.toArray() };
  const bookRead = await readDeskBook(db, YEAR);
  const desk = deskOf(TEST_TODAY, read, bookRead);
  expect(desk).toEqual(deskOf(TEST_TODAY, { data, index: buildDuesIndex(data) }, bookRead));
  return desk;
}

/** A member as the server hands it out, written on another device. */
function pulledMember(rowId: string) {
  const data: Record<string, unknown> = {
    ...withDefaults('members', { name: '另一台电脑录的会员', gender: '女', joinDate: '2026-11-02', status: 'active', deleted: 0 }),
  };
  const hlc = formatHlc({ wallMs: Date.parse('2026-11-30T02:00:00Z'), counter: 1 }, 'other-device');
  return {
    table: 'members' as const,
    rowId,
    data: encodeFields(data),
    clocks: Object.fromEntries(Object.keys(data).map((k) => [k, hlc])),
    seq: 1,
  };
}

describe('概览 reads what it needs of each member, not the roster', () => {
  it('keeps the rows in step with every write to the members, and the desk equal to the one from the whole roster', async () => {
    const { db, mutator } = await freshDb();
    await mutator.replaceBook(book);
    const start = await expectSameDesk(db);
    expect(await db.$deskMembers.count()).toBe(book.members.filter((m) => m.deleted === 0).length);
    expect(start.flow.length).toBeGreaterThan(0);

    // Members imported, one retired, one exempted, one renamed, one removed, one pulled from another device.
    const added = await mutator.insertMany(
      'members',
      ['新会员甲', '新会员乙'].map((name) => withDefaults('members', { name, gender: '男', joinDate: '2026-11-20', status: 'active' })),
    );
    const [first, second, third, fourth] = (await db.members.toArray()).filter((m) => m.deleted === 0 && m.status === 'active');
    await mutator.update('members', first!.id, { status: 'retired' });
    await mutator.update('members', second!.id, { duesExempt: true, duesExemptReason: '困难职工' });
    await mutator.update('members', third!.id, { name: '改过名的会员', phone: '13800000000' });
    await mutator.remove('members', fourth!.id);
    await mutator.remove('members', added[1]!.id);
    await applyPulledRows(db, [pulledMember('pulled-member-0001')], 1);
    const edited = await expectSameDesk(db);
    expect(edited.flow).not.toEqual(start.flow);
    expect(await db.$deskMembers.get(fourth!.id)).toBeUndefined();
    expect((await db.$deskMembers.get(second!.id))?.duesExempt).toBe(true);
    expect(await db.$deskMembers.get('pulled-member-0001')).toBeDefined();

    // Restored from its own backup into another device's database, replaced by a book without members, cleared.
    const other = await freshDb();
    const { opened: restored } = await restoreBackup(other.db, other.mutator, await exportBackup(db));
    expect(await expectSameDesk(restored.db)).toEqual(edited);
    const withoutMembers = await replaceWholeBook(restored.db, restored.mutator, { ...book, members: [] });
    expect(await withoutMembers.db.$deskMembers.count()).toBe(0);
    await expectSameDesk(withoutMembers.db);
    const cleared = await clearBook(db, mutator);
    expect(await cleared.db.$deskMembers.count()).toBe(0);
    for (const open of [db, other.db, restored.db, withoutMembers.db, cleared.db]) open.close();
  });
});
