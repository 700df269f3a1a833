import { toHalfWidth } from './cells';

/** The member fields a roster column can feed, plus 序号 (recognised so it is not mistaken for data). */
export type RosterField =
  | 'seq'
  | 'name'
  | 'gender'
  | 'ethnicity'
  | 'birthDate'
  | 'idType'
  | 'idNumber'
  | 'education'
  | 'skillLevel'
  | 'politicalStatus'
  | 'householdType'
  | 'isMigrantWorker'
  | 'phone'
  | 'department'
  | 'joinDate'
  | 'cardNumber'
  | 'wageBase'
  | 'note';

export interface RosterColumn {
  field: RosterField;
  label: string;
  /** Header texts offices use for this column, compared after {@link headerKey}. */
  synonyms: readonly string[];
}

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { field: 'seq', label: '序号', synonyms: ['序号', '编号', '序', 'no', 'no.'] },
  { field: 'name', label: '姓名', synonyms: ['姓名', '会员姓名', '职工姓名', '名字'] },
  { field: 'gender', label: '性别', synonyms: ['性别'] },
  { field: 'ethnicity', label: '民族', synonyms: ['民族'] },
  { field: 'birthDate', label: '出生日期', synonyms: ['出生日期', '出生年月', '出生年月日', '生日'] },
  { field: 'idType', label: '证件类型', synonyms: ['证件类型', '证件种类'] },
  {
    field: 'idNumber',
    label: '身份证号码',
    synonyms: ['身份证号码', '身份证号', '身份证', '公民身份号码', '公民身份证号码', '证件号码', '证件号', '居民身份证号码'],
  },
  { field: 'education', label: '学历', synonyms: ['学历', '文化程度', '最高学历', '学历(文化程度)'] },
  { field: 'skillLevel', label: '技能等级', synonyms: ['技能等级', '职业技能等级', '技术等级', '技能水平'] },
  { field: 'politicalStatus', label: '政治面貌', synonyms: ['政治面貌'] },
  { field: 'householdType', label: '户籍类型', synonyms: ['户籍类型', '户口性质', '户籍性质', '户口类型'] },
  { field: 'isMigrantWorker', label: '是否农民工', synonyms: ['是否农民工', '农民工', '是否为农民工', '农民工(是/否)'] },
  { field: 'phone', label: '手机', synonyms: ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', '电话号码', '移动电话'] },
  {
    field: 'department',
    label: '工作单位/部门',
    synonyms: ['工作单位/部门', '所在部门', '部门', '工作单位', '单位', '科室', '所在单位', '工作部门', '单位/部门', '所在科室'],
  },
  { field: 'joinDate', label: '入会日期', synonyms: ['入会日期', '入会时间', '入会年月', '入会年月日'] },
  { field: 'cardNumber', label: '会员证号', synonyms: ['会员证号', '会员证编号', '会员卡号', '会员编号'] },
  { field: 'wageBase', label: '工资基数', synonyms: ['工资基数', '月工资基数', '缴费基数', '会费基数', '月工资', '工资'] },
  { field: 'note', label: '备注', synonyms: ['备注', '说明'] },
];

export const FIELD_LABELS: Record<RosterField, string> = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, c.label])) as Record<
  RosterField,
  string
>;

/** Column index → field, or null for a column that is not imported. */
export type ColumnMapping = (RosterField | null)[];

/** 姓\u3000名, 月工资基数（元）, *身份证号码 → 姓名, 月工资基数, 身份证号码: spacing, units and required-markers vary by office. */
export function headerKey(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[*※]/g, '')
    .replace(/\([^)]*\)$/, '')
    .replace(/[:：]$/, '');
}

const BY_KEY = new Map<string, RosterField>();
for (const column of ROSTER_COLUMNS) for (const s of column.synonyms) BY_KEY.set(headerKey(s), column.field);

export function fieldForHeader(text: string): RosterField | null {
  const key = headerKey(text);
  if (key === '') return null;
  const exact = BY_KEY.get(key) ?? BY_KEY.get(toHalfWidth(text).toLowerCase().replace(/\s+/g, ''));
  if (exact) return exact;
  // Longer headers such as 身份证号码(18位) or 入会时间(年月) still name their field.
  if (key.includes('身份证') || key.includes('身份号码')) return 'idNumber';
  if (key.includes('入会')) return 'joinDate';
  if (key.includes('农民工')) return 'isMigrantWorker';
  if (key.includes('工资基数') || key.includes('缴费基数')) return 'wageBase';
  if (key.includes('手机') || key.includes('电话')) return 'phone';
  if (key.includes('出生')) return 'birthDate';
  return null;
}

/** Maps each header cell to a field; when two columns claim one field, the first keeps it. */
export function mapHeaders(headers: readonly string[]): ColumnMapping {
  const taken = new Set<RosterField>();
  return headers.map((h) => {
    const field = fieldForHeader(h);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

export function columnOf(mapping: ColumnMapping, field: RosterField): number {
  return mapping.indexOf(field);
}
