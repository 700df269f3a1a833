import ExcelJS from 'exceljs';
import type { BudgetTable, BudgetTableLine } from './budget-table';
import { formatRate } from './budgets';
import { a4, FONT, headerRow, infoRow, styleBody, titleRow, toBytes, yuan } from './xlsx-style';

export interface BudgetXlsxOptions {
  unionName: string;
  chair: string;
  treasurer: string;
  madeOn: string;
}

/** 工会经费收支预算表 as .xlsx: income, then spending, with last year's actuals and this year's execution. */
export async function budgetXlsx(t: BudgetTable, o: BudgetXlsxOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = o.unionName;
  const ws = wb.addWorksheet('经费收支预算表');
  ws.columns = [{ width: 28 }, { width: 10 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 10 }];
  titleRow(ws, `${t.year}年工会经费收支预算表`, 6);
  infoRow(ws, o.unionName, `${t.year}年度`, 6);
  headerRow(ws, ['项目', '科目编码', `${t.year - 1}年实际数`, `${t.year}年预算数`, '本年执行数', '执行率']);
  const line = (label: string, code: string, l: Pick<BudgetTableLine, 'lastYearFen' | 'budgetFen' | 'actualFen'>, bold = false) => {
    const rate = l.budgetFen === 0 ? null : l.actualFen / l.budgetFen;
    const row = ws.addRow([label, code, yuan(l.lastYearFen), yuan(l.budgetFen), yuan(l.actualFen), formatRate(rate)]);
    styleBody(row, 6, [3, 4, 5], bold);
    row.getCell(6).alignment = { horizontal: 'right' };
  };
  line('一、收入合计', '', t.totals.income, true);
  for (const l of t.income) line(`\u3000${l.name}${l.prefilled && l.budgetFen !== 0 ? '（按上年实际）' : ''}`, l.code, l);
  line('二、支出合计', '', t.totals.expense, true);
  for (const l of t.expense) line(`\u3000${l.name}${l.prefilled && l.budgetFen !== 0 ? '（按上年实际）' : ''}`, l.code, l);
  ws.addRow([]);
  const sign = ws.addRow([`单位负责人：${o.chair}`, '', `会计：${o.treasurer}`, '', `制表日期：${o.madeOn}`]);
  sign.eachCell((c) => {
    c.font = { name: FONT, size: 10 };
  });
  a4(ws, 'portrait', '1:3');
  return toBytes(wb);
}
