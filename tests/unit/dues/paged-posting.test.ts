import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { NewRecord } from '../../../shared/book/changes';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { openMutator } from '../../../renderer/src/db/mutations';
import { planMonthPosting, type MonthPostingPlan } from '../../../shared/dues/posting';
import { duesMembersOf, type DuesMemberRow } from '../../../shared/dues/dues-members';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { MemoryStore } from '../../../shared/engine/memory-store';
import { POSTING_PAGE, postDuesMonth } from '../../../shared/engine/ops/dues';
import type { BookStore } from '../../../shared/engine/store';
import type { BookTables, TableName } from '../../../shared/model/book';
import { duesBook } from './fixture';
import { duesMonthId, duesMonthsOf, type DuesMonthRow } from '../../../shared/desk/dues-months';
import { deskCountsOf } from '../../../shared/desk/desk-counts';

const TODAY = '2026-12-01';
const OPTIONS = { month: '2025-03', paidDate: '2025-03-15', rule: DEFAULT_DUES_RULE };

/** More members than two pages of a posting, with every kind of member a page can hold. */
function bigBook(): BookTables {
  const f = duesBook();
  for (let i = 0; i < POSTING_PAGE * 2 + 321; i++) {
    const m = f.addMember(`会员${i}`, '车间', i % 97 === 0 ? { exempt: '长期病休' } : {});
    if (i % 89 !== 0) f.base(m.id, 2025, 4000 + (i % 50) * 100);
    if (i % 53 === 0) f.event(m.id, 'retire', '2025-01-10');
    if (i % 61 === 0) f.event(m.id, 'leave', '2025-02-10');
    if (i % 41 === 0)
      f.builder.insert('duesPayments', {
        memberId: m.id,
        month: '2025-03',
        amountFen: 2000,
        paidDate: '2025-03-02',
        method: '现金',
        receiptNumber: `R${i}`,
        reversalOf: '',
        batchId: `cash-${i}`,
      });
  }
  return f.book;
}

async function dexieBook(name: string, book: BookTables) {
  const db = new UnionBooksDB(`${name}-${Date.now()}-${Math.random()}`);
  await db.open();
  const mutator = await openMutator(db);
  await mutator.replaceBook(book);
  return { db, store: new DexieStore(db, mutator, () => TODAY) };
}

/** What a plan posts, independent of ids and order: member, amount. */
const posted = (payments: readonly Pick<NewRecord<'duesPayments'>, 'memberId' | 'amountFen'>[]) =>
  payments.map((p) => `${p.memberId}:${p.amountFen}`).sort();

const summary = (plan: MonthPostingPlan) => ({
  posted: plan.posted,
  skipped: plan.skipped,
  exempt: plan.exempt,
  totalFen: plan.totalFen,
  missingBase: [...plan.missingBase].sort(),
  payments: posted(plan.payments),
  entry: plan.transaction && { amountFen: plan.transaction.amountFen, summary: plan.transaction.summary },
});

/** A month row's members with their amounts and row counts, in member order (rows keep the order members were folded in). */
const byMember = (row: DuesMonthRow) => ({
  id: row.id,
  latestPaidDate: row.latestPaidDate,
  members: row.memberIds.map((id, i) => [id, row.netFen[i], row.rows[i]] as const).sort(([a], [b]) => (a < b ? -1 : 1)),
});

/** A store that fails its `n`th write to `table`, after the writes before it went through. */
function failingAt(store: BookStore, table: TableName, n: number): BookStore {
  let seen = 0;
  const failing = Object.create(store) as BookStore;
  failing.insert = (t, rows) => {
    if (t === table && ++seen === n) return Promise.reject(new Error(`第 ${n} 次写入失败`));
    return store.insert(t, rows);
  };
  return failing;
}

describe('登记本月会费 over a roster read a page at a time', () => {
  it('plans and writes what one plan over the whole roster gives, in both stores', async () => {
    const book = bigBook();
    const whole = planMonthPosting(book, { ...OPTIONS, batchId: 'whole' });
    // The book exercises every branch on more than one page.
    expect(whole.posted).toBeGreaterThan(POSTING_PAGE * 2);
    expect([whole.skipped > 0, whole.exempt > 0, whole.missingBase.length > 0]).toEqual([true, true, true]);

    const { db, store } = await dexieBook('paged-posting', book);
    const plan = await postDuesMonth(store, OPTIONS);
    expect(summary(plan)).toEqual(summary(whole));
    const written = (await db.duesPayments.where('batchId').equals(plan.batchId).toArray()).filter((p) => p.deleted === 0);
    expect(posted(written)).toEqual(posted(whole.payments));
    expect(await db.$changes.where('table').equals('duesPayments').count()).toBe(written.length);
    const entries = await db.transactions.where('duesBatchId').equals(plan.batchId).toArray();
    expect(entries.map((t) => t.amountFen)).toEqual([whole.totalFen]);
    // Posting again finds every page paid.
    const again = await postDuesMonth(store, { ...OPTIONS, paidDate: '2025-03-16' });
    expect([again.posted, again.skipped]).toEqual([0, whole.posted + whole.skipped]);
    db.close();
    await db.delete();

    const memoryBook = bigBook();
    const expected = summary(planMonthPosting(memoryBook, { ...OPTIONS, batchId: 'memory' }));
    const memory = new MemoryStore(memoryBook, { deviceId: 'memory', clock: new HybridLogicalClock('memory') }, () => TODAY);
    expect(summary(await postDuesMonth(memory, OPTIONS))).toEqual(expected);
  });

  it('reads of the roster only its dues rows, never the members, their events or the bases', async () => {
    const book = bigBook();
    const db = new UnionBooksDB(`paged-posting-slim-${Date.now()}-${Math.random()}`);
    const read: string[] = [];
    db.use({
      stack: 'dbcore',
      name: 'ReadsOfMembers',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          const noted = ['members', 'memberships', 'wageBases', '$deskMembers', '$duesMembers'].includes(name);
          return noted ? { ...table, query: (req) => (read.push(name), table.query(req)) } : table;
        },
      }),
    });
    await db.open();
    const mutator = await openMutator(db);
    await mutator.replaceBook(book);
    read.length = 0;
    const plan = await postDuesMonth(new DexieStore(db, mutator, () => TODAY), OPTIONS);
    expect(summary(plan)).toEqual(summary(planMonthPosting(book, { ...OPTIONS, batchId: 'whole' })));
    // Every page from the store of dues rows (the last one short), none from the roster, the events or the bases.
    expect(read).toEqual(['$duesMembers', '$duesMembers', '$duesMembers']);
    db.close();
    await db.delete();
  });

  it('writes each derived store once per posting, however many chunks its payments take, and they match the payments', async () => {
    const book = bigBook();
    const db = new UnionBooksDB(`paged-posting-derived-${Date.now()}-${Math.random()}`);
    // Every write request that reaches the database, by table: beneath the derived-store middleware (level 9).
    const writes = new Map<string, number>();
    db.use({
      stack: 'dbcore',
      name: 'WritesByTable',
      level: 9,
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return { ...table, mutate: (req) => (writes.set(name, (writes.get(name) ?? 0) + 1), table.mutate(req)) };
        },
      }),
    });
    await db.open();
    const mutator = await openMutator(db);
    await mutator.replaceBook(book);
    writes.clear();
    const plan = await postDuesMonth(new DexieStore(db, mutator, () => TODAY), OPTIONS);
    // The payments go in many chunks (each with its outbox rows) ...
    expect(writes.get('duesPayments')).toBeGreaterThan(4);
    expect(writes.get('$changes')).toBe((writes.get('duesPayments') ?? 0) + 1);
    // ... but each derived store's rows are written once, at the end, not rewritten after every chunk.
    expect([writes.get('$duesMonths'), writes.get('$deskCounts'), writes.get('$deskEntries')]).toEqual([1, 1, 1]);
    const payments = await db.duesPayments.toArray();
    expect(payments.filter((p) => p.batchId === plan.batchId && p.deleted === 0)).toHaveLength(plan.posted);
    // The stores hold what they would if built again from every payment and entry.
    expect((await db.$duesMonths.orderBy('id').toArray()).map(byMember)).toEqual(duesMonthsOf(payments).map(byMember));
    const counts = deskCountsOf({ ...book, duesPayments: payments, transactions: await db.transactions.toArray() });
    expect(await db.$deskCounts.orderBy('id').toArray()).toEqual([...counts].sort((a, b) => (a.id < b.id ? -1 : 1)));
    db.close();
    await db.delete();
  });

  it('reads in a posting what it wrote before, from the derived stores too, before they are written', async () => {
    const { db, store } = await dexieBook('paged-posting-pending', bigBook());
    const member = (await store.duesMemberRows('', 1))[0]?.member;
    const row = duesMonthId('2025-04', member!.id);
    const seen = await store.transaction(['duesPayments'], async () =>
      store.derivingOnce(async () => {
        await store.insert('duesPayments', [
          {
            memberId: member!.id,
            month: '2025-04',
            amountFen: 1234,
            paidDate: '2025-04-15',
            method: '现金',
            receiptNumber: 'R-1',
            reversalOf: '',
            batchId: 'b',
          },
        ]);
        return db.$duesMonths.get(row);
      }),
    );
    expect(seen?.memberIds).toContain(member!.id);
    expect(seen?.netFen[seen.memberIds.indexOf(member!.id)]).toBe(1234);
    expect(await db.$duesMonths.get(row)).toEqual(seen);
    db.close();
    await db.delete();
  });

  it('gives the same dues rows from either store, and from the tables inside a transaction without the dues store', async () => {
    const book = bigBook();
    const { db, store } = await dexieBook('paged-posting-members', book);
    const memory = new MemoryStore(bigBook(), { deviceId: 'memory', clock: new HybridLogicalClock('memory') }, () => TODAY);
    const live = book.members.filter((m) => m.deleted === 0).sort((a, b) => (a.id < b.id ? -1 : 1));
    const after = live[10]!.id;
    const rows = await store.duesMemberRows(after, 50);
    expect(rows.map((r) => r.id)).toEqual(live.slice(11, 61).map((m) => m.id));
    expect(rows).toEqual(
      duesMembersOf(book.members, book.memberships, book.wageBases)
        .filter((r) => r.id > after)
        .slice(0, 50),
    );
    expect(Object.keys(rows[0]!.member!).sort()).toEqual([
      'deleted',
      'department',
      'duesExempt',
      'duesExemptReason',
      'id',
      'joinDate',
      'name',
      'status',
    ]);
    const all = await store.duesMemberRows('', live.length + 1);
    expect([all.some((r) => r.events.length > 0), all.some((r) => r.bases.length > 0)]).toEqual([true, true]);
    expect(Object.keys(all.find((r) => r.events.length > 0)!.events[0]!).sort()).toEqual(['date', 'id', 'kind', 'updatedAt']);
    expect(Object.keys(all.find((r) => r.bases.length > 0)!.bases[0]!).sort()).toEqual(['baseFen', 'id', 'updatedAt', 'year']);
    expect(await db.transaction('r', [db.members, db.memberships, db.wageBases], () => store.duesMemberRows(after, 50))).toEqual(rows);
    // The memory book is built alike but with its own ids: compare what planning reads, not the ids.
    const planned = (rows: readonly DuesMemberRow[]) =>
      rows
        .map((r) => {
          const { id: _id, ...m } = r.member!;
          // Ids made in the same millisecond may order either way: compare the events and bases as sets.
          return JSON.stringify([
            m,
            r.events.map((e) => `${e.date}:${e.kind}`).sort(),
            r.bases.map((b) => `${b.year}:${b.baseFen}`).sort(),
          ]);
        })
        .sort();
    expect(planned(await memory.duesMemberRows('', live.length + 1))).toEqual(planned(all));
    db.close();
    await db.delete();
  });

  for (const [what, table, n] of [
    ['the last page of payments', 'duesPayments', 3],
    ['the 401 entry after every page', 'transactions', 1],
  ] as const) {
    it(`leaves nothing written when ${what} fails`, async () => {
      const { db, store } = await dexieBook('paged-posting-fails', bigBook());
      const before = {
        payments: await db.duesPayments.count(),
        changes: await db.$changes.count(),
        months: await db.$duesMonths.toArray(),
        entries: await db.transactions.count(),
      };
      await expect(postDuesMonth(failingAt(store, table, n), OPTIONS)).rejects.toThrow(`第 ${n} 次写入失败`);
      expect({
        payments: await db.duesPayments.count(),
        changes: await db.$changes.count(),
        months: await db.$duesMonths.toArray(),
        entries: await db.transactions.count(),
      }).toEqual(before);
      db.close();
      await db.delete();
    });
  }
});
