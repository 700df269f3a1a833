import ExcelJS from 'exceljs';
import type { Fen } from '../model/records';
import { totalOf } from './balances';
import type { Statement, StatementSection } from './statement';
import { a4, FONT, headerRow, infoRow, styleBody, titleRow, toBytes, yuan } from './xlsx-style';

export interface StatementXlsxOptions {
  unionName: string;
  chair: string;
  treasurer: string;
  /** 制表日期, ISO. */
  madeOn: string;
}

/**
 * 收入支出表 as .xlsx: income by account, then spending, then surplus and the money at both ends
 * of the period. A month statement carries 本月数 and 本年累计数; a year statement one column.
 */
export async function statementXlsx(s: Statement, o: StatementXlsxOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = o.unionName;
  const ws = wb.addWorksheet('收入支出表');
  const monthly = s.period.month !== undefined;
  const cols = monthly ? 4 : 3;
  ws.columns = monthly ? [{ width: 36 }, { width: 12 }, { width: 18 }, { width: 18 }] : [{ width: 40 }, { width: 14 }, { width: 22 }];
  titleRow(ws, '收入支出表', cols);
  infoRow(ws, o.unionName, s.label, cols);
  headerRow(ws, monthly ? ['项目', '科目编码', '本月数', '本年累计数'] : ['项目', '科目编码', '本年数']);
  const amountCols = monthly ? [3, 4] : [3];
  const line = (label: string, code: string, period: Fen, ytd: Fen, bold = false) => {
    const row = ws.addRow(monthly ? [label, code, yuan(period), yuan(ytd)] : [label, code, yuan(period)]);
    styleBody(row, cols, amountCols, bold);
  };
  const sectionRows = (title: string, sec: StatementSection) => {
    line(title, '', sec.totalFen, sec.yearToDateFen, true);
    for (const l of sec.lines) line(`${l.level === 0 ? '　' : '　　　'}${l.name}`, l.code, l.amountFen, l.yearToDateFen);
  };
  sectionRows('一、收入合计', s.income);
  sectionRows('二、支出合计', s.expense);
  line('三、本期结余（收入合计 − 支出合计）', '', s.surplusFen, s.yearToDateSurplusFen, true);
  // The 本年累计 column starts from 上年结余, the period column from the balance on the first day of the period.
  line('四、期初结余', '', totalOf(s.opening), totalOf(s.yearOpening), true);
  line('　其中：库存现金', '', s.opening.cashFen, s.yearOpening.cashFen);
  line('　　　　银行存款', '', s.opening.bankFen, s.yearOpening.bankFen);
  const owed = s.openingPayableFen !== 0 || s.closingPayableFen !== 0;
  line(
    owed ? '五、期末结余（期初结余 + 本期结余 + 应付上级经费增减）' : '五、期末结余（期初结余 + 本期结余）',
    '',
    totalOf(s.closing),
    totalOf(s.closing),
    true,
  );
  line('　其中：库存现金', '', s.closing.cashFen, s.closing.cashFen);
  line('　　　　银行存款', '', s.closing.bankFen, s.closing.bankFen);
  // Money that is owed upward sits in the bank but is not the union's: said where it exists.
  if (owed) line('　　含应付上级经费', '', s.closingPayableFen, s.closingPayableFen);
  ws.addRow([]);
  const sign = ws.addRow(
    monthly
      ? [`单位负责人：${o.chair}`, '', `会计：${o.treasurer}`, `制表日期：${o.madeOn}`]
      : [`单位负责人：${o.chair}`, '', `会计：${o.treasurer}\u3000\u3000制表日期：${o.madeOn}`],
  );
  sign.eachCell((c) => {
    c.font = { name: FONT, size: 10 };
  });
  a4(ws, 'portrait', '1:3');
  return toBytes(wb);
}
