import type ExcelJS from 'exceljs';
import type { Fen } from '../model/records';

/** Shared look of the finance spreadsheets: 宋体, thin borders, amounts in yuan with two decimals. */
export const AMOUNT_FORMAT = '#,##0.00;[Red]-#,##0.00';
export const FONT = '宋体';

export const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Fen → yuan as a spreadsheet number; fen are integers, so /100 gives the exact two-decimal value. */
export const yuan = (fen: Fen): number => fen / 100;

export function titleRow(ws: ExcelJS.Worksheet, text: string, columns: number): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, columns);
  row.height = 30;
  const cell = row.getCell(1);
  cell.font = { name: FONT, size: 18, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
}

/** The line under the title: union on the left, period in the middle, unit on the right. */
export function infoRow(ws: ExcelJS.Worksheet, union: string, period: string, columns: number): void {
  const row = ws.addRow([]);
  const mid = Math.max(2, Math.ceil(columns / 2));
  ws.mergeCells(row.number, 1, row.number, mid - 1);
  row.getCell(1).value = `编制单位：${union}`;
  row.getCell(mid).value = period;
  if (columns > mid) {
    if (columns - 1 > mid) ws.mergeCells(row.number, mid + 1, row.number, columns - 1);
    row.getCell(columns).value = '单位：元';
  }
  row.eachCell((c) => {
    c.font = { name: FONT, size: 10 };
  });
  row.getCell(mid).alignment = { horizontal: 'center' };
  row.getCell(columns).alignment = { horizontal: 'right' };
}

export function headerRow(ws: ExcelJS.Worksheet, labels: string[]): ExcelJS.Row {
  const row = ws.addRow(labels);
  row.height = 20;
  row.eachCell((c) => {
    c.font = { name: FONT, size: 10, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
    c.border = thin;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  return row;
}

/** Borders and fonts on a body row; numeric columns (1-based) get the amount format. */
export function styleBody(row: ExcelJS.Row, columns: number, amountColumns: readonly number[], bold = false): void {
  for (let i = 1; i <= columns; i++) {
    const c = row.getCell(i);
    c.border = thin;
    c.font = { name: FONT, size: 10, bold };
    if (amountColumns.includes(i)) {
      c.numFmt = AMOUNT_FORMAT;
      c.alignment = { horizontal: 'right', vertical: 'middle' };
    } else {
      c.alignment = { vertical: 'middle', wrapText: true };
    }
  }
}

/** A4 print setup with page numbers in the footer; the header rows repeat on every page. */
export function a4(ws: ExcelJS.Worksheet, orientation: 'portrait' | 'landscape', repeatRows: string): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: repeatRows,
    margins: { left: 0.6, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
