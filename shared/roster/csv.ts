import type { Sheet, SheetRow } from './cells';

/**
 * CSV as Excel and WPS save it: UTF-8 (with or without BOM) or, from a Chinese Windows, GBK.
 * Quoted fields may hold commas, quotes ("") and line breaks.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseCsv(text: string, name = 'CSV'): Sheet {
  const delimiter = guessDelimiter(text);
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const endRow = () => {
    cells.push(field);
    rows.push({ rowNumber: rowStart, cells });
    cells = [];
    field = '';
    rowStart = line;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      cells.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRow();
    } else field += c;
  }
  if (field !== '' || cells.length > 0) endRow();
  // Row numbers are lines, as a user counts them in a text editor or in Excel after opening the file.
  return { name, rows: rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map((v) => (v === '' ? null : v)) })) };
}

function guessDelimiter(text: string): string {
  const firstLines = text.split(/\r?\n/, 5).join('\n');
  const count = (d: string) => firstLines.split(d).length;
  if (count('\t') > count(',') && count('\t') > count(';')) return '\t';
  if (count(';') > count(',')) return ';';
  return ',';
}
