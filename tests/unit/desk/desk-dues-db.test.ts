import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { headlineCounts } from '../../../shared/desk/counts';
import { deskCountsOf, headlineCountIds, headlineFromCounts } from '../../../shared/desk/desk-counts';
import { duesFenOfYear, duesMonthsOf, type DuesMonthRow } from '../../../shared/desk/dues-months';
import { deskTodos } from '../../../shared/desk/todos';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { buildDuesIndex } from '../../../shared/dues/data';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { postDuesMonth, reverseDuesPayment } from '../../../shared/engine/ops/dues';
import { formatHlc } from '../../../shared/clock/hlc';
import { withDefaults } from '../../../shared/records/check';
import { encodeFields } from '../../../shared/sync/wire';
import type { Member } from '../../../shared/model/records';
import type { UnionBooksDB } from '../../../renderer/src/db/database';
import { exportBackup, restoreBackup } from '../../../renderer/src/features/backup/book-io';
import { replaceWholeBook } from '../../../renderer/src/features/backup/replace-book';
import { readDeskDues } from '../../../renderer/src/features/overview/desk-queries';
import { applyPulledRows } from '../../../renderer/src/features/sync/apply';
import { freshDb, TEST_TODAY } from '../db/helpers';

const YEAR = 2026;
const book = generateDemoBook({ ...SMALL_DEMO, years: 2, endMonth: '2026-11', today: TEST_TODAY });

/** The dues figures of 概览 from every payment in the table, as the page computed them before. */
async function fromPayments(db: UnionBooksDB) {
  const [members, memberships, wageBases, payments] = await Promise.all([
    db.members.toArray(),
    db.memberships.toArray(),
    db.wageBases.toArray(),
    db.duesPayments.toArray(),
  ]);
  const data = { members, memberships, wageBases, duesPayments: payments.filter((p) => p.month >= `${YEAR - 1}-01`) };
  const yearFen = payments.filter((p) => p.deleted === 0 && p.month.startsWith(`${YEAR}-`)).reduce((s, p) => s + p.amountFen, 0);
  return figures({ data, index: buildDuesIndex(data) }, yearFen, members);
}

/** The figures as 概览 now reads them: the dues data as the desk reads it, the year's dues from the stored months. */
async function fromMonths(db: UnionBooksDB) {
  return figures(await readDeskDues(db, YEAR, TEST_TODAY), duesFenOfYear(await db.$duesMonths.toArray(), YEAR), await db.members.toArray());
}

function figures(dues: Awaited<ReturnType<typeof readDeskDues>>, duesThisYearFen: number, members: Member[]) {
  return {
    todos: deskTodos({
      today: TEST_TODAY,
      rule: DEFAULT_DUES_RULE,
      booksStart: null,
      dues,
      finance: { transactions: [], openingBalances: [] },
      monthCloses: [],
      backup: { lastOn: TEST_TODAY, hasData: true },
    }),
    counts: headlineCounts({ members, duesThisYearFen, activities: [], welfareThisYear: 0, transactionsThisYear: 0 }, YEAR),
  };
}

/** The stored months hold what folding every payment from scratch gives (dates: never earlier). */
async function expectMonthsInStep(db: UnionBooksDB): Promise<void> {
  const stored = await db.$duesMonths.orderBy('id').toArray();
  const scratch = duesMonthsOf(await db.duesPayments.toArray());
  const byMember = (rows: DuesMonthRow[]) =>
    Object.fromEntries(rows.map((r) => [r.id, Object.fromEntries(r.memberIds.map((m, i) => [m, [r.netFen[i], r.rows[i]]]))]));
  expect(byMember(stored)).toEqual(byMember(scratch));
  for (const row of scratch) expect(stored.find((r) => r.id === row.id)!.latestPaidDate >= row.latestPaidDate).toBe(true);
}

/**
 * The stored counts hold what counting every row from scratch gives, and the six figures read from
 * them equal those counted from every row of the book.
 */
async function expectCountsInStep(db: UnionBooksDB): Promise<void> {
  const [members, activities, welfare, transactions, duesPayments] = await Promise.all([
    db.members.toArray(),
    db.activities.toArray(),
    db.welfare.toArray(),
    db.transactions.toArray(),
    db.duesPayments.toArray(),
  ]);
  expect(await db.$deskCounts.orderBy('id').toArray()).toEqual(deskCountsOf({ members, activities, welfare, transactions, duesPayments }));
  const inYear = (date: string) => date >= `${YEAR}-01-01` && date <= `${YEAR}-12-31`;
  const wholeBook = headlineCounts(
    {
      members,
      duesThisYearFen: duesPayments.filter((p) => p.deleted === 0 && p.month.startsWith(`${YEAR}-`)).reduce((s, p) => s + p.amountFen, 0),
      activities,
      welfareThisYear: welfare.filter((w) => w.deleted === 0 && inYear(w.date)).length,
      transactionsThisYear: transactions.filter((t) => t.deleted === 0 && inYear(t.date)).length,
    },
    YEAR,
  );
  expect(headlineFromCounts(await db.$deskCounts.bulkGet(headlineCountIds(YEAR)), YEAR)).toEqual(wholeBook);
}

async function expectSameFigures(db: UnionBooksDB) {
  await expectMonthsInStep(db);
  await expectCountsInStep(db);
  const expected = await fromPayments(db);
  expect(await fromMonths(db)).toEqual(expected);
  return expected;
}

/** A payment row as the server hands it out, written on another device. */
function pulledPayment(rowId: string, memberId: string, month: string) {
  const data: Record<string, unknown> = {
    ...withDefaults('duesPayments', {
      memberId,
      month,
      amountFen: 1234,
      paidDate: '2026-11-30',
      method: '现金',
      deleted: 0,
    }),
  };
  const hlc = formatHlc({ wallMs: Date.parse('2026-11-30T02:00:00Z'), counter: 1 }, 'other-device');
  return {
    table: 'duesPayments' as const,
    rowId,
    data: encodeFields(data),
    clocks: Object.fromEntries(Object.keys(data).map((k) => [k, hlc])),
    seq: 1,
  };
}

describe('概览 reads the payments as their months fold them', () => {
  it('keeps the folded months in step with every write, and the desk figures equal to those from every payment', async () => {
    const { db, mutator, store } = await freshDb();
    await mutator.replaceBook(book);
    const start = await expectSameFigures(db);
    expect(start.todos.map((t) => t.key)).toContain('dues-month');
    expect(await db.$duesMonths.count()).toBeGreaterThan(0);

    // 登记本月会费: December is no longer to do.
    const plan = await postDuesMonth(store, { month: '2026-12', paidDate: TEST_TODAY, rule: DEFAULT_DUES_RULE });
    expect(plan.posted).toBeGreaterThan(100);
    const posted = await expectSameFigures(db);
    expect(posted.todos.map((t) => t.key)).not.toContain('dues-month');
    expect(posted.counts.duesThisYearFen).toBeGreaterThan(start.counts.duesThisYearFen);

    // 红字冲销 of one member's December: that member is to do again.
    const payment = (await db.duesPayments.where('month').equals('2026-12').first())!;
    await reverseDuesPayment(store, { paymentId: payment.id, date: TEST_TODAY, reason: '重复登记' });
    const reversed = await expectSameFigures(db);
    expect(reversed.todos.find((t) => t.key === 'dues-month')?.reason).toContain('1 名会员');

    // A payment removed, one dated after today, one pulled from another device.
    const november = (await db.duesPayments.where('month').equals('2026-11').toArray()).filter((p) => p.deleted === 0);
    await mutator.remove('duesPayments', november[0]!.id);
    await mutator.update('duesPayments', november[1]!.id, { paidDate: '2026-12-20' });
    const owing = november[0]!.memberId;
    await applyPulledRows(db, [pulledPayment('pulled-payment-0001', owing, '2026-11')], 1);
    const after = await expectSameFigures(db);
    expect(after.todos).not.toEqual(reversed.todos);

    // Prepaid months written in several chunks of one insert, each folding what the one before wrote.
    const prepaid = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'].flatMap((month) =>
      book.members.map((m) => ({
        ...withDefaults('duesPayments', { memberId: m.id, month, amountFen: 500, paidDate: TEST_TODAY, method: '现金' as const }),
      })),
    );
    expect(prepaid.length).toBeGreaterThan(500);
    await mutator.insertMany('duesPayments', prepaid);
    await expectSameFigures(db);

    // Restored from its own backup into another device's database.
    const bytes = await exportBackup(db);
    const other = await freshDb();
    const { opened: restored } = await restoreBackup(other.db, other.mutator, bytes);
    expect(await expectSameFigures(restored.db)).toEqual(after);
    // And replaced by a book without payments: nothing folded is left.
    const emptied = await replaceWholeBook(restored.db, restored.mutator, { ...book, duesPayments: [] });
    expect(await emptied.db.$duesMonths.count()).toBe(0);
    await expectCountsInStep(emptied.db);
    expect(await emptied.db.$deskCounts.get(`duesPayments/${YEAR}`)).toBeUndefined();
    for (const open of [db, other.db, restored.db, emptied.db]) open.close();
  });

  it('re-reads the desk when a payment is written, and the six figures when a member joins', async () => {
    const { db, mutator, store } = await freshDb();
    await mutator.replaceBook(book);
    const seen: number[] = [];
    const subscription = liveQuery(() => readDeskDues(db, YEAR, TEST_TODAY)).subscribe((d) =>
      seen.push(d.data.duesPayments.filter((p) => p.month === '2026-12').length),
    );
    await expect.poll(() => seen.length).toBe(1);
    await postDuesMonth(store, { month: '2026-12', paidDate: TEST_TODAY, rule: DEFAULT_DUES_RULE });
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[1]).toBeGreaterThan(seen[0]!);
    subscription.unsubscribe();

    // The six figures re-read too when a member joins, from the counts the write kept.
    const members: number[] = [];
    const counts = liveQuery(async () => headlineFromCounts(await db.$deskCounts.bulkGet(headlineCountIds(YEAR)), YEAR)).subscribe((c) =>
      members.push(c.members),
    );
    await expect.poll(() => members.length).toBe(1);
    const { id: _id, updatedAt: _u, deviceId: _d, deleted: _x, ...copy } = book.members.find((m) => m.status === 'active')!;
    await mutator.insert('members', { ...copy, name: '新会员', idNumber: '' });
    await expect.poll(() => members.length).toBe(2);
    expect(members[1]).toBe(members[0]! + 1);
    counts.unsubscribe();
    db.close();
  });

  it('keeps the counts of members, activities, welfare and entries in step with every write to them', async () => {
    const { db, mutator } = await freshDb();
    await mutator.replaceBook(book);
    await expectCountsInStep(db);
    const figures = async () => headlineFromCounts(await db.$deskCounts.bulkGet(headlineCountIds(YEAR)), YEAR);
    const start = await figures();
    expect(start.members).toBeGreaterThan(100);
    expect(start.women).toBeGreaterThan(10);
    expect(start.transactionsThisYear).toBeGreaterThan(10);
    expect(start.welfareThisYear).toBeGreaterThan(2);
    expect(start.activitiesThisYear).toBeGreaterThan(2);

    // A woman joins; one member leaves, another changes gender, a third is removed.
    const [first, second, third] = book.members.filter((m) => m.deleted === 0 && m.status === 'active' && m.gender === '男');
    const { id: _id, updatedAt: _u, deviceId: _d, deleted: _x, ...copy } = first!;
    await mutator.insert('members', { ...copy, name: '新会员', idNumber: '', gender: '女' });
    await mutator.update('members', first!.id, { status: 'left' });
    await mutator.update('members', second!.id, { gender: '女' });
    await mutator.remove('members', third!.id);
    await expectCountsInStep(db);
    expect(await figures()).toMatchObject({ members: start.members - 1, women: start.women + 2 });

    // Entries, welfare and activities moved across the year's edge, removed, added again.
    for (const table of ['transactions', 'welfare', 'activities'] as const) {
      const field = table === 'activities' ? 'startDate' : 'date';
      const rows = ((await db.table(table).toArray()) as Record<string, string | number>[]).filter(
        (r) => r.deleted === 0 && String(r[field]).startsWith(`${YEAR}-`),
      );
      await mutator.update(table, String(rows[0]!.id), { [field]: `${YEAR - 1}-12-31` } as never);
      await mutator.remove(table, String(rows[1]!.id));
      const { id: _i, updatedAt: _a, deviceId: _b, deleted: _c, ...again } = rows[2]!;
      await mutator.insertMany(table, [again, again] as never);
    }
    await expectCountsInStep(db);
    const moved = await figures();
    expect(moved.transactionsThisYear).toBe(start.transactionsThisYear);
    expect(moved.welfareThisYear).toBe(start.welfareThisYear);
    expect(moved.activitiesThisYear).toBe(start.activitiesThisYear);

    // Rows pulled from another device, one of them a new payment of the year.
    await applyPulledRows(db, [pulledPayment('pulled-payment-0002', first!.id, `${YEAR}-06`)], 1);
    await expectCountsInStep(db);
    expect((await figures()).duesThisYearFen).toBe(start.duesThisYearFen + 1234);
    db.close();
  });
});
