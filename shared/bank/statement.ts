import { BookError } from '../engine/errors';
import type { Fen, IsoDate } from '../model/records';
import { formatYuan } from '../money/fen';
import { cellText, type CellValue, type Sheet, type SheetRow } from '../roster/cells';
import { decodeCsv, parseCsv } from '../roster/csv';
import { parseRosterDate } from '../roster/dates';
import { readWorkbook, XLS_MESSAGE } from '../roster/read';
import { columnLetter, isStatementHeader, mapStatementHeaders, type StatementField, type StatementMapping } from './columns';

/** One line of a statement as read from the file, amounts from the union's side. */
export interface StatementLine {
  date: IsoDate;
  summary: string;
  inFen: Fen;
  outFen: Fen;
  balanceFen: Fen;
  rowNumber: number;
}

export interface ParsedStatement {
  sheetName: string;
  headerRowNumber: number;
  /** How the file gives the amounts, for the import report. */
  layout: '收入/支出' | '借方/贷方' | '金额';
  /** In date order (a file listed newest first is turned round). */
  lines: StatementLine[];
  /** Rows read as not-lines: 合计, 期初余额, notes under the table. */
  skipped: { rowNumber: number; text: string }[];
  /** Lines whose 余额 does not follow from the line before: the file is read, the reconciliation says it. */
  warnings: string[];
}

/** A statement that cannot be imported; `problems` names each bad row and column. Nothing was imported. */
export class StatementFileError extends BookError {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0]! : `对账单有 ${problems.length} 处问题，未导入任何一行：\n${problems.join('\n')}`);
  }
}

const HEADER_SEARCH_ROWS = 30;
const MAX_PROBLEMS = 20;
const NOT_A_LINE =
  /^(合计|本页合计|本页小计|本期合计|本月合计|总计|小计|累计|共计|期初余额|期末余额|上日余额|上页余额|承前页|过次页|结转|注|备注|说明|打印|制表|经办|复核|以下空白|账号|户名|币种)/;
const LABELS: Record<StatementField, string> = {
  date: '交易日期',
  summary: '摘要',
  counterparty: '对方户名',
  in: '收入',
  out: '支出',
  amount: '金额',
  direction: '借贷标志',
  balance: '余额',
};

/** Reads an .xlsx or .csv statement as Chinese banks export it. Throws StatementFileError, with every bad row named, otherwise. */
export async function readStatementFile(fileName: string, bytes: Uint8Array): Promise<ParsedStatement> {
  const lower = fileName.toLowerCase();
  if ((bytes[0] === 0xd0 && bytes[1] === 0xcf) || lower.endsWith('.xls')) throw new StatementFileError([XLS_MESSAGE]);
  if (bytes.length === 0) throw new StatementFileError(['文件是空的。']);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return parseStatementSheet(parseCsv(decodeCsv(bytes), fileName));
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new StatementFileError(['无法识别的文件格式：请选择 .xlsx 工作簿或 .csv 文件。']);
  let sheets: Sheet[];
  try {
    sheets = await readWorkbook(bytes);
  } catch (error) {
    throw new StatementFileError([error instanceof Error ? error.message : String(error)]);
  }
  const sheet = sheets.find((s) => findStatementHeader(s) !== null) ?? sheets.find((s) => s.rows.length > 0);
  if (!sheet) throw new StatementFileError(['工作簿里没有任何数据。']);
  return parseStatementSheet(sheet);
}

/** The first row, within the first 30, naming a date, a balance and the amounts; the bank's title block sits above it. */
export function findStatementHeader(sheet: Sheet): { row: SheetRow; mapping: StatementMapping } | null {
  for (const row of sheet.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const mapping = mapStatementHeaders(row.cells.map((c) => cellText(c)));
    if (isStatementHeader(mapping)) return { row, mapping };
  }
  return null;
}

function layoutOf(headers: readonly string[], m: StatementMapping): ParsedStatement['layout'] {
  if (m.in === undefined || m.out === undefined) return '金额';
  return /[借贷]/.test(headers[m.in] ?? '') ? '借方/贷方' : '收入/支出';
}

export function parseStatementSheet(sheet: Sheet): ParsedStatement {
  const found = findStatementHeader(sheet);
  if (!found) {
    throw new StatementFileError([
      '没有找到对账单的表头：前 30 行中没有一行同时含有“交易日期”“余额”和“收入/支出”（或“贷方/借方”、“交易金额”）等列名。请确认这是银行对账单。',
    ]);
  }
  const { row: header, mapping } = found;
  const headers = header.cells.map((c) => cellText(c));
  const lines: StatementLine[] = [];
  const skipped: { rowNumber: number; text: string }[] = [];
  const problems: string[] = [];
  for (const row of sheet.rows) {
    if (row.rowNumber <= header.rowNumber) continue;
    const texts = row.cells.map((c) => cellText(c));
    if (texts.every((t) => t === '')) continue;
    const first = texts.find((t) => t !== '') ?? '';
    const dateText = texts[mapping.date!] ?? '';
    if (NOT_A_LINE.test(first.replace(/\s+/g, '')) || (dateText === '' && texts.some((t) => NOT_A_LINE.test(t.replace(/\s+/g, ''))))) {
      skipped.push({ rowNumber: row.rowNumber, text: first });
      continue;
    }
    if (mapping.date !== undefined && texts[mapping.date] === headers[mapping.date]) {
      skipped.push({ rowNumber: row.rowNumber, text: first });
      continue;
    }
    // 期初余额 or 承前页 as a dated row: a balance and no amount, not a transaction.
    const amountTexts = [mapping.in, mapping.out, mapping.amount].filter((i) => i !== undefined).map((i) => texts[i] ?? '');
    if (amountTexts.every((t) => t === '' || t === '0' || t === '-') && texts.some((t) => /期初|承前|上日余额|结转/.test(t))) {
      skipped.push({ rowNumber: row.rowNumber, text: first });
      continue;
    }
    const read = readLine(row, mapping, headers);
    if (typeof read === 'string') problems.push(read);
    else lines.push(read);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) shown.push(`……另有 ${problems.length - MAX_PROBLEMS} 处问题`);
    throw new StatementFileError(shown);
  }
  if (lines.length === 0) throw new StatementFileError([`第 ${header.rowNumber} 行是表头，但表头下面没有交易明细。`]);
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const ordered = first.date > last.date ? [...lines].reverse() : lines;
  return {
    sheetName: sheet.name,
    headerRowNumber: header.rowNumber,
    layout: layoutOf(headers, mapping),
    lines: ordered,
    skipped,
    warnings: balanceBreaks(ordered).map(
      (b) =>
        `第 ${b.rowNumber} 行的余额与上一行不衔接：按上一行余额应为 ${formatYuan(b.expectedFen)} 元，对账单为 ${formatYuan(b.balanceFen)} 元`,
    ),
  };
}

/** Lines whose 余额 is not the line before's 余额 plus this line's 收入 minus its 支出. */
export function balanceBreaks(lines: readonly StatementLine[]): { rowNumber: number; expectedFen: Fen; balanceFen: Fen }[] {
  const out: { rowNumber: number; expectedFen: Fen; balanceFen: Fen }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    const expected = prev.balanceFen + line.inFen - line.outFen;
    if (expected !== line.balanceFen) out.push({ rowNumber: line.rowNumber, expectedFen: expected, balanceFen: line.balanceFen });
  }
  return out;
}

function where(row: SheetRow, column: number, headers: readonly string[], field: StatementField): string {
  return `第 ${row.rowNumber} 行“${headers[column] || LABELS[field]}”列（${columnLetter(column)} 列）`;
}

/** An amount cell in fen: blank and “-” are 0; more than two decimals or anything but a number is refused (null). */
export function amountCell(value: CellValue | undefined): Fen | null {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const fen = Math.round(value * 100);
    return Math.abs(fen - value * 100) < 1e-6 && Number.isSafeInteger(fen) ? fen : null;
  }
  if (typeof value !== 'string') return null;
  const text = value
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s元¥￥]/g, '')
    .replace(/^\+/, '');
  if (text === '' || text === '-' || text === '--') return 0;
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? (m[1] ? -fen : fen) : null;
}

function readLine(row: SheetRow, m: StatementMapping, headers: readonly string[]): StatementLine | string {
  const cell = (i: number | undefined) => (i === undefined ? null : (row.cells[i] ?? null));
  const problems: string[] = [];
  const dateValue = cell(m.date);
  const date = parseRosterDate(dateValue ?? undefined);
  if (cellText(dateValue) === '') problems.push(`${where(row, m.date!, headers, 'date')}：日期为空`);
  else if (!date) problems.push(`${where(row, m.date!, headers, 'date')}：无法识别的日期“${cellText(dateValue)}”`);
  const money = (field: 'in' | 'out' | 'amount' | 'balance'): Fen | null => {
    const i = m[field]!;
    const fen = amountCell(cell(i));
    if (fen === null) problems.push(`${where(row, i, headers, field)}：“${cellText(cell(i))}”不是金额（元，最多两位小数）`);
    return fen;
  };
  let inFen = 0;
  let outFen = 0;
  if (m.in !== undefined && m.out !== undefined) {
    const a = money('in');
    const b = money('out');
    if (a !== null && b !== null) {
      if (a !== 0 && b !== 0)
        problems.push(`第 ${row.rowNumber} 行：“${headers[m.in]}”和“${headers[m.out]}”同时有金额，一行只能是一笔收入或一笔支出`);
      else if (a === 0 && b === 0) problems.push(`第 ${row.rowNumber} 行：“${headers[m.in]}”和“${headers[m.out]}”都没有金额`);
      const net = a - b;
      inFen = Math.max(net, 0);
      outFen = Math.max(-net, 0);
    }
  } else {
    const a = money('amount');
    if (a !== null) {
      const flag = cellText(cell(m.direction));
      let net = a;
      if (m.direction !== undefined) {
        if (/^(借|支|出|D)/i.test(flag)) net = -Math.abs(a);
        else if (/^(贷|收|入|C)/i.test(flag)) net = Math.abs(a);
        else problems.push(`${where(row, m.direction, headers, 'direction')}：应为“借”或“贷”，而不是“${flag}”`);
      }
      if (a === 0) problems.push(`${where(row, m.amount!, headers, 'amount')}：没有金额`);
      inFen = Math.max(net, 0);
      outFen = Math.max(-net, 0);
    }
  }
  const balance = money('balance');
  if (balance !== null && cellText(cell(m.balance)) === '') problems.push(`${where(row, m.balance!, headers, 'balance')}：余额为空`);
  if (problems.length > 0) return problems.join('；');
  const summary = [cellText(cell(m.summary)), cellText(cell(m.counterparty))].filter(Boolean).join(' ').slice(0, 200);
  return { date: date!, summary, inFen, outFen, balanceFen: balance!, rowNumber: row.rowNumber };
}
