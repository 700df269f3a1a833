import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { receiveAllocation } from '../../../shared/engine/ops/allocation';
import { postEntry } from '../../../shared/engine/ops/entries';
import { openBooks } from '../../../shared/engine/ops/periods';
import { createUnion } from '../../../shared/engine/ops/union';
import { computeStatement } from '../../../shared/finance/statement';
import { statementRows } from '../../../shared/finance/statement-lines';
import { statementXlsx } from '../../../shared/finance/statement-xlsx';
import { memoryStore } from '../engine/fixture';
import { handBook } from './fixture';
import { readSheets, rowOf } from './openpyxl';

const opts = { unionName: '测试工会委员会', chair: '张主席', treasurer: '李会计', madeOn: '2026-12-01' };

/** 1,000.00 cash and 20,000.00 bank at the start of 2026; a full 拨缴 of 10,000.00 (60 % kept); a 专项 of 3,000.00, 1,200.00 spent. */
async function owingBook() {
  const store = memoryStore();
  await createUnion(store, { name: '测试工会委员会', employeeCount: 20, womenEmployeeCount: 8 });
  await openBooks(store, { month: '2026-01', cashFen: 100_000, bankFen: 2_000_000 });
  await receiveAllocation(store, { date: '2026-03-10', place: 'bank', amountFen: 1_000_000 });
  await postEntry(store, {
    date: '2026-04-01',
    place: 'bank',
    accountCode: '40302',
    amountFen: 300_000,
    summary: '专项',
    purpose: '职工书屋',
  });
  await postEntry(store, {
    date: '2026-04-09',
    place: 'bank',
    accountCode: '50304',
    amountFen: 120_000,
    summary: '购书',
    purpose: '职工书屋',
  });
  return store.book;
}

describe('收入支出表 lines shared by the screen and the .xlsx', () => {
  it('with money owed upward: 期末结余 says so and 含应付上级经费 follows the bank line', async () => {
    const rows = statementRows(computeStatement(await owingBook(), { year: 2026 }));
    const line = (label: string) => rows.filter((r) => r.label === label).map((r) => r.amountFen);
    // Income 6,000.00 (share) + 3,000.00; spending 1,200.00; closing 21,000 + 10,000 + 3,000 − 1,200.
    expect(line('一、收入合计')).toEqual([900_000]);
    expect(line('三、本期结余')).toEqual([780_000]);
    expect(line('五、期末结余')).toEqual([3_280_000]);
    expect(line('含应付上级经费')).toEqual([400_000]);
    const tail = rows.slice(-4).map((r) => [r.label, r.explain, r.indent, r.hang]);
    expect(tail).toEqual([
      ['五、期末结余', '（期初结余 + 本期结余 + 应付上级经费增减）', 0, false],
      ['其中：库存现金', '', 1, false],
      ['银行存款', '', 1, true],
      ['含应付上级经费', '', 1, true],
    ]);
  });

  it('without money owed upward there is no 含应付上级经费 line', () => {
    const rows = statementRows(computeStatement(handBook(), { year: 2025 }));
    expect(rows.some((r) => r.label === '含应付上级经费')).toBe(false);
    expect(rows.find((r) => r.label === '五、期末结余')?.explain).toBe('（期初结余 + 本期结余）');
  });

  it('the .xlsx has the same lines and the 专项 notes (read back by openpyxl)', async () => {
    const s = computeStatement(await owingBook(), { year: 2026 });
    const path = join(mkdtempSync(join(tmpdir(), 'statement-lines-')), 's.xlsx');
    writeFileSync(path, await statementXlsx(s, opts));
    const [ws] = readSheets(path);
    if (!ws) throw new Error('no sheet');
    for (const r of statementRows(s).filter((x) => x.code !== '')) expect(rowOf(ws, r.label).slice(1)).toEqual([r.code, r.amountFen / 100]);
    expect(rowOf(ws, '五、期末结余（期初结余 + 本期结余 + 应付上级经费增减）')[2]).toBe(32_800);
    expect(rowOf(ws, '含应付上级经费')[2]).toBe(4_000);
    expect(rowOf(ws, '附注：专项补助收支情况')).toBeTruthy();
    expect(rowOf(ws, '“职工书屋”专项：收到 3,000.00 元，已支出 1,200.00 元，结余 1,800.00 元')).toBeTruthy();
  });
});
