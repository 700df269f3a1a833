import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { SCHEMA_V6, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';

describe('a book of version 6', () => {
  it('Dexie version 6 → 7 adds an empty history of handovers and leaves every row as it was', async () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-11', today: '2026-11-30' });
    const name = `upgrade-handovers-${process.pid}-${Math.random()}`;
    const v6 = new Dexie(name);
    v6.version(6).stores(SCHEMA_V6);
    await v6.open();
    await v6.table('members').bulkAdd(book.members);
    await v6.table('transactions').bulkAdd(book.transactions);
    v6.close();

    const db = new UnionBooksDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.handovers.count()).toBe(0);
    expect(db.handovers.schema.indexes.map((i) => i.name)).toEqual(['date']);
    expect(await db.members.orderBy('id').toArray()).toEqual([...book.members].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.transactions.count()).toBe(book.transactions.length);
    expect(await db.$changes.count()).toBe(0);
    db.close();
    await db.delete();
  });
});
