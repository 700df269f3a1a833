import ExcelJS from 'exceljs';
import type { SheetRow } from './cells';
import type { RejectedRow } from './plan';

/**
 * The rejected rows as a workbook to fix and import again: the original header, each row as it
 * was read, and two columns in front saying which row it was and why it was not imported.
 */
export async function writeRejectedWorkbook(
  headers: readonly string[],
  rows: readonly SheetRow[],
  rejected: readonly RejectedRow[],
): Promise<Uint8Array> {
  const byRow = new Map(rows.map((r) => [r.rowNumber, r]));
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('未导入的行');
  ws.addRow(['原行号', '未导入原因', ...headers]);
  ws.getRow(1).font = { bold: true };
  for (const r of rejected) {
    const cells = byRow.get(r.row)?.cells ?? [];
    const added = ws.addRow([r.row, r.reason, ...headers.map((_, i) => cells[i] ?? null)]);
    added.getCell(2).font = { color: { argb: 'FFC00000' } };
  }
  ws.columns.forEach((column, i) => {
    column.width = i === 1 ? 40 : 14;
    if (i >= 2) column.numFmt = '@';
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
