import ExcelJS from 'exceljs';
import { findAccount } from '../accounts/chart';
import { totalOf } from './balances';
import { isTransfer, transferTarget } from './effect';
import { PLACE_LABEL, type Journal, type JournalRow } from './journal';
import { placeJournal, type PlaceJournalRow } from './place-journal';
import { monthLabel } from './period';
import { a4, FONT, headerRow, infoRow, styleBody, titleRow, toBytes, yuan } from './xlsx-style';

export interface JournalXlsxOptions {
  unionName: string;
}

const HEADER = ['日期', '凭证号', '摘要', '科目编码', '科目名称', '资金', '收入', '支出', '余额'];
const AMOUNTS = [7, 8, 9];

/**
 * 收支明细账 as .xlsx: a sheet of all entries (余额 = cash + bank), then a 库存现金 and a 银行存款
 * journal, each with its own running balance and every movement of its money (提现 and 存现 in
 * both, a 拨缴 receipt in full), as the screen shows them (place-journal.ts). Every sheet opens
 * with 上年结余 and has 本月合计 after each month and 本年累计 at the end, as a hand-kept journal does.
 */
export async function journalXlsx(j: Journal, o: JournalXlsxOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = o.unionName;
  const all = j.rows.map((r) => ({ row: r, inFen: r.incomeFen, outFen: r.expenseFen, balanceFen: r.totalBalanceFen }));
  sheet(wb, '收支明细账', `${j.year}年 收支明细账`, all, totalOf(j.opening), totalOf(j.closing), o);
  for (const place of ['cash', 'bank'] as const) {
    const p = placeJournal(j, place);
    sheet(wb, `${PLACE_LABEL[place]}日记账`, `${j.year}年 ${PLACE_LABEL[place]}日记账`, p.rows, p.openingFen, p.closingFen, o);
  }
  return toBytes(wb);
}

function placeText(t: JournalRow['transaction']): string {
  return isTransfer(t) ? `${PLACE_LABEL[t.place]}→${PLACE_LABEL[transferTarget(t.accountCode)]}` : PLACE_LABEL[t.place];
}

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  rows: readonly PlaceJournalRow[],
  openingFen: number,
  closingFen: number,
  o: JournalXlsxOptions,
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = [
    { width: 11 },
    { width: 9 },
    { width: 34 },
    { width: 9 },
    { width: 18 },
    { width: 9 },
    { width: 13 },
    { width: 13 },
    { width: 14 },
  ];
  titleRow(ws, title, HEADER.length);
  infoRow(ws, o.unionName, `${title.slice(0, 5)}1月1日至12月31日`, HEADER.length);
  headerRow(ws, HEADER);
  const year = title.slice(0, 4);
  const total = (label: string, income: number, expense: number, balance: number) => {
    const row = ws.addRow(['', '', label, '', '', '', yuan(income), yuan(expense), yuan(balance)]);
    styleBody(row, HEADER.length, AMOUNTS, true);
  };
  const opening = ws.addRow([`${year}-01-01`, '', '上年结余', '', '', '', null, null, yuan(openingFen)]);
  styleBody(opening, HEADER.length, AMOUNTS, true);
  let monthIn = 0;
  let monthOut = 0;
  let yearIn = 0;
  let yearOut = 0;
  rows.forEach((r, i) => {
    const t = r.row.transaction;
    const row = ws.addRow([
      t.date,
      t.voucherNumber,
      t.summary,
      t.accountCode,
      findAccount(t.accountCode)?.name ?? '',
      placeText(t),
      r.inFen !== 0 ? yuan(r.inFen) : null,
      r.outFen !== 0 ? yuan(r.outFen) : null,
      yuan(r.balanceFen),
    ]);
    styleBody(row, HEADER.length, AMOUNTS);
    if (t.amountFen < 0) row.getCell(3).font = { name: FONT, size: 10, color: { argb: 'FFC00000' } };
    monthIn += r.inFen;
    monthOut += r.outFen;
    const month = t.date.slice(0, 7);
    if (rows[i + 1]?.row.transaction.date.slice(0, 7) !== month) {
      yearIn += monthIn;
      yearOut += monthOut;
      total(`${monthLabel(month)} 本月合计`, monthIn, monthOut, r.balanceFen);
      total('本年累计', yearIn, yearOut, r.balanceFen);
      monthIn = 0;
      monthOut = 0;
    }
  });
  if (rows.length === 0) total('本年累计', 0, 0, closingFen);
  a4(ws, 'landscape', '3:3');
}
