import ExcelJS from 'exceljs';
import { formatDate } from '../engine/rules/dates';
import type { Voucher } from './voucher-lines';
import { AMOUNT_FORMAT, FONT, thin, toBytes, yuan } from './xlsx-style';

export interface VouchersXlsxOptions {
  unionName: string;
  /** 会计 / 出纳 / 审核: printed in their boxes when known, blank boxes to sign otherwise. */
  accountant: string;
  cashier: string;
  reviewer: string;
}

/** Rows of one voucher block; two blocks and a gap fill an A4 portrait page at the sheet's row heights. */
const BODY_LINES = 5;
const COLUMNS = 6;

/**
 * 记账凭证 of a month as .xlsx, two to an A4 page: title, date and number, 摘要 / 总账科目 / 明细科目 /
 * 借方金额 / 贷方金额 lines, 合计, 附单据 N 张 beside the table, and 会计 / 出纳 / 审核 / 制单 boxes.
 */
export async function vouchersXlsx(vouchers: readonly Voucher[], o: VouchersXlsxOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = o.unionName;
  const ws = wb.addWorksheet('记账凭证');
  ws.columns = [{ width: 30 }, { width: 20 }, { width: 22 }, { width: 14 }, { width: 14 }, { width: 6 }];
  vouchers.forEach((v, i) => {
    block(ws, v, o);
    if (i % 2 === 1 && i < vouchers.length - 1) ws.lastRow!.addPageBreak();
    else if (i < vouchers.length - 1) ws.addRow([]).height = 24;
  });
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  return toBytes(wb);
}

function block(ws: ExcelJS.Worksheet, v: Voucher, o: VouchersXlsxOptions): void {
  const title = ws.addRow(['记账凭证']);
  ws.mergeCells(title.number, 1, title.number, COLUMNS);
  title.height = 28;
  title.getCell(1).font = { name: FONT, size: 16, bold: true, underline: 'double' };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  const info = ws.addRow([`核算单位：${o.unionName}`, '', formatDate(v.date), '', `记字第 ${v.number.replace(/^记-/, '')} 号`]);
  ws.mergeCells(info.number, 1, info.number, 2);
  ws.mergeCells(info.number, 3, info.number, 4);
  ws.mergeCells(info.number, 5, info.number, COLUMNS);
  info.eachCell((c) => {
    c.font = { name: FONT, size: 10 };
  });
  info.getCell(3).alignment = { horizontal: 'center' };
  info.getCell(5).alignment = { horizontal: 'right' };
  const head = ws.addRow(['摘要', '总账科目', '明细科目', '借方金额', '贷方金额', `附单据`]);
  head.eachCell((c, n) => {
    c.font = { name: FONT, size: 10, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (n <= 5) c.border = thin;
  });
  const first = head.number + 1;
  for (let i = 0; i < BODY_LINES; i++) {
    const l = v.lines[i];
    const row = ws.addRow(
      l
        ? [i === 0 ? l.summary : '', l.account, l.subAccount, l.debitFen ? yuan(l.debitFen) : null, l.creditFen ? yuan(l.creditFen) : null]
        : [],
    );
    row.height = 20;
    for (let c = 1; c <= 5; c++) {
      const cell = row.getCell(c);
      cell.border = thin;
      cell.font = { name: FONT, size: 10 };
      cell.alignment = c >= 4 ? { horizontal: 'right', vertical: 'middle' } : { vertical: 'middle', wrapText: true };
      if (c >= 4) cell.numFmt = AMOUNT_FORMAT;
    }
  }
  // 附单据 N 张 runs down the right edge of the table, as on the printed forms.
  ws.mergeCells(first, COLUMNS, first + BODY_LINES - 1, COLUMNS);
  const attach = ws.getCell(first, COLUMNS);
  attach.value = `${v.attachments} 张`;
  attach.font = { name: FONT, size: 10 };
  attach.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const total = ws.addRow(['合计', '', '', yuan(v.debitTotalFen), yuan(v.creditTotalFen)]);
  ws.mergeCells(total.number, 1, total.number, 3);
  for (let c = 1; c <= 5; c++) {
    const cell = total.getCell(c);
    cell.border = thin;
    cell.font = { name: FONT, size: 10, bold: true };
    if (c >= 4) {
      cell.numFmt = AMOUNT_FORMAT;
      cell.alignment = { horizontal: 'right' };
    } else cell.alignment = { horizontal: 'center' };
  }
  const signs = ws.addRow([`会计：${o.accountant}`, `出纳：${o.cashier}`, `审核：${o.reviewer}`, '制单：', '']);
  signs.height = 22;
  signs.eachCell((c) => {
    c.font = { name: FONT, size: 10 };
    c.alignment = { vertical: 'middle' };
  });
}
