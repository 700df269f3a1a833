import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { receiveAllocation } from '../../../shared/engine/ops/allocation';
import { postEntry, reverseEntry, transferMoney } from '../../../shared/engine/ops/entries';
import { openBooks } from '../../../shared/engine/ops/periods';
import { createUnion } from '../../../shared/engine/ops/union';
import { journalOfYear } from '../../../shared/finance/journal';
import { journalXlsx } from '../../../shared/finance/journal-xlsx';
import { placeJournal } from '../../../shared/finance/place-journal';
import { memoryStore } from '../engine/fixture';
import { readSheets } from './openpyxl';

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

  it('the exported journals (read by openpyxl) have the same lines: 提现 and 存现 in both, the 拨缴 receipt in full', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'place-journal-')), 'journal.xlsx');
    writeFileSync(path, await journalXlsx(await book(), { unionName: '测试工会委员会' }));
    const [, cash, bank] = readSheets(path);
    const lines = (rows: (string | number | null)[][]) =>
      rows.filter((r) => typeof r[1] === 'string' && r[1].startsWith('记-')).map((r) => [r[0], r[5], r[6], r[7], r[8]]);
    expect(lines(cash!.rows)).toEqual([
      ['2026-01-05', '银行存款→库存现金', 1000, null, 1500],
      ['2026-01-10', '库存现金', null, 300, 1200],
      ['2026-02-03', '库存现金→银行存款', null, 400, 800],
      ['2026-02-10', '库存现金', null, 200, 600],
      ['2026-02-15', '库存现金', null, -300, 900],
    ]);
    expect(lines(bank!.rows)).toEqual([
      ['2026-01-05', '银行存款→库存现金', null, 1000, 9000],
      ['2026-01-20', '银行存款', 5000, null, 14000],
      ['2026-02-03', '库存现金→银行存款', 400, null, 14400],
    ]);
    expect(
      cash!.rows
        .filter((r) => r[2] === '本年累计')
        .at(-1)
        ?.slice(6),
    ).toEqual([1000, 600, 900]);
  });
});
