import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../../shared/demo/generator';
import { buildYearGrid } from '../../../shared/dues/grid';
import { buildLedgerXlsx, ledgerTitle } from '../../../shared/dues/ledger-xlsx';
import { DEFAULT_DUES_RULE, describeDuesRule } from '../../../shared/dues/rule';
import { readWithOpenpyxl } from './openpyxl';

describe('会费台账 .xlsx', () => {
  it('opens in openpyxl with the title, headers, member totals, grand total and print setup', async () => {
    const book = generateDemoBook({ seed: 7, members: 30, years: 1, endMonth: '2025-12' });
    const grid = buildYearGrid(book, 2025, DEFAULT_DUES_RULE);
    const bytes = await buildLedgerXlsx(grid, {
      unionName: book.union[0]!.name,
      date: '2025-12-31',
      ruleText: describeDuesRule(DEFAULT_DUES_RULE),
    });
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'ledger.xlsx');
    writeFileSync(path, bytes);
    const sheet = readWithOpenpyxl(path);

    expect(sheet.rows[0]?.[0]).toBe(ledgerTitle(book.union[0]!.name, 2025));
    expect(sheet.rows[0]?.[0]).toBe('嘉禾市精工机械有限公司工会委员会2025年度会费收缴台账');
    expect(String(sheet.rows[1]?.[0])).toContain('嘉禾市精工机械有限公司工会委员会');
    expect(String(sheet.rows[1]?.[10])).toContain('2025年12月31日');
    const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
    expect(sheet.rows[2]).toEqual(['序号', '姓名', '部门', '会费基数', '月应缴', ...months, '全年合计', '备注']);

    const body = sheet.rows.slice(3, 3 + grid.rows.length);
    expect(body).toHaveLength(grid.rows.length);
    grid.rows.forEach((row, i) => {
      const line = body[i]!;
      expect(line[0]).toBe(i + 1);
      expect(line[1]).toBe(row.name);
      expect(Math.round(Number(line[17]) * 100)).toBe(row.totalFen);
      const monthSum = line.slice(5, 17).reduce<number>((s, v) => s + (typeof v === 'number' ? Math.round(v * 100) : 0), 0);
      expect(monthSum).toBe(row.totalFen);
    });
    const totals = sheet.rows[3 + grid.rows.length]!;
    expect(totals[0]).toBe('合计');
    expect(Math.round(Number(totals[17]) * 100)).toBe(grid.totalFen);
    const paymentsTotal = book.duesPayments.filter((p) => p.month.startsWith('2025')).reduce((s, p) => s + p.amountFen, 0);
    expect(grid.totalFen).toBe(paymentsTotal);

    expect(sheet.orientation).toBe('landscape');
    expect(sheet.paper).toBe(9);
    expect(sheet.titles).toBe('$1:$3');
    expect(sheet.freeze).toBe('D4');
  });

  it('marks exempt months and months outside membership', async () => {
    const book = generateDemoBook({ seed: 11, members: 60, years: 1, endMonth: '2025-12' });
    const grid = buildYearGrid(book, 2025, DEFAULT_DUES_RULE);
    const retiredRow = grid.rows.findIndex((r) => r.cells.some((c) => c.state === 'exempt'));
    const joinerRow = grid.rows.findIndex((r) => r.cells.some((c) => c.state === 'none'));
    expect(retiredRow).toBeGreaterThanOrEqual(0);
    expect(joinerRow).toBeGreaterThanOrEqual(0);
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'ledger.xlsx');
    writeFileSync(path, await buildLedgerXlsx(grid, { unionName: '测试工会', date: '2026-01-05' }));
    const sheet = readWithOpenpyxl(path);
    expect(sheet.rows[3 + retiredRow]!.slice(5, 17)).toContain('免');
    expect(sheet.rows[3 + joinerRow]!.slice(5, 17)).toContain('—');
  });
});
