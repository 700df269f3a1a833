import ExcelJS from 'exceljs';
import { grantNotes } from './special-grants';
import type { Statement } from './statement';
import { statementRows } from './statement-lines';
import { a4, FONT, headerRow, infoRow, styleBody, titleRow, toBytes, yuan } from './xlsx-style';

export interface StatementXlsxOptions {
  unionName: string;
  chair: string;
  treasurer: string;
  /** 制表日期, ISO. */
  madeOn: string;
}

/** Indentation of a line's label, in ideographic spaces: under its total, and under the text after 其中：. */
const INDENT = { 0: '', 1: '\u3000', 2: '\u3000\u3000\u3000', hang: '\u3000\u3000\u3000\u3000' } as const;

/**
 * 收入支出表 as .xlsx: income by account, then spending, then surplus and the money at both ends
 * of the period. A month statement carries 本月数 and 本年累计数; a year statement one column.
 */
export async function statementXlsx(s: Statement, o: StatementXlsxOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = o.unionName;
  const ws = wb.addWorksheet('收入支出表');
  const monthly = s.period.month !== undefined;
  const cols = monthly ? 4 : 3;
  ws.columns = monthly ? [{ width: 36 }, { width: 12 }, { width: 18 }, { width: 18 }] : [{ width: 40 }, { width: 14 }, { width: 22 }];
  titleRow(ws, '收入支出表', cols);
  infoRow(ws, o.unionName, s.label, cols);
  headerRow(ws, monthly ? ['项目', '科目编码', '本月数', '本年累计数'] : ['项目', '科目编码', '本年数']);
  const amountCols = monthly ? [3, 4] : [3];
  for (const r of statementRows(s)) {
    const label = r.strong ? `${r.label}${r.explain}` : `${INDENT[r.hang ? 'hang' : r.indent]}${r.label}`;
    const row = ws.addRow(monthly ? [label, r.code, yuan(r.amountFen), yuan(r.yearToDateFen)] : [label, r.code, yuan(r.amountFen)]);
    styleBody(row, cols, amountCols, r.strong);
  }
  const notes = grantNotes(s.specialGrants);
  if (notes.length > 0) {
    ws.addRow([]);
    for (const [i, text] of ['附注：专项补助收支情况', ...notes].entries()) {
      const row = ws.addRow([text]);
      ws.mergeCells(row.number, 1, row.number, cols);
      row.getCell(1).font = { name: FONT, size: 10, bold: i === 0 };
    }
  }
  ws.addRow([]);
  const sign = ws.addRow(
    monthly
      ? [`单位负责人：${o.chair}`, '', `会计：${o.treasurer}`, `制表日期：${o.madeOn}`]
      : [`单位负责人：${o.chair}`, '', `会计：${o.treasurer}\u3000\u3000制表日期：${o.madeOn}`],
  );
  sign.eachCell((c) => {
    c.font = { name: FONT, size: 10 };
  });
  a4(ws, 'portrait', '1:3');
  return toBytes(wb);
}
