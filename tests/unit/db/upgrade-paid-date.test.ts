import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { openBookDatabase } from '../../../renderer/src/db/current-database';
import { SCHEMA_HISTORY, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';

it('Dexie version 13 → 14 indexes the payments by the day they were paid, keeping every one', async () => {
  const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-11', today: '2026-11-30' });
  const name = `upgrade-paid-date-${process.pid}-${Math.random()}`;
  const earlier = new Dexie(name);
  SCHEMA_HISTORY.slice(0, 13).forEach((schema, i) => earlier.version(i + 1).stores(schema));
  await earlier.open();
  await earlier.table('duesPayments').bulkAdd(book.duesPayments);
  earlier.close();

  const db = await openBookDatabase(name);
  expect(db.verno).toBe(SCHEMA_VERSION);
  expect(await db.duesPayments.count()).toBe(book.duesPayments.length);
  const paid2025 = await db.duesPayments.where('paidDate').between('2025-01-01', '2025-12-31', true, true).primaryKeys();
  const expected = book.duesPayments.filter((p) => p.paidDate.startsWith('2025-')).map((p) => p.id);
  expect(expected.length).toBeGreaterThan(0);
  expect([...paid2025].sort()).toEqual([...expected].sort());
  db.close();
  await db.delete();
});
