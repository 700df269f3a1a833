import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/clock/hlc';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { decodeDuesMember, duesMembersOf, type DuesMemberRow } from '../../../shared/dues/dues-members';
import { withDefaults } from '../../../shared/records/check';
import { encodeFields } from '../../../shared/sync/wire';
import type { UnionBooksDB } from '../../../renderer/src/db/database';
import { clearBook, exportBackup, restoreBackup } from '../../../renderer/src/features/backup/book-io';
import { replaceWholeBook } from '../../../renderer/src/features/backup/replace-book';
import { applyPulledRows } from '../../../renderer/src/features/sync/apply';
import { freshDb, TEST_TODAY } from '../db/helpers';

const book = generateDemoBook({ ...SMALL_DEMO, years: 2, endMonth: '2026-11', today: TEST_TODAY });

/** The stored rows are what the members, their events and bases give when built again from scratch. */
async function expectRowsInStep(db: UnionBooksDB): Promise<void> {
  const [members, memberships, wageBases] = await Promise.all([db.members.toArray(), db.memberships.toArray(), db.wageBases.toArray()]);
  expect((await db.$duesMembers.orderBy('id').toArray()).map(decodeDuesMember)).toEqual(duesMembersOf(members, memberships, wageBases));
}

/** One member's row as the store holds it, read back. */
async function rowOf(db: UnionBooksDB, id: string): Promise<DuesMemberRow | undefined> {
  const stored = await db.$duesMembers.get(id);
  return stored && decodeDuesMember(stored);
}

/** An event as the server hands it out, written on another device. */
function pulledEvent(rowId: string, memberId: string) {
  const data: Record<string, unknown> = {
    ...withDefaults('memberships', { memberId, kind: 'retire', date: '2026-11-03', deleted: 0 }),
  };
  const hlc = formatHlc({ wallMs: Date.parse('2026-11-30T02:00:00Z'), counter: 1 }, 'other-device');
  return {
    table: 'memberships' as const,
    rowId,
    data: encodeFields(data),
    clocks: Object.fromEntries(Object.keys(data).map((k) => [k, hlc])),
    seq: 1,
  };
}

describe('each member’s dues row (what a posting reads)', () => {
  it('stays in step with every write to the members, their events and their bases, whichever path writes', async () => {
    const { db, mutator } = await freshDb();
    await mutator.replaceBook(book);
    await expectRowsInStep(db);
    expect(book.memberships.length > 0 && book.wageBases.length > 0).toBe(true);

    const [first, second, third] = (await db.members.toArray()).filter((m) => m.deleted === 0);
    // Events: one added, one moved to another member, one removed; bases: one added, one changed, one removed.
    const [added] = await mutator.insertMany('memberships', [
      withDefaults('memberships', { memberId: first!.id, kind: 'retire', date: '2026-10-01' }),
    ]);
    await mutator.update('memberships', added!.id, { memberId: second!.id });
    await mutator.remove('memberships', book.memberships[0]!.id);
    const [base] = await mutator.insertMany('wageBases', [{ memberId: third!.id, year: 2027, baseFen: 612_300 }]);
    await mutator.update('wageBases', base!.id, { baseFen: 700_000 });
    await mutator.remove('wageBases', book.wageBases[0]!.id);
    // Members: one edited, one removed (its events and bases stay in its row, the member does not).
    await mutator.update('members', first!.id, { status: 'retired' });
    await mutator.remove('members', third!.id);
    await applyPulledRows(db, [pulledEvent('pulled-event-0001', first!.id)], 1);
    await expectRowsInStep(db);
    expect((await rowOf(db, second!.id))?.events.map((e) => e.id)).toContain(added!.id);
    expect((await rowOf(db, first!.id))?.events.map((e) => e.id)).toContain('pulled-event-0001');
    const removed = await rowOf(db, third!.id);
    expect([removed?.member, removed?.bases.find((b) => b.year === 2027)?.baseFen]).toEqual([null, 700_000]);

    // Restored from its own backup into another device's database, replaced by a book without members, cleared.
    const other = await freshDb();
    const { opened: restored } = await restoreBackup(other.db, other.mutator, await exportBackup(db));
    await expectRowsInStep(restored.db);
    const withoutMembers = await replaceWholeBook(restored.db, restored.mutator, {
      ...book,
      members: [],
      memberships: [],
      wageBases: [],
    });
    expect(await withoutMembers.db.$duesMembers.count()).toBe(0);
    const cleared = await clearBook(db, mutator);
    expect(await cleared.db.$duesMembers.count()).toBe(0);
    for (const open of [db, other.db, restored.db, withoutMembers.db, cleared.db]) open.close();
  });
});
