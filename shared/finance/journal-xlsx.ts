import ExcelJS from 'exceljs';
import { findAccount } from '../accounts/chart';
import type { MoneyPlace } from '../model/records';
import { totalOf } from './balances';
import { monthTotals, PLACE_LABEL, type Journal, type JournalRow } from './journal';
import { monthLabel } from './period';
import { a4, FONT, headerRow, infoRow, styleBody, titleRow, toBytes, yuan } from './xlsx-style';

export interface JournalXlsxOptions {
  unionName: string;
}

const HEADER = ['日期', '凭证号', '摘要', '科目编码', '科目名称', '资金', '收入', '支出', '余额'];
const AMOUNTS = [7, 8, 9];

/**
 * 收支明细账 as .xlsx: a sheet of all entries (余额 = cash + bank), then a 库存现金 and a 银行存款
 * journal, each with its own running balance. Every sheet opens with 上年结余 and has 本月合计
 * after each month and 本年累计 at the end, as a hand-kept journal does.
 */
export async function journalXlsx(j: Journal, o: JournalXlsxOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = o.unionName;
  sheet(wb, '收支明细账', `${j.year}年 收支明细账`, j.rows, totalOf(j.opening), totalOf(j.closing), null, o);
  for (const place of ['cash', 'bank'] as const) {
    const rows = j.rows.filter((r) => r.transaction.place === place);
    const open = place === 'cash' ? j.opening.cashFen : j.opening.bankFen;
    const close = place === 'cash' ? j.closing.cashFen : j.closing.bankFen;
    sheet(wb, `${PLACE_LABEL[place]}日记账`, `${j.year}年 ${PLACE_LABEL[place]}日记账`, rows, open, close, place, o);
  }
  return toBytes(wb);
}

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  rows: readonly JournalRow[],
  openingFen: number,
  closingFen: number,
  place: MoneyPlace | null,
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
  const months = new Map(monthTotals(rows).map((m) => [m.month, m]));
  let yearIncome = 0;
  let yearExpense = 0;
  rows.forEach((r, i) => {
    const t = r.transaction;
    const balance = place === null ? r.totalBalanceFen : r.placeBalanceFen;
    const row = ws.addRow([
      t.date,
      t.voucherNumber,
      t.summary,
      t.accountCode,
      findAccount(t.accountCode)?.name ?? '',
      PLACE_LABEL[t.place],
      r.incomeFen !== 0 ? yuan(r.incomeFen) : null,
      r.expenseFen !== 0 ? yuan(r.expenseFen) : null,
      yuan(balance),
    ]);
    styleBody(row, HEADER.length, AMOUNTS);
    if (t.amountFen < 0) row.getCell(3).font = { name: FONT, size: 10, color: { argb: 'FFC00000' } };
    const month = t.date.slice(0, 7);
    if (rows[i + 1]?.transaction.date.slice(0, 7) !== month) {
      const m = months.get(month);
      if (!m) return;
      yearIncome += m.incomeFen;
      yearExpense += m.expenseFen;
      total(`${monthLabel(month)} 本月合计`, m.incomeFen, m.expenseFen, balance);
      total('本年累计', yearIncome, yearExpense, balance);
    }
  });
  if (rows.length === 0) total('本年累计', 0, 0, closingFen);
  a4(ws, 'landscape', '3:3');
}
