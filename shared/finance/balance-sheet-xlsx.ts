import ExcelJS from 'exceljs';
import type { Fen } from '../model/records';
import type { BalanceSheet, BalanceSheetColumn } from './balance-sheet';
import { a4, FONT, headerRow, infoRow, styleBody, titleRow, toBytes, yuan } from './xlsx-style';

export interface BalanceSheetXlsxOptions {
  unionName: string;
  chair: string;
  treasurer: string;
  madeOn: string;
}

type Pick = (c: BalanceSheetColumn) => Fen;
type Line = [label: string, pick: Pick | null, bold?: boolean];

const LEFT: Line[] = [
  ['一、资产', null, true],
  ['　库存现金', (c) => c.cashFen],
  ['　银行存款', (c) => c.bankFen],
  ['　其他应收款', (c) => c.receivableFen],
  ['　固定资产', (c) => c.fixedAssetsFen],
  ['', null],
  ['', null],
  ['资产合计', (c) => c.assetsFen, true],
];

const RIGHT: Line[] = [
  ['二、负债', null, true],
  ['　应付上级经费', (c) => c.payableFen],
  ['　代管经费', (c) => c.custodyFen],
  ['　负债合计', (c) => c.liabilitiesFen, true],
  ['三、净资产', null, true],
  ['　资产基金', (c) => c.assetFundFen],
  ['　工会资金结余', (c) => c.fundBalanceFen],
  ['负债和净资产合计', (c) => c.liabilitiesFen + c.netAssetsFen, true],
];

/**
 * 资产负债表 as .xlsx, A4 landscape: assets on the left, liabilities and net assets on the right,
 * each with 年初数 and 期末数, the two totals on the last line side by side.
 */
export async function balanceSheetXlsx(s: BalanceSheet, o: BalanceSheetXlsxOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = o.unionName;
  const ws = wb.addWorksheet('资产负债表');
  ws.columns = [{ width: 22 }, { width: 16 }, { width: 16 }, { width: 24 }, { width: 16 }, { width: 16 }];
  titleRow(ws, '资产负债表', 6);
  infoRow(ws, o.unionName, s.label, 6);
  headerRow(ws, ['资产', '年初数', '期末数', '负债和净资产', '年初数', '期末数']);
  const cell = (pick: Pick | null, c: BalanceSheetColumn) => (pick ? yuan(pick(c)) : null);
  LEFT.forEach((left, i) => {
    const right = RIGHT[i]!;
    const row = ws.addRow([
      left[0],
      cell(left[1], s.yearStart),
      cell(left[1], s.end),
      right[0],
      cell(right[1], s.yearStart),
      cell(right[1], s.end),
    ]);
    styleBody(row, 6, [2, 3, 5, 6], false);
    if (left[2]) for (const c of [1, 2, 3]) row.getCell(c).font = { name: FONT, size: 10, bold: true };
    if (right[2]) for (const c of [4, 5, 6]) row.getCell(c).font = { name: FONT, size: 10, bold: true };
  });
  ws.addRow([]);
  const sign = ws.addRow([`单位负责人：${o.chair}`, '', `会计：${o.treasurer}`, '', `制表日期：${o.madeOn}`]);
  sign.eachCell((c) => {
    c.font = { name: FONT, size: 10 };
  });
  a4(ws, 'landscape', '1:3');
  return toBytes(wb);
}
