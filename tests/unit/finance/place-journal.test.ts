import { describe, expect, it } from 'vitest';
import { receiveAllocation } from '../../../shared/engine/ops/allocation';
import { postEntry, reverseEntry, transferMoney } from '../../../shared/engine/ops/entries';
import { openBooks } from '../../../shared/engine/ops/periods';
import { createUnion } from '../../../shared/engine/ops/union';
import { journalOfYear } from '../../../shared/finance/journal';
import { placeJournal } from '../../../shared/finance/place-journal';
import { memoryStore } from '../engine/fixture';

/**
 * Books opened in January 2026 with 500.00 in cash and 10,000.00 in the bank, then:
 * 01-05 提现 1,000.00 (bank → cash), 01-10 cash 50105 300.00, 01-20 bank 拨缴 full 5,000.00 (60 % kept),
 * 02-03 存现 400.00 (cash → bank), 02-10 cash 50102 200.00, 02-15 reversal of the 01-10 spending.
 */
async function book() {
  const store = memoryStore();
  await createUnion(store, { name: '测试工会委员会', employeeCount: 20, womenEmployeeCount: 8 });
  await openBooks(store, { month: '2026-01', cashFen: 50_000, bankFen: 1_000_000 });
  await transferMoney(store, { date: '2026-01-05', from: 'bank', amountFen: 100_000 });
  const gifts = await postEntry(store, { date: '2026-01-10', place: 'cash', accountCode: '50105', amountFen: 30_000, summary: '生日蛋糕' });
  await receiveAllocation(store, { date: '2026-01-20', place: 'bank', amountFen: 500_000 });
  await transferMoney(store, { date: '2026-02-03', from: 'cash', amountFen: 40_000 });
  await postEntry(store, { date: '2026-02-10', place: 'cash', accountCode: '50102', amountFen: 20_000, summary: '球赛' });
  await reverseEntry(store, gifts.id, '2026-02-15', '重复报销');
  return journalOfYear(store.book, 2026);
}

describe('库存现金日记账 and 银行存款日记账', () => {
  it('the cash journal has every cash movement, 提现 and 存现 included, with the cash balance only', async () => {
    const cash = placeJournal(await book(), 'cash');
    expect(cash.openingFen).toBe(50_000);
    expect(cash.rows.map((r) => [r.row.transaction.date, r.inFen, r.outFen, r.balanceFen])).toEqual([
      ['2026-01-05', 100_000, 0, 150_000], // 提现 arrives in the cash box
      ['2026-01-10', 0, 30_000, 120_000],
      ['2026-02-03', 0, 40_000, 80_000], // 存现 leaves it
      ['2026-02-10', 0, 20_000, 60_000],
      ['2026-02-15', 0, -30_000, 90_000], // 红字 in the column of what it reverses
    ]);
    expect([cash.inFen, cash.outFen, cash.closingFen]).toEqual([100_000, 60_000, 90_000]);
    expect(cash.months.map((m) => [m.month, m.inFen, m.outFen, m.yearInFen, m.yearOutFen, m.balanceFen])).toEqual([
      ['2026-01', 100_000, 30_000, 100_000, 30_000, 120_000],
      ['2026-02', 0, 30_000, 100_000, 60_000, 90_000],
    ]);
  });

  it('the bank journal shows the whole 拨缴 receipt as money in (owed upward or not) and its own balance', async () => {
    const journal = await book();
    const bank = placeJournal(journal, 'bank');
    expect(bank.rows.map((r) => [r.row.transaction.date, r.inFen, r.outFen, r.balanceFen])).toEqual([
      ['2026-01-05', 0, 100_000, 900_000],
      ['2026-01-20', 500_000, 0, 1_400_000],
      ['2026-02-03', 40_000, 0, 1_440_000],
    ]);
    // Both journals end where the combined journal's two balances end.
    expect(bank.closingFen).toBe(journal.closing.bankFen);
    expect(placeJournal(journal, 'cash').closingFen).toBe(journal.closing.cashFen);
  });

  it('a year without entries for a place has no lines and closes at its opening', async () => {
    const store = memoryStore();
    await createUnion(store, { name: '测试工会委员会', employeeCount: 20, womenEmployeeCount: 8 });
    await openBooks(store, { month: '2026-01', cashFen: 12_300, bankFen: 0 });
    const cash = placeJournal(journalOfYear(store.book, 2026), 'cash');
    expect([cash.rows.length, cash.months.length, cash.closingFen]).toEqual([0, 0, 12_300]);
  });
});
