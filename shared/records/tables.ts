import { emptySections, SECTIONS } from '../facts/sections';
import { ID_TYPES } from '../members/fields';
import { TABLE_LABELS, type RecordOf, type TableName } from '../model/book';
import type { SyncMeta } from '../model/records';
import { bool, date, enumOf, fen, int, month, optional, ref, refs, text, timestamp, type FieldSpec } from './spec';

type FieldsOf<T extends TableName> = { readonly [K in keyof Omit<RecordOf<T>, keyof SyncMeta>]-?: FieldSpec };

export interface RecordDeclaration<T extends TableName> {
  table: T;
  label: string;
  fields: FieldsOf<T>;
}

export type Declarations = { readonly [T in TableName]: RecordDeclaration<T> };

const declare = <T extends TableName>(table: T, fields: FieldsOf<T>): RecordDeclaration<T> => ({
  table,
  label: TABLE_LABELS[table],
  fields,
});

/** Attachments above this are refused at the door: a phone photo is compressed well below it first. */
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;
const NAME = 60;
const SHORT = 100;
const NOTE = 500;
const LONG = 10_000;

const MEMBER_STATUSES = ['active', 'retired', 'unemployed', 'transferred-out', 'left', 'deceased'] as const;
const EVENT_KINDS = ['join', 'transfer-in', 'transfer-out', 'retire', 'unemployed', 'leave', 'death'] as const;
const WELFARE_KINDS = ['生日', '结婚', '生育', '住院', '去世', '退休', '节日', '困难帮扶', '送温暖'] as const;
const PRESETS = ['anhui-2018', 'guizhou-2018', 'fujian-2018', 'beijing-2019', 'custom'] as const;

/**
 * Every record kind, field by field. The compiler checks that each declaration names exactly the
 * fields of its type, so a field added to the model without a declaration does not build.
 */
export const RECORDS: Declarations = {
  union: declare('union', {
    name: text('工会名称', SHORT),
    employer: text('所在单位', SHORT),
    code: text('工会代码', 64),
    upperUnion: text('上级工会', SHORT),
    chair: text('工会主席', NAME),
    treasurer: text('经费会计/出纳', NAME),
    employeeCount: int('职工人数', 0, 1_000_000),
    womenEmployeeCount: int('女职工人数', 0, 1_000_000),
    duesRule: {
      kind: 'object',
      label: '会费标准',
      optional: false,
      default: { rateBasisPoints: 50, baseFloorFen: 1000, rounding: 'fen' },
      fields: {
        rateBasisPoints: int('会费比例', 1, 1000),
        baseFloorFen: int('工资基数取整单位', 1, 100_000),
        rounding: enumOf('舍入方式', ['fen', 'jiao-round', 'jiao-floor', 'jiao-ceil'], 'fen'),
      },
    },
    spendingPreset: enumOf('慰问标准', PRESETS, 'anhui-2018'),
    spendingLimits: { kind: 'limits', label: '自定义慰问标准', optional: true },
    allocationShareBasisPoints: optional(int('拨缴经费留成比例', 0, 10_000, 6000)),
  }),
  members: declare('members', {
    name: text('姓名', NAME),
    gender: enumOf('性别', ['男', '女'], '', true),
    ethnicity: text('民族', 20),
    birthDate: date('出生日期', true),
    idType: enumOf('证件类型', ID_TYPES, '居民身份证'),
    idNumber: text('证件号码', 40),
    education: text('学历', 20),
    skillLevel: text('技能等级', 20),
    politicalStatus: text('政治面貌', 20),
    householdType: text('户籍类型', 20),
    isMigrantWorker: bool('是否农民工'),
    phone: text('手机', 40),
    department: text('工作单位/部门', SHORT),
    joinDate: date('入会日期', true),
    cardNumber: text('会员证号', 40),
    status: enumOf('会籍状态', MEMBER_STATUSES, 'active'),
    duesExempt: bool('免缴会费'),
    duesExemptReason: text('免缴原因', SHORT),
    note: text('备注', NOTE),
  }),
  memberships: declare('memberships', {
    memberId: ref('会员'),
    kind: enumOf('变动类型', EVENT_KINDS, 'join'),
    date: date('变动日期'),
    reason: text('原因', SHORT),
    otherUnion: text('对方工会', SHORT),
  }),
  wageBases: declare('wageBases', {
    memberId: ref('会员'),
    year: int('年度', 2000, 2100),
    baseFen: fen('月工资基数'),
  }),
  duesPayments: declare('duesPayments', {
    memberId: ref('会员'),
    month: month('所属月份'),
    amountFen: fen('金额', true),
    paidDate: date('缴费日期'),
    method: enumOf('缴费方式', ['工资代扣', '现金', '转账'], '工资代扣'),
    receiptNumber: text('收据号', 40),
    reversalOf: ref('冲销的缴费', true),
    batchId: ref('登记批次', true),
  }),
  activities: declare('activities', {
    title: text('活动名称', SHORT),
    category: text('活动类别', 40),
    startDate: date('开始日期'),
    endDate: date('结束日期'),
    place: text('地点', SHORT),
    organiser: text('组织者', SHORT),
    participantIds: refs('参加会员', 100_000),
    headCount: int('参加人数', 0, 1_000_000),
    description: text('活动内容', LONG),
    photoIds: refs('照片', 500),
    transactionIds: refs('支出', 500),
    planned: bool('计划中的活动'),
  }),
  welfare: declare('welfare', {
    memberId: ref('会员'),
    kind: enumOf('慰问类型', WELFARE_KINDS, '生日'),
    subKind: text('细类', 40),
    date: date('慰问日期'),
    form: enumOf('形式', ['cash', 'goods', 'shopping-card'], 'goods'),
    amountFen: fen('金额'),
    note: text('备注', NOTE),
    transactionId: ref('支出', true),
  }),
  transactions: declare('transactions', {
    date: date('日期'),
    place: enumOf('资金', ['cash', 'bank'], 'bank'),
    accountCode: text('科目', 10),
    amountFen: fen('金额', true),
    summary: text('摘要', 200),
    voucherNumber: text('凭证号', 20),
    attachmentIds: refs('附件', 200),
    reversalOf: ref('冲销的记录', true),
    activityId: ref('活动', true),
    welfareId: ref('慰问', true),
    duesBatchId: ref('会费批次', true),
    payableFen: optional(fen('应付上级经费', true)),
    purpose: optional(text('专项用途', 50)),
    flow: optional(enumOf('收付方向', ['in', 'out'], 'in')),
    advanceId: optional(ref('结算的借款', true)),
  }),
  budgets: declare('budgets', {
    year: int('年度', 2000, 2100),
    accountCode: text('科目', 10),
    amountFen: fen('预算金额'),
  }),
  openingBalances: declare('openingBalances', {
    year: int('年度', 2000, 2100),
    month: month('开始月份'),
    cashFen: fen('库存现金', true),
    bankFen: fen('银行存款', true),
    booksStart: bool('开账'),
    duesBeforeFen: fen('开账前已收会费'),
    payableFen: optional(fen('应付上级经费')),
    custodyFen: optional(fen('代管经费')),
    receivableFen: optional(fen('其他应收款')),
    grants: { kind: 'grants', label: '结转的专项', maxItems: 500, optional: true },
    carried: optional(bool('年末结转')),
  }),
  monthCloses: declare('monthCloses', {
    month: month('月份'),
    closed: bool('已结账'),
    reopenReason: text('反结账原因', NOTE),
    closedAt: timestamp('结账时间'),
  }),
  yearNotes: declare('yearNotes', {
    year: int('年度', 2000, 2100),
    sections: {
      kind: 'object',
      label: '各部分文字',
      optional: false,
      default: emptySections(),
      fields: Object.fromEntries(SECTIONS.map((s) => [s.key, text(s.title, LONG)])),
    },
  }),
  attachments: declare('attachments', {
    name: text('文件名', 200),
    mimeType: text('文件类型', 100),
    size: int('大小', 0, MAX_ATTACHMENT_BYTES),
    data: { kind: 'bytes', label: '文件内容', maxBytes: MAX_ATTACHMENT_BYTES },
    caption: text('说明', SHORT),
  }),
  templates: declare('templates', {
    name: text('模板名称', SHORT),
    kind: enumOf('模板类型', ['annual-summary', 'finance-report', 'other'], 'other'),
    source: text('模板内容', 200_000),
    origin: enumOf('来源', ['local', 'upper'], 'local'),
    basedOn: text('基于', SHORT),
  }),
  submissions: declare('submissions', {
    year: int('年度', 2000, 2100),
    status: enumOf('状态', ['submitted', 'returned', 'accepted'], 'submitted'),
    receiptNumber: text('回执号', 64),
    submittedAt: timestamp('报送时间'),
    returnReason: text('退回原因', NOTE),
  }),
  bankLines: declare('bankLines', {
    date: date('交易日期'),
    summary: text('摘要', 200),
    inFen: fen('收入金额'),
    outFen: fen('支出金额'),
    balanceFen: fen('余额', true),
    importId: ref('导入批次'),
    fileName: text('对账单文件', 200),
    rowNumber: int('行号', 0, 1_000_000),
  }),
  bankMatches: declare('bankMatches', {
    lineId: ref('对账单行'),
    transactionId: ref('日记账记录'),
    kind: enumOf('勾对方式', ['auto', 'manual'], 'manual'),
  }),
  bankSkips: declare('bankSkips', {
    month: month('月份'),
    reason: text('跳过原因', NOTE),
  }),
  fixedAssets: declare('fixedAssets', {
    name: text('资产名称', SHORT),
    category: enumOf('资产类别', ['general', 'special'], 'general'),
    acquiredDate: date('取得日期'),
    valueFen: fen('原值'),
    location: text('存放地点', SHORT),
    keeper: text('保管人', NAME),
    transactionId: ref('购置支出', true),
    disposedDate: date('处置日期', true),
    disposalReason: text('处置原因', NOTE),
  }),
  handovers: declare('handovers', {
    date: date('交接日期'),
    from: text('移交人', NAME),
    to: text('接交人', NAME),
    supervisor: text('监交人', NAME),
    vouchers: text('凭证号范围', NOTE),
    cashFen: fen('库存现金', true),
    bankFen: fen('银行存款', true),
    checksum: text('交接文件校验值', 64),
    fromDeviceId: text('移交设备', 64),
    syncUnionCode: text('同步工会代码', 64),
    receivedAt: timestamp('载入时间'),
    revokedAt: timestamp('撤销旧设备时间'),
  }),
};

export function fieldLabel(table: TableName, field: string): string {
  const fields = RECORDS[table].fields as Readonly<Record<string, FieldSpec>>;
  return fields[field]?.label ?? field;
}
