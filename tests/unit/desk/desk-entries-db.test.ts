import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/clock/hlc';
import { entryMonthsOf, type DeskEntryMonthRow } from '../../../shared/desk/desk-entries';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { postDuesMonth, reverseDuesPayment } from '../../../shared/engine/ops/dues';
import { withDefaults } from '../../../shared/records/check';
import { encodeFields } from '../../../shared/sync/wire';
import type { UnionBooksDB } from '../../../renderer/src/db/database';
import { exportBackup, restoreBackup } from '../../../renderer/src/features/backup/book-io';
import { replaceWholeBook } from '../../../renderer/src/features/backup/replace-book';
import { deskOf, readDeskBook, readDeskDues } from '../../../renderer/src/features/overview/desk-queries';
import { applyPulledRows } from '../../../renderer/src/features/sync/apply';
import { freshDb, TEST_TODAY } from '../db/helpers';
import { deskPast } from '../../../shared/desk/desk-book';

const YEAR = 2026;
const book = generateDemoBook({ ...SMALL_DEMO, years: 2, endMonth: '2026-11', today: TEST_TODAY });

/** The stored months hold what folding every entry from scratch gives (groups in any order). */
async function expectMonthsInStep(db: UnionBooksDB): Promise<void> {
  const byGroup = (rows: DeskEntryMonthRow[]) =>
    Object.fromEntries(
      rows.map((r) => [r.id, Object.fromEntries(r.groups.map((g, i) => [g, [r.amountFen[i], r.payableFen[i], r.rows[i]]]))]),
    );
  expect(byGroup(await db.$deskEntries.orderBy('id').toArray())).toEqual(byGroup(entryMonthsOf(await db.transactions.toArray())));
}

/** 概览 as the page reads it (entries as their months fold them) and from every entry of the book. */
async function expectSameDesk(db: UnionBooksDB) {
  await expectMonthsInStep(db);
  const dues = await readDeskDues(db, YEAR, TEST_TODAY);
  const read = await readDeskBook(db, YEAR);
  const all = await db.transactions.toArray();
  const from = `${YEAR}-01-01`;
  const past = deskPast(
    all.filter((t) => t.date < from),
    read.openingBalances,
    YEAR,
  );
  const fromYear = all.filter((t) => t.date >= from);
  const wholeBook = deskOf(TEST_TODAY, dues, { ...read, past, transactions: fromYear });
  const desk = deskOf(TEST_TODAY, dues, read);
  expect(desk).toEqual(wholeBook);
  return desk;
}

/** An entry as the server hands it out, written on another device. */
function pulledEntry(rowId: string) {
  const data: Record<string, unknown> = {
    ...withDefaults('transactions', {
      date: '2026-11-20',
      place: 'cash',
      accountCode: '50101',
      amountFen: 4321,
      summary: '另一台电脑记的支出',
      voucherNumber: '记-999',
      deleted: 0,
    }),
  };
  const hlc = formatHlc({ wallMs: Date.parse('2026-11-30T02:00:00Z'), counter: 1 }, 'other-device');
  return {
    table: 'transactions' as const,
    rowId,
    data: encodeFields(data),
    clocks: Object.fromEntries(Object.keys(data).map((k) => [k, hlc])),
    seq: 1,
  };
}

describe('概览 reads the entries as their months fold them', () => {
  it('keeps the folded months in step with every write, and the desk equal to the one from every entry', async () => {
    const { db, mutator, store } = await freshDb();
    await mutator.replaceBook(book);
    const start = await expectSameDesk(db);
    expect(start.budgets.length).toBeGreaterThan(0);
    expect(await db.$deskEntries.count()).toBeGreaterThan(12);

    // 登记本月会费 and a 红字冲销: a 401 entry and its negative.
    await postDuesMonth(store, { month: '2026-12', paidDate: TEST_TODAY, rule: DEFAULT_DUES_RULE });
    const posted = await expectSameDesk(db);
    expect(posted.balances).not.toEqual(start.balances);
    const payment = (await db.duesPayments.where('month').equals('2026-12').first())!;
    await reverseDuesPayment(store, { paymentId: payment.id, date: TEST_TODAY, reason: '重复登记' });
    await expectSameDesk(db);

    // An entry moved into another month and changed, one removed, one pulled from another device.
    const entries = (await db.transactions.where('date').between('2026-10-01', '2026-10-31', true, true).toArray()).filter(
      (t) => t.deleted === 0 && t.accountCode.startsWith('5'),
    );
    expect(entries.length).toBeGreaterThan(1);
    await mutator.update('transactions', entries[0]!.id, { date: '2026-09-15', amountFen: entries[0]!.amountFen + 100 });
    await mutator.remove('transactions', entries[1]!.id);
    await applyPulledRows(db, [pulledEntry('pulled-entry-0001')], 1);
    const edited = await expectSameDesk(db);
    expect(edited.months).not.toEqual(posted.months);

    // Restored from its own backup into another device's database, then replaced by a book without entries.
    const other = await freshDb();
    const { opened: restored } = await restoreBackup(other.db, other.mutator, await exportBackup(db));
    expect(await expectSameDesk(restored.db)).toEqual(edited);
    const withoutEntries = await replaceWholeBook(restored.db, restored.mutator, { ...book, transactions: [] });
    expect(await withoutEntries.db.$deskEntries.count()).toBe(0);
    await expectSameDesk(withoutEntries.db);
    for (const open of [db, other.db, restored.db, withoutEntries.db]) open.close();
  });
});
