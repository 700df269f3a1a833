import 'fake-indexeddb/auto';
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { deskCountsStore } from '../../../renderer/src/db/desk-counts';
import { derivedStoreMiddleware, type DerivedStore } from '../../../renderer/src/db/derived-stores';
import { duesMonthsStore } from '../../../renderer/src/db/dues-months';
import { SCHEMA_V9 } from '../../../renderer/src/db/schema';
import { deskCountsOf } from '../../../shared/desk/desk-counts';
import { duesMonthsOf } from '../../../shared/desk/dues-months';
import { withDefaults } from '../../../shared/records/check';
import type { DuesPayment } from '../../../shared/model/records';

/** Counts the reads of the payments that reach the database, beneath every other middleware. */
function countingReads(): { middleware: Middleware<DBCore>; reads: () => number } {
  let reads = 0;
  return {
    reads: () => reads,
    middleware: {
      stack: 'dbcore',
      name: 'CountReads',
      level: 9,
      create(down) {
        // The layer below keeps its schema and transactions; only the payments' reads are counted.
        const core = Object.create(down) as DBCore;
        core.table = (name) => {
          const table = down.table(name);
          if (name !== 'duesPayments') return table;
          return {
            ...table,
            getMany: (req) => {
              reads++;
              return table.getMany(req);
            },
            query: (req) => {
              reads++;
              return table.query(req);
            },
          };
        };
        return core;
      },
    },
  };
}

function payment(id: string, month: string, amountFen: number): DuesPayment {
  return {
    ...withDefaults('duesPayments', { memberId: 'm1', month, amountFen, paidDate: `${month}-15`, method: '现金' as const }),
    id,
    updatedAt: '0',
    deviceId: 'd',
    deleted: 0,
  } as DuesPayment;
}

/** A database with the given middlewares; writes one payment, then changes it, and says how often the payments were read. */
async function readsOfAnEdit(use: (db: Dexie) => void) {
  const db = new Dexie(`derived-${process.pid}-${Math.random()}`);
  db.version(9).stores(SCHEMA_V9);
  const counter = countingReads();
  db.use(counter.middleware);
  use(db);
  await db.open();
  await db.table('duesPayments').add(payment('p1', '2026-03', 500));
  const before = counter.reads();
  await db.table('duesPayments').put(payment('p1', '2026-04', 700));
  const reads = counter.reads() - before;
  const payments = (await db.table('duesPayments').toArray()) as DuesPayment[];
  expect(await db.table('$duesMonths').orderBy('id').toArray()).toEqual(duesMonthsOf(payments));
  const counted = await db.table('$deskCounts').orderBy('id').toArray();
  db.close();
  await db.delete();
  return { reads, counted, payments };
}

describe('the derived-store middleware', () => {
  it('reads a written row once however many stores follow its table, and gives each store its change', async () => {
    const one = await readsOfAnEdit((db) => db.use(derivedStoreMiddleware([duesMonthsStore])));
    const both = await readsOfAnEdit((db) => db.use(derivedStoreMiddleware([duesMonthsStore, deskCountsStore])));
    expect(one.reads).toBeGreaterThan(0);
    expect(both.reads).toBe(one.reads);
    expect(both.counted).toEqual(deskCountsOf({ members: [], activities: [], welfare: [], transactions: [], duesPayments: both.payments }));
    expect(both.counted).toEqual([{ id: 'duesPayments/2026', n: 700 }]);
    // One middleware per store reads the row once per store.
    const apart = await readsOfAnEdit((db) => {
      for (const store of [duesMonthsStore, deskCountsStore] as DerivedStore[]) db.use(derivedStoreMiddleware([store]));
    });
    expect(apart.reads).toBe(2 * one.reads);
  });
});
