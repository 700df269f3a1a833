import { cleanText } from '../records/check';
/** A spreadsheet cell as the roster reader hands it on: what exceljs or the CSV reader found, flattened. */
export type CellValue = string | number | boolean | Date | null;

/** One spreadsheet row; `rowNumber` is the row number the user sees in Excel/WPS (1-based). */
export interface SheetRow {
  rowNumber: number;
  /** 0-based by column. */
  cells: CellValue[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** Full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ, ．, －…) and the ideographic space become their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Only digits, Latin letters and spaces: full-width punctuation such as （） or ： is correct Chinese text. */
export function halfWidthAlnum(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The text of a cell as the user would read it: digits and letters half-width, spaces collapsed, trimmed. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  return halfWidthAlnum(cleanText(value)).replace(/\s+/g, ' ').trim();
}

export function isBlankCell(value: CellValue | undefined): boolean {
  return cellText(value) === '';
}
