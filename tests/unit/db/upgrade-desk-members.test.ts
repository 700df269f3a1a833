import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import {
  SCHEMA_V1,
  SCHEMA_V10,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_VERSION,
} from '../../../renderer/src/db/schema';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';

describe('the members of 概览 on a book of an earlier version', () => {
  it('Dexie version 10 → 11 keeps what 概览 reads of every live member, removed members left out', async () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-11', today: '2026-11-30' });
    const last = book.members.length - 1;
    book.members[last] = { ...book.members[last]!, deleted: 1 };
    const name = `upgrade-desk-members-${process.pid}-${Math.random()}`;
    const v10 = new Dexie(name);
    const schemas = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10];
    schemas.forEach((schema, i) => v10.version(i + 1).stores(schema));
    await v10.open();
    await v10.table('members').bulkAdd(book.members);
    v10.close();

    const db = new UnionBooksDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const stored = await db.$deskMembers.orderBy('id').toArray();
    const live = book.members.filter((m) => m.deleted === 0).sort((a, b) => a.id.localeCompare(b.id));
    expect(stored.map((r) => r.id)).toEqual(live.map((m) => m.id));
    expect(stored[0]).toEqual({
      id: live[0]!.id,
      deleted: 0,
      name: live[0]!.name,
      department: live[0]!.department,
      joinDate: live[0]!.joinDate,
      status: live[0]!.status,
      duesExempt: live[0]!.duesExempt,
      duesExemptReason: live[0]!.duesExemptReason,
    });
    expect(await db.$changes.count()).toBe(0);
    db.close();
    await db.delete();
  });
});
