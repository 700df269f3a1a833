import ExcelJS from 'exceljs';
import { monthLabel } from '../finance/period';
import { a4, FONT, headerRow, infoRow, styleBody, titleRow, toBytes, yuan } from '../finance/xlsx-style';
import type { Fen } from '../model/records';
import { formatYuan } from '../money/fen';
import type { Reconciliation, ReconcilingItem } from './reconcile';

export interface ReconciliationXlsxOptions {
  unionName: string;
  chair: string;
  treasurer: string;
  /** 制表日期, ISO. */
  madeOn: string;
}

const itemText = (i: ReconcilingItem) => `\u3000${i.date.slice(5)} ${i.summary}（${i.reference}）`;

/**
 * 银行存款余额调节表 as print-ready .xlsx (A4 portrait): the journal's side on the left, the
 * statement's side on the right, each outstanding item listed under its 加/减 line, the two
 * 调节后余额 on one row, and a conclusion that says whether they agree and, if not, why.
 */
export async function reconciliationXlsx(r: Reconciliation, o: ReconciliationXlsxOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = o.unionName;
  const ws = wb.addWorksheet('银行存款余额调节表');
  ws.columns = [{ width: 34 }, { width: 15 }, { width: 34 }, { width: 15 }];
  titleRow(ws, '银行存款余额调节表', 4);
  infoRow(ws, o.unionName, `${r.monthEnd.slice(0, 4)}年${Number(r.monthEnd.slice(5, 7))}月${Number(r.monthEnd.slice(8))}日`, 4);
  headerRow(ws, ['项目（银行存款日记账）', '金额', '项目（银行对账单）', '金额']);
  const row = (left: string, leftFen: Fen | null, right: string, rightFen: Fen | null, bold = false) => {
    const added = ws.addRow([left, leftFen === null ? null : yuan(leftFen), right, rightFen === null ? null : yuan(rightFen)]);
    styleBody(added, 4, [2, 4], bold);
  };
  const sum = (items: readonly ReconcilingItem[]) => items.reduce((s, i) => s + i.amountFen, 0);
  const section = (left: string, leftItems: ReconcilingItem[], right: string, rightItems: ReconcilingItem[]) => {
    row(left, sum(leftItems), right, sum(rightItems), true);
    for (let i = 0; i < Math.max(leftItems.length, rightItems.length); i++) {
      const a = leftItems[i];
      const b = rightItems[i];
      row(a ? itemText(a) : '', a ? a.amountFen : null, b ? itemText(b) : '', b ? b.amountFen : null);
    }
  };
  row('银行存款日记账余额', r.journalBalanceFen, '银行对账单余额', r.statementBalanceFen, true);
  section('加：银行已收、企业未收', r.bankReceived, '加：企业已收、银行未收', r.bookReceived);
  section('减：银行已付、企业未付', r.bankPaid, '减：企业已付、银行未付', r.bookPaid);
  row('调节后的存款余额', r.adjustedJournalFen, '调节后的存款余额', r.adjustedStatementFen, true);
  ws.addRow([]);
  const conclusion =
    r.adjustedStatementFen === null
      ? `结论：${r.reasons.join('；')}`
      : r.balanced
        ? `结论：调节后余额相符（${formatYuan(r.adjustedJournalFen)} 元）。`
        : `结论：调节后余额不符，日记账一方比对账单一方多 ${formatYuan(r.differenceFen)} 元。${r.reasons.join('')}`;
  const note = ws.addRow([conclusion]);
  ws.mergeCells(note.number, 1, note.number, 4);
  note.getCell(1).font = { name: FONT, size: 10, bold: !r.balanced };
  note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  note.height = Math.max(20, 16 * Math.ceil(conclusion.length / 50));
  if (r.statementThrough) {
    const through = ws.addRow([`对账单截至 ${r.statementThrough}；${monthLabel(r.month)}末日记账余额按记账日期计算。`]);
    ws.mergeCells(through.number, 1, through.number, 4);
    through.getCell(1).font = { name: FONT, size: 9, color: { argb: 'FF666666' } };
  }
  ws.addRow([]);
  const sign = ws.addRow([`单位负责人：${o.chair}`, '', `会计（出纳）：${o.treasurer}`, `制表日期：${o.madeOn}`]);
  sign.eachCell((c) => {
    c.font = { name: FONT, size: 10 };
  });
  a4(ws, 'portrait', '1:3');
  return toBytes(wb);
}
