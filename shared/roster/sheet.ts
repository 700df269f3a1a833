import { cellText, type Sheet, type SheetRow } from './cells';
import { columnOf, mapHeaders, type ColumnMapping } from './columns';

/** A roster found in a sheet: where its header is, how its columns map, and which rows hold people. */
export interface ParsedRoster {
  sheetName: string;
  headerRowNumber: number;
  headers: string[];
  /** The automatic mapping; the wizard lets the user correct it before planning. */
  mapping: ColumnMapping;
  /** Rows that look like people (valid or not); blank rows and notes under the table are left out. */
  dataRows: SheetRow[];
  /** Rows recognised as not-members: 合计, 注：…, 制表人, a repeated header. Blank rows are not listed. */
  skipped: { rowNumber: number; text: string }[];
}

export class RosterFileError extends Error {
  override readonly name = 'RosterFileError';
}

const HEADER_SEARCH_ROWS = 30;
const NON_MEMBER = /^(合计|总计|小计|共计|注|备注|说明|制表|填表|审核|负责人|单位负责人|填报|经办人|附注)/;

/**
 * The header is the first row, within the first 30, that names both 姓名 and 身份证号码, or
 * three known columns one of which is either — title rows above it (merged or not) name none.
 */
export function findHeaderRow(sheet: Sheet): SheetRow | null {
  for (const row of sheet.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const mapping = mapHeaders(row.cells.map((c) => cellText(c)));
    const known = mapping.filter((f) => f !== null).length;
    const names = mapping.includes('name');
    const ids = mapping.includes('idNumber');
    if ((names && ids) || (known >= 3 && (names || ids))) return row;
  }
  return null;
}

export function parseRosterSheet(sheet: Sheet): ParsedRoster {
  const header = findHeaderRow(sheet);
  if (!header) {
    throw new RosterFileError('没有找到表头：前 30 行中没有一行同时含有“姓名”或“身份证号码”等列名。请确认这是会员名册。');
  }
  const headers = header.cells.map((c) => cellText(c));
  const mapping = mapHeaders(headers);
  const { dataRows, skipped } = splitRows(
    sheet.rows.filter((r) => r.rowNumber > header.rowNumber),
    headers,
    mapping,
  );
  return { sheetName: sheet.name, headerRowNumber: header.rowNumber, headers, mapping, dataRows, skipped };
}

/**
 * Separates people from the rest. A row is blank when nothing but its 序号 is filled (templates
 * are often pre-numbered); a row whose first text starts with 合计, 注, 制表人… is a note.
 */
export function splitRows(
  rows: readonly SheetRow[],
  headers: readonly string[],
  mapping: ColumnMapping,
): { dataRows: SheetRow[]; skipped: { rowNumber: number; text: string }[] } {
  const seqColumn = columnOf(mapping, 'seq');
  const dataRows: SheetRow[] = [];
  const skipped: { rowNumber: number; text: string }[] = [];
  for (const row of rows) {
    const texts = row.cells.map((c) => cellText(c));
    const filled = texts.filter((t, i) => t !== '' && i !== seqColumn && i < Math.max(headers.length, 1));
    const first = texts.find((t) => t !== '') ?? '';
    if (NON_MEMBER.test(first.replace(/\s+/g, ''))) {
      skipped.push({ rowNumber: row.rowNumber, text: first });
      continue;
    }
    if (filled.length === 0) continue;
    const repeatsHeader = mapping.some((f, i) => f === 'name' && texts[i] !== '' && texts[i] === headers[i]);
    if (repeatsHeader) {
      skipped.push({ rowNumber: row.rowNumber, text: first });
      continue;
    }
    dataRows.push(row);
  }
  return { dataRows, skipped };
}
