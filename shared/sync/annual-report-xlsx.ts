import ExcelJS from 'exceljs';
import { formatDate } from '../engine/rules/dates';
import { a4, FONT, headerRow, styleBody, thin, titleRow, toBytes, yuan } from '../finance/xlsx-style';
import { annualReportRemarks, type AnnualReport, type AnnualReportFigures } from './annual-report';

const HEADERS = [
  '组织 / 工会',
  '代码',
  '职工',
  '女职工',
  '会员',
  '女会员',
  '在职会员',
  '农民工会员',
  '本年新发展会员',
  '经费收入（元）',
  '经费支出（元）',
  '报送',
  '提示',
];
const WIDTHS = [34, 12, 8, 8, 8, 8, 9, 10, 14, 15, 15, 9, 24];
const COUNT_COLUMNS = [3, 4, 5, 6, 7, 8, 9];
const AMOUNT_COLUMNS = [10, 11];

const figures = (f: AnnualReportFigures) => [
  f.employees,
  f.womenEmployees,
  f.members,
  f.women,
  f.inService,
  f.farmerWorkers,
  f.newMembers,
  yuan(f.incomeFen),
  yuan(f.spendingFen),
];

/**
 * 工会统计年报 (基层工会) roll-up as .xlsx: the tree in print order, each organisation's 合计 row over
 * its whole subtree in bold, its own unions under it; A4 landscape with the header row repeated;
 * a second sheet lists the unions whose report is not with the upper union.
 */
export async function annualReportXlsx(report: AnnualReport, o: { title: string; madeOn: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = o.title;
  const ws = wb.addWorksheet('统计年报');
  ws.columns = WIDTHS.map((width) => ({ width }));
  titleRow(ws, `${o.title} 工会统计年报（基层工会）汇总表`, HEADERS.length);
  const info = ws.addRow([
    `统计期间：${formatDate(report.period.from)}至${formatDate(report.period.to)}\u3000\u3000制表日期：${formatDate(o.madeOn)}`,
  ]);
  ws.mergeCells(info.number, 1, info.number, HEADERS.length);
  info.getCell(1).font = { name: FONT, size: 10 };
  headerRow(ws, HEADERS);
  const styled = (row: ExcelJS.Row, bold: boolean) => {
    styleBody(row, HEADERS.length, AMOUNT_COLUMNS, bold);
    for (const c of COUNT_COLUMNS) {
      row.getCell(c).numFmt = '0';
      row.getCell(c).alignment = { horizontal: 'right', vertical: 'middle' };
    }
  };
  const unionsOf = new Map<string, AnnualReport['unions']>();
  for (const u of report.unions) unionsOf.set(u.orgId, [...(unionsOf.get(u.orgId) ?? []), u]);
  for (const org of report.orgs) {
    const t = org.totals;
    const indent = '\u3000'.repeat(org.depth);
    styled(
      ws.addRow([
        `${indent}${org.name} 合计（${t.unions} 个工会）`,
        org.code,
        ...figures(t),
        `${t.reported}/${t.unions}`,
        annualReportRemarks(t).join('；'),
      ]),
      true,
    );
    for (const u of unionsOf.get(org.id) ?? [])
      styled(ws.addRow([`${indent}\u3000${u.name}`, u.code, ...figures(u), u.reportStatus, annualReportRemarks(u).join('；')]), false);
  }
  a4(ws, 'landscape', '3:3');

  const missing = wb.addWorksheet('未报送工会');
  missing.columns = [{ width: 6 }, { width: 36 }, { width: 12 }, { width: 30 }, { width: 18 }, { width: 10 }];
  titleRow(missing, `${o.title} ${report.year}年度未报送的基层工会`, 6);
  headerRow(missing, ['序号', '工会名称', '代码', '所属组织', '最近同步', '状态']);
  const orgName = new Map(report.orgs.map((g) => [g.id, g.name]));
  report.unions
    .filter((u) => !u.reported)
    .forEach((u, i) => {
      const row = missing.addRow([i + 1, u.name, u.code, orgName.get(u.orgId) ?? '', shanghaiTime(u.lastSyncAt), u.reportStatus]);
      row.eachCell({ includeEmpty: true }, (c) => {
        c.border = thin;
        c.font = { name: FONT, size: 10 };
      });
    });
  a4(missing, 'portrait', '2:2');
  return toBytes(wb);
}

/** A server time (ISO, UTC) as read in China: UTC+8, no daylight saving. */
function shanghaiTime(iso: string | null): string {
  if (!iso) return '从未同步';
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
