import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalOfYear } from '../../../shared/finance/journal';
import { journalXlsx } from '../../../shared/finance/journal-xlsx';
import { computeStatement } from '../../../shared/finance/statement';
import { statementXlsx } from '../../../shared/finance/statement-xlsx';
import { handBook } from './fixture';
import { readSheets, rowOf } from './openpyxl';

const dir = mkdtempSync(join(tmpdir(), 'finance-xlsx-'));
const opts = { unionName: '测试工会委员会', chair: '张主席', treasurer: '李会计', madeOn: '2026-01-05' };

async function write(name: string, bytes: Promise<Uint8Array>): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await bytes);
  return path;
}

describe('收入支出表 .xlsx read back by openpyxl', () => {
  it('year 2025: lines, totals, surplus and balances as computed by hand; A4 portrait', async () => {
    const path = await write('year.xlsx', statementXlsx(computeStatement(handBook(), { year: 2025 }), opts));
    const [ws] = readSheets(path);
    if (!ws) throw new Error('no sheet');
    expect(ws.title).toBe('收入支出表');
    expect(ws.rows[0]?.[0]).toBe('收入支出表');
    expect(ws.rows[1]).toContain('编制单位：测试工会委员会');
    expect(ws.rows[1]).toContain('2025年度');
    expect(ws.rows[2]).toEqual(['项目', '科目编码', '本年数']);
    expect(rowOf(ws, '一、收入合计')[2]).toBe(1600);
    expect(rowOf(ws, '会费收入').slice(1)).toEqual(['401', 600]);
    expect(rowOf(ws, '一般性补助收入').slice(1)).toEqual(['40301', 1000]);
    expect(rowOf(ws, '二、支出合计')[2]).toBe(900);
    expect(rowOf(ws, '职工活动支出')[2]).toBe(100);
    expect(rowOf(ws, '培训支出').slice(1)).toEqual(['50501', 800]);
    expect(rowOf(ws, '三、本期结余（收入合计 − 支出合计）')[2]).toBe(700);
    expect(rowOf(ws, '四、期初结余')[2]).toBe(14000);
    expect(rowOf(ws, '五、期末结余（期初结余 + 本期结余）')[2]).toBe(14700);
    // The sum of top-level income lines equals the total line: the sheet adds up as printed.
    const tops = ws.rows.filter((r) => typeof r[1] === 'string' && /^4\d\d$/.test(r[1]));
    expect(tops.reduce((s, r) => s + Number(r[2]), 0)).toBe(1600);
    expect([ws.paper, ws.orientation, ws.fitWidth]).toEqual([9, 'portrait', 1]);
    expect(ws.rows.flat()).toContain('单位负责人：张主席');
  });

  it('February 2025: 本月数 and 本年累计数 columns', async () => {
    const path = await write('feb.xlsx', statementXlsx(computeStatement(handBook(), { year: 2025, month: 2 }), opts));
    const [ws] = readSheets(path);
    if (!ws) throw new Error('no sheet');
    expect(ws.rows[2]).toEqual(['项目', '科目编码', '本月数', '本年累计数']);
    expect(rowOf(ws, '一、收入合计').slice(2)).toEqual([1000, 1600]);
    expect(rowOf(ws, '二、支出合计').slice(2)).toEqual([100, 250]);
    expect(rowOf(ws, '三、本期结余（收入合计 − 支出合计）').slice(2)).toEqual([900, 1350]);
    expect(rowOf(ws, '四、期初结余').slice(2)).toEqual([14450, 14000]);
    expect(rowOf(ws, '五、期末结余（期初结余 + 本期结余）').slice(2)).toEqual([15350, 15350]);
  });
});

describe('收支明细账 .xlsx read back by openpyxl', () => {
  it('three sheets with 上年结余, running balances, 本月合计 and 本年累计; A4 landscape with repeated header', async () => {
    const path = await write('journal.xlsx', journalXlsx(journalOfYear(handBook(), 2025), opts));
    const sheets = readSheets(path);
    expect(sheets.map((s) => s.title)).toEqual(['收支明细账', '库存现金日记账', '银行存款日记账']);
    const [all, cash, bank] = sheets;
    if (!all || !cash || !bank) throw new Error('missing sheet');
    expect(all.rows[2]).toEqual(['日期', '凭证号', '摘要', '科目编码', '科目名称', '资金', '收入', '支出', '余额']);
    expect(all.rows[3]?.slice(0, 3)).toEqual(['2025-01-01', '', '上年结余']);
    expect(all.rows[3]?.[8]).toBe(14000);
    const entries = all.rows.filter((r) => typeof r[1] === 'string' && r[1].startsWith('记-'));
    expect(entries.map((r) => [r[1], r[6], r[7], r[8]])).toEqual([
      ['记-001', 600, null, 14600],
      ['记-002', null, 150, 14450],
      ['记-003', null, 100, 14350],
      ['记-004', 1000, null, 15350],
      ['记-005', null, -150, 15500],
      ['记-006', null, 800, 14700],
    ]);
    const totals = (s: typeof all, label: string) => s.rows.filter((r) => r[2] === label).map((r) => r.slice(6, 9));
    expect(totals(all, '2025年3月 本月合计')).toEqual([[0, 650, 14700]]);
    expect(totals(all, '本年累计').at(-1)).toEqual([1600, 900, 14700]);
    // Cash: 500.00 − 150 − 100 + 150 = 400.00; bank: 13,500 + 600 + 1,000 − 800 = 14,300.00.
    expect(cash.rows[3]?.[8]).toBe(500);
    expect(totals(cash, '本年累计').at(-1)).toEqual([0, 100, 400]);
    expect(bank.rows[3]?.[8]).toBe(13500);
    expect(totals(bank, '本年累计').at(-1)).toEqual([1600, 800, 14300]);
    expect([all.paper, all.orientation, all.titles]).toEqual([9, 'landscape', '$3:$3']);
  });
});
