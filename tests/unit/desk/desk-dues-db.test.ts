import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { headlineCounts } from '../../../shared/desk/counts';
import { duesFenOfYear, duesMonthsOf, type DuesMonthRow } from '../../../shared/desk/dues-months';
import { deskTodos } from '../../../shared/desk/todos';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { buildDuesIndex } from '../../../shared/dues/data';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { postDuesMonth, reverseDuesPayment } from '../../../shared/engine/ops/dues';
import { formatHlc } from '../../../shared/clock/hlc';
import { withDefaults } from '../../../shared/records/check';
import { encodeFields } from '../../../shared/sync/wire';
import type { UnionBooksDB } from '../../../renderer/src/db/database';
import { exportBackup, restoreBackup } from '../../../renderer/src/features/backup/book-io';
import { replaceWholeBook } from '../../../renderer/src/features/backup/replace-book';
import { liveCountBetween, readDeskDues } from '../../../renderer/src/features/overview/desk-queries';
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
  return figures({ data, index: buildDuesIndex(data) }, yearFen);
}

/** The figures as 概览 now reads them: the dues data as the desk reads it, the year's dues from the stored months. */
async function fromMonths(db: UnionBooksDB) {
  return figures(await readDeskDues(db, YEAR, TEST_TODAY), duesFenOfYear(await db.$duesMonths.toArray(), YEAR));
}

function figures(dues: Awaited<ReturnType<typeof readDeskDues>>, duesThisYearFen: number) {
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
    counts: headlineCounts(
      { members: dues.data.members, duesThisYearFen, activities: [], welfareThisYear: 0, transactionsThisYear: 0 },
      YEAR,
    ),
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

async function expectSameFigures(db: UnionBooksDB) {
  await expectMonthsInStep(db);
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
    await replaceWholeBook(db, mutator, book);
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
    await restoreBackup(other.db, other.mutator, bytes);
    expect(await expectSameFigures(other.db)).toEqual(after);
    // And replaced by an empty book: nothing folded is left.
    await replaceWholeBook(other.db, other.mutator, { ...book, duesPayments: [] });
    expect(await other.db.$duesMonths.count()).toBe(0);
    db.close();
    other.db.close();
  });

  it('re-reads the desk when a payment is written', async () => {
    const { db, mutator, store } = await freshDb();
    await replaceWholeBook(db, mutator, book);
    const seen: number[] = [];
    const subscription = liveQuery(() => readDeskDues(db, YEAR, TEST_TODAY)).subscribe((d) =>
      seen.push(d.data.duesPayments.filter((p) => p.month === '2026-12').length),
    );
    await expect.poll(() => seen.length).toBe(1);
    await postDuesMonth(store, { month: '2026-12', paidDate: TEST_TODAY, rule: DEFAULT_DUES_RULE });
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[1]).toBeGreaterThan(seen[0]!);
    subscription.unsubscribe();
    db.close();
  });

  it("counts the year's live welfare rows and entries without reading them, deleted ones left out", async () => {
    const { db, mutator } = await freshDb();
    await replaceWholeBook(db, mutator, book);
    const from = `${YEAR}-01-01`;
    const to = `${YEAR}-12-31`;
    for (const table of ['welfare', 'transactions'] as const) {
      const rows = (await db.table(table).toArray()) as { id: string; date: string; deleted: number }[];
      const inYear = rows.filter((r) => r.date >= from && r.date <= to && r.deleted === 0);
      expect(inYear.length).toBeGreaterThan(2);
      await db.table(table).update(inYear[0]!.id, { deleted: 1 });
      await db.table(table).update(rows.find((r) => r.date < from)!.id, { deleted: 1 });
      expect(await liveCountBetween(db, table, 'date', from, to)).toBe(inYear.length - 1);
    }
    db.close();
  });
});
