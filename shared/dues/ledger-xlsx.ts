import ExcelJS from 'exceljs';
import type { IsoDate } from '../model/records';
import type { GridCell, YearGrid } from './grid';
import { formatRate } from './grid';
import { ledgerTitle } from './ledger-title';
import { dateText } from './receipt';

const FIXED_HEADERS = ['序号', '姓名', '部门', '会费基数', '月应缴'];
const MONTH_HEADERS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const HEADERS = [...FIXED_HEADERS, ...MONTH_HEADERS, '全年合计', '备注'];
/** Rows above the table: title, union and date, column headers. The header rows repeat on every printed page. */
const HEADER_ROW = 3;
const MONEY = '#,##0.00';
const FONT = '宋体';
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BODY_FONT = { name: FONT, size: 10 };

export { ledgerTitle };

/** A month cell as the ledger shows it: the amount paid, 免 for exempt months, — outside membership. */
function cellValue(cell: GridCell): number | string | null {
  if (cell.paidFen !== 0) return cell.paidFen / 100;
  if (cell.state === 'exempt') return '免';
  if (cell.state === 'none') return '—';
  return null;
}

export interface LedgerOptions {
  unionName: string;
  /** 制表日期. */
  date: IsoDate;
  /** The dues rule in words, printed under the table. */
  ruleText?: string;
}

/** 会费收缴台账 (.xlsx): members × 12 months with totals, laid out to print on A4 landscape. */
export async function buildLedgerXlsx(grid: YearGrid, options: LedgerOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = options.unionName;
  const ws = wb.addWorksheet(`${grid.year}年会费台账`, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `1:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW }],
  });
  // Every body cell is given one of a few shared style objects: exceljs recognises a style object
  // it has already written and reuses its id, which keeps 5,000 × 19 styled cells cheap. (Column
  // styles would give each cell its own copy, and LibreOffice would draw them on the title rows.)
  const body: Partial<ExcelJS.Style> = { font: BODY_FONT, border: BORDER };
  const money: Partial<ExcelJS.Style> = { ...body, numFmt: MONEY };
  const columnStyles: Partial<ExcelJS.Style>[] = [
    { ...body, alignment: { horizontal: 'center' } },
    body,
    body,
    money,
    money,
    ...MONTH_HEADERS.map(() => money),
    money,
    { ...body, alignment: { wrapText: true } },
  ];
  // 免 and — read better centred in a column of amounts.
  const markStyle: Partial<ExcelJS.Style> = { ...body, alignment: { horizontal: 'center' } };
  ws.columns = [6, 10, 12, 11, 9, ...MONTH_HEADERS.map(() => 8), 11, 22].map((width) => ({ width }));
  const last = HEADERS.length;

  ws.mergeCells(1, 1, 1, last);
  const title = ws.getCell(1, 1);
  title.value = ledgerTitle(options.unionName, grid.year);
  title.style = { font: { name: '黑体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.getRow(1).height = 30;

  ws.mergeCells(2, 1, 2, 10);
  ws.getCell(2, 1).value = `工会名称：${options.unionName}`;
  ws.getCell(2, 1).style = { font: BODY_FONT };
  ws.mergeCells(2, 11, 2, last);
  const dateCell = ws.getCell(2, 11);
  dateCell.value = `制表日期：${dateText(options.date)}\u3000\u3000单位：元`;
  dateCell.style = { font: BODY_FONT, alignment: { horizontal: 'right' } };

  const header = ws.getRow(HEADER_ROW);
  header.values = HEADERS;
  header.height = 20;
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });

  grid.rows.forEach((row, i) => {
    const values: (string | number | null)[] = [
      i + 1,
      row.name,
      row.department,
      row.baseFen === null ? null : row.baseFen / 100,
      row.monthlyFen / 100,
      ...row.cells.map(cellValue),
      row.totalFen / 100,
      row.note,
    ];
    const r = ws.addRow(values);
    for (let c = 1; c <= last; c++) {
      const isMark = c >= 6 && c <= 17 && typeof values[c - 1] === 'string';
      r.getCell(c).style = isMark ? markStyle : (columnStyles[c - 1] ?? body);
    }
  });

  const totals = ws.addRow([
    '合计',
    '',
    '',
    null,
    null,
    ...grid.monthTotals.map((f) => f / 100),
    grid.totalFen / 100,
    `收缴率 ${formatRate(grid.collectionRate)}`,
  ]);
  ws.mergeCells(totals.number, 1, totals.number, 3);
  const totalStyle: Partial<ExcelJS.Style> = { font: { ...BODY_FONT, bold: true }, border: BORDER, numFmt: MONEY };
  for (let c = 1; c <= last; c++) totals.getCell(c).style = totalStyle;
  totals.getCell(1).style = { ...totalStyle, alignment: { horizontal: 'center' } };

  const notes = ['注：表中金额为当月实缴会费；“免”为退休、失业或经批准免缴的月份；“—”为非会员月份（入会前或转出后）；空白为未缴。'];
  if (options.ruleText) notes.push(`缴费标准：${options.ruleText}`);
  let lastRow = totals.number;
  for (const text of notes) {
    const r = ws.addRow([text]);
    ws.mergeCells(r.number, 1, r.number, last);
    r.getCell(1).style = { font: { name: FONT, size: 9 } };
    lastRow = r.number;
  }
  ws.pageSetup.printArea = `A1:${ws.getColumn(last).letter}${lastRow}`;
  // Light compression: the file stays small and writing 5,000 × 19 cells stays well under the 2 s budget.
  const buffer = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
  return new Uint8Array(buffer as ArrayBuffer);
}
