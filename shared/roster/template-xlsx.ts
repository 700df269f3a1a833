import ExcelJS from 'exceljs';
import { EDUCATION_OPTIONS, HOUSEHOLD_OPTIONS, ID_TYPES, POLITICAL_OPTIONS, SKILL_OPTIONS } from '../members/fields';
import { ROSTER_COLUMNS, type RosterField } from './columns';

interface TemplateColumn {
  field: RosterField;
  header: string;
  width: number;
  /** What goes in the column, for the 填写说明 sheet. */
  hint: string;
  example: string;
  /** Choices offered as a drop-down list in Excel and WPS. */
  choices?: readonly string[];
  /** Kept as text so Excel does not turn an ID number into 3.30402E+17 or drop a phone's leading digits. */
  text?: boolean;
}

const LABEL = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, c.label])) as Record<RosterField, string>;

const COLUMNS: readonly TemplateColumn[] = [
  { field: 'name', header: `*${LABEL.name}`, width: 10, hint: '必填', example: '张明' },
  {
    field: 'idNumber',
    header: `*${LABEL.idNumber}`,
    width: 21,
    hint: '必填；18 位，末位可以是 X',
    example: '330402198503121234',
    text: true,
  },
  { field: 'gender', header: LABEL.gender, width: 6, hint: '可不填，按身份证号自动得出', example: '男', choices: ['男', '女'] },
  { field: 'ethnicity', header: LABEL.ethnicity, width: 8, hint: '例如 汉族', example: '汉族' },
  { field: 'birthDate', header: LABEL.birthDate, width: 12, hint: '可不填，按身份证号自动得出', example: '1985-03-12' },
  { field: 'idType', header: LABEL.idType, width: 14, hint: '不填即为居民身份证', example: '居民身份证', choices: ID_TYPES },
  { field: 'education', header: LABEL.education, width: 11, hint: '', example: '本科', choices: EDUCATION_OPTIONS },
  { field: 'skillLevel', header: LABEL.skillLevel, width: 9, hint: '', example: '无', choices: SKILL_OPTIONS },
  { field: 'politicalStatus', header: LABEL.politicalStatus, width: 12, hint: '', example: '群众', choices: POLITICAL_OPTIONS },
  { field: 'householdType', header: LABEL.householdType, width: 9, hint: '', example: '城镇', choices: HOUSEHOLD_OPTIONS },
  { field: 'isMigrantWorker', header: LABEL.isMigrantWorker, width: 10, hint: '是 或 否', example: '否', choices: ['是', '否'] },
  { field: 'phone', header: LABEL.phone, width: 14, hint: '11 位手机号', example: '13812345678', text: true },
  { field: 'department', header: LABEL.department, width: 14, hint: '', example: '办公室' },
  { field: 'joinDate', header: LABEL.joinDate, width: 12, hint: '例如 2015-07-01', example: '2015-07-01' },
  { field: 'cardNumber', header: LABEL.cardNumber, width: 12, hint: '', example: '' },
  {
    field: 'wageBase',
    header: '月工资基数(元)',
    width: 13,
    hint: '用于计算会费（0.5%）；可以以后在“会费 → 工资基数”中填写',
    example: '5000',
  },
  { field: 'note', header: LABEL.note, width: 16, hint: '', example: '' },
];

/** exceljs keeps validations by address and writes the address as the rule's range; its types only declare per-cell rules. */
interface RangeValidations {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
}

/** Rows that get the drop-down lists and text format: enough for a large union. */
const PREPARED_ROWS = 2000;

/**
 * 名册模板: an empty roster whose headers the importer maps by itself, with drop-down lists for the
 * columns that have fixed choices and a 填写说明 sheet (with an example row) after it, so the example
 * is never imported as a member.
 */
export async function writeRosterTemplate(unionName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('会员名册', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${unionName || ''}会员名册（带 * 的列必填，填写说明见第二个工作表）`;
  title.font = { bold: true, size: 14 };
  const header = ws.getRow(2);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: c.header.startsWith('*') ? { argb: 'FFC0392B' } : undefined };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  COLUMNS.forEach((c, i) => {
    if (c.text) ws.getColumn(i + 1).numFmt = '@';
    if (c.choices) {
      const column = ws.getColumn(i + 1).letter;
      // One rule over the range, not one per cell: the file stays small and opens fast in WPS.
      (ws as unknown as RangeValidations).dataValidations.add(`${column}3:${column}${PREPARED_ROWS + 2}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.choices.join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header.replace('*', ''),
        error: `请从下拉列表中选择：${c.choices.join('、')}`,
      });
    }
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];

  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 16 }, { width: 48 }, { width: 22 }];
  help.addRow(['列', '怎么填', '示例']).font = { bold: true };
  for (const c of COLUMNS) {
    const row = help.addRow([
      c.header.replace('*', ''),
      [c.header.startsWith('*') ? '必填' : '', c.hint, c.choices ? `可选：${c.choices.join('、')}` : '']
        .filter(Boolean)
        .join('；')
        .replace(/^必填；必填/, '必填'),
      c.example,
    ]);
    row.getCell(3).numFmt = '@';
  }
  help.addRow([]);
  help.addRow(['', '填好后在“会员 → 导入名册”中选择本文件；有问题的行会单独列出原因，其余照常导入。']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const ROSTER_TEMPLATE_FIELDS: readonly RosterField[] = COLUMNS.map((c) => c.field);
