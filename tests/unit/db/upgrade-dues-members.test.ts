import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { SCHEMA_HISTORY, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { openMutator } from '../../../renderer/src/db/mutations';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { decodeDuesMember, duesMembersOf, encodeDuesMember } from '../../../shared/dues/dues-members';
import { planMonthPosting } from '../../../shared/dues/posting';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { postDuesMonth } from '../../../shared/engine/ops/dues';

type Book = ReturnType<typeof generateDemoBook>;

/** A database left at `version` holding the book's members, events, bases and payments, and `extra` rows per table. */
async function earlierBook(version: number, book: Book, extra: Record<string, unknown[]> = {}): Promise<UnionBooksDB> {
  const name = `upgrade-dues-members-${version}-${process.pid}-${Math.random()}`;
  const earlier = new Dexie(name);
  SCHEMA_HISTORY.slice(0, version).forEach((schema, i) => earlier.version(i + 1).stores(schema));
  await earlier.open();
  const tables = {
    members: book.members,
    memberships: book.memberships,
    wageBases: book.wageBases,
    duesPayments: book.duesPayments,
    ...extra,
  };
  await Promise.all(Object.entries(tables).map(([table, rows]) => earlier.table(table).bulkAdd(rows)));
  earlier.close();
  const db = new UnionBooksDB(name);
  await db.open();
  expect(db.verno).toBe(SCHEMA_VERSION);
  return db;
}

/** A posting on the upgraded book plans what one plan over the whole book gives. */
async function expectPostingAsWhole(db: UnionBooksDB, book: Book): Promise<void> {
  const options = { month: '2026-12', paidDate: '2026-12-15', rule: DEFAULT_DUES_RULE };
  const whole = planMonthPosting(book, { ...options, batchId: 'whole' });
  const plan = await postDuesMonth(new DexieStore(db, await openMutator(db), () => '2026-12-31'), options);
  expect([plan.posted, plan.exempt, plan.skipped, plan.totalFen]).toEqual([whole.posted, whole.exempt, whole.skipped, whole.totalFen]);
  expect(plan.posted).toBeGreaterThan(0);
  db.close();
  await db.delete();
}

describe('the members’ dues rows on a book of an earlier version', () => {
  it('Dexie version 11 → 13 builds each member’s row from the members, their events and bases, and a posting reads them', async () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-11', today: '2026-11-30' });
    // A removed member, a removed event and a removed base: none of them counts.
    const last = book.members.length - 1;
    book.members[last] = { ...book.members[last]!, deleted: 1 };
    book.memberships[0] = { ...book.memberships[0]!, deleted: 1 };
    book.wageBases[0] = { ...book.wageBases[0]!, deleted: 1 };
    expect(book.memberships.length > 1 && book.wageBases.length > 1).toBe(true);
    const db = await earlierBook(11, book);
    const stored = (await db.$duesMembers.orderBy('id').toArray()).map(decodeDuesMember);
    expect(stored).toEqual(duesMembersOf(book.members, book.memberships, book.wageBases));
    const removed = stored.find((r) => r.id === book.members[last]!.id);
    expect(removed?.member ?? null).toBe(null);
    expect(stored.flatMap((r) => r.events.map((e) => e.id))).not.toContain(book.memberships[0]!.id);
    expect(stored.flatMap((r) => r.bases.map((b) => b.id))).not.toContain(book.wageBases[0]!.id);
    expect(await db.$changes.count()).toBe(0);

    await expectPostingAsWhole(db, book);
  });

  it('Dexie version 12 → 13 keeps each row, in its stored form, and a posting on the upgraded book plans the same', async () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-11', today: '2026-11-30' });
    const rows = duesMembersOf(book.members, book.memberships, book.wageBases);
    // What version 12 kept: the rows as objects.
    const db = await earlierBook(12, book, { $duesMembers: rows });
    expect(await db.$duesMembers.orderBy('id').toArray()).toEqual(rows.map(encodeDuesMember));
    await expectPostingAsWhole(db, book);
  });
});
