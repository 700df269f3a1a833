import ExcelJS from 'exceljs';
import { maskIdNumber, maskPhone } from '../idcard/gb11643';
import { STATUS_LABELS } from '../members/status';
import type { Member, WageBase } from '../model/records';

export interface RosterExportOptions {
  unionName: string;
  /** Masked for copies that circulate; full only for the upper union's real-name records. */
  maskIds: boolean;
  /** Year whose 工资基数 is listed. */
  year: number;
}

const COLUMNS: { header: string; width: number }[] = [
  { header: '序号', width: 6 },
  { header: '姓名', width: 10 },
  { header: '性别', width: 6 },
  { header: '民族', width: 8 },
  { header: '出生日期', width: 12 },
  { header: '证件类型', width: 12 },
  { header: '证件号码', width: 21 },
  { header: '学历', width: 11 },
  { header: '技能等级', width: 9 },
  { header: '政治面貌', width: 12 },
  { header: '户籍类型', width: 9 },
  { header: '是否农民工', width: 10 },
  { header: '手机', width: 14 },
  { header: '工作单位/部门', width: 14 },
  { header: '入会日期', width: 12 },
  { header: '会员证号', width: 12 },
  { header: '会籍状态', width: 9 },
  { header: '月工资基数(元)', width: 13 },
  { header: '备注', width: 16 },
];

/** 会员名册 as an .xlsx: a title row, the header repeated on every printed page, A4 landscape. */
export async function writeRosterWorkbook(
  members: readonly Member[],
  wageBases: readonly WageBase[],
  options: RosterExportOptions,
): Promise<Uint8Array> {
  const base = new Map(wageBases.filter((w) => w.deleted === 0 && w.year === options.year).map((w) => [w.memberId, w.baseFen]));
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('会员名册', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${options.unionName}会员名册`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  const header = ws.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  const rows = members.filter((m) => m.deleted === 0);
  rows.forEach((m, i) => {
    const fen = base.get(m.id);
    const row = ws.addRow([
      i + 1,
      m.name,
      m.gender,
      m.ethnicity,
      m.birthDate,
      m.idType,
      options.maskIds ? maskIdNumber(m.idNumber) : m.idNumber,
      m.education,
      m.skillLevel,
      m.politicalStatus,
      m.householdType,
      m.isMigrantWorker ? '是' : '否',
      options.maskIds ? maskPhone(m.phone) : m.phone,
      m.department,
      m.joinDate,
      m.cardNumber,
      STATUS_LABELS[m.status],
      fen === undefined ? null : fen / 100,
      m.note,
    ]);
    // Kept as text: an ID number as a number loses its last digits in Excel.
    row.getCell(7).numFmt = '@';
    row.getCell(13).numFmt = '@';
    row.getCell(18).numFmt = '0.00';
  });
  for (let r = 2; r <= ws.rowCount; r++) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
