import ExcelJS from 'exceljs';
import type { CellValue, Sheet, SheetRow } from './cells';
import { decodeCsv, parseCsv } from './csv';
import { findHeaderRow, parseRosterSheet, RosterFileError, type ParsedRoster } from './sheet';

export const XLS_MESSAGE =
  '这是旧版 Excel 文件（.xls），无法直接读取。请在 WPS 或 Excel 中打开它，选择“另存为”→“Excel 工作簿（*.xlsx）”，再导入另存的 .xlsx 文件。';

/** .xls (BIFF) files are OLE2 compound documents; a renamed one is caught by its signature, not its name. */
function isOle2(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** Reads an .xlsx or .csv roster and finds its table. Throws RosterFileError with a Chinese message otherwise. */
export async function readRosterFile(fileName: string, bytes: Uint8Array): Promise<ParsedRoster> {
  const lower = fileName.toLowerCase();
  if (isOle2(bytes) || lower.endsWith('.xls')) throw new RosterFileError(XLS_MESSAGE);
  if (bytes.length === 0) throw new RosterFileError('文件是空的。');
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return parseRosterSheet(parseCsv(decodeCsv(bytes), fileName));
  if (!isZip(bytes)) throw new RosterFileError('无法识别的文件格式：请选择 .xlsx 工作簿或 .csv 文件。');
  return parseRosterSheet(await pickSheet(await readWorkbook(bytes)));
}

export async function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new RosterFileError(`无法读取该 .xlsx 文件（文件可能已损坏或被加密）：${error instanceof Error ? error.message : String(error)}`);
  }
  return workbook.worksheets.map((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = flatten(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows.push({ rowNumber, cells });
    });
    return { name: ws.name, rows };
  });
}

/** The first sheet that has a roster header; a workbook often has an empty Sheet2/Sheet3 or an instructions sheet first. */
async function pickSheet(sheets: Sheet[]): Promise<Sheet> {
  const withHeader = sheets.find((s) => findHeaderRow(s) !== null);
  const sheet = withHeader ?? sheets.find((s) => s.rows.length > 0);
  if (!sheet) throw new RosterFileError('工作簿里没有任何数据。');
  return sheet;
}

/** exceljs hands rich text, formulas, hyperlinks and errors as objects; a roster needs their visible value. */
function flatten(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return flatten((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}
