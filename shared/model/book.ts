import type {
  Activity,
  Attachment,
  BankLine,
  BankMatch,
  BankSkip,
  Budget,
  DuesPayment,
  FixedAsset,
  Handover,
  Member,
  MembershipEvent,
  MonthClose,
  OpeningBalance,
  Transaction,
  UnionProfile,
  UserTemplate,
  WageBase,
  WelfareVisit,
  YearNote,
  YearSubmission,
} from './records';

/**
 * A whole book as plain data: what the renderer holds in Dexie, what the CLI reads from a
 * `.ubk` file and what the server receives. Domain functions in shared/ take (parts of) this.
 */
export interface BookTables {
  union: UnionProfile[];
  members: Member[];
  memberships: MembershipEvent[];
  wageBases: WageBase[];
  duesPayments: DuesPayment[];
  activities: Activity[];
  welfare: WelfareVisit[];
  transactions: Transaction[];
  budgets: Budget[];
  openingBalances: OpeningBalance[];
  monthCloses: MonthClose[];
  yearNotes: YearNote[];
  attachments: Attachment[];
  templates: UserTemplate[];
  submissions: YearSubmission[];
  bankLines: BankLine[];
  bankMatches: BankMatch[];
  bankSkips: BankSkip[];
  fixedAssets: FixedAsset[];
  handovers: Handover[];
}

export type TableName = keyof BookTables;

export type RecordOf<T extends TableName> = BookTables[T][number];

/** Every user-data table, in a stable order (backup files and sync use it). */
export const TABLE_NAMES: readonly TableName[] = [
  'union',
  'members',
  'memberships',
  'wageBases',
  'duesPayments',
  'activities',
  'welfare',
  'transactions',
  'budgets',
  'openingBalances',
  'monthCloses',
  'yearNotes',
  'attachments',
  'templates',
  'submissions',
  'bankLines',
  'bankMatches',
  'bankSkips',
  'fixedAssets',
  'handovers',
] as const;

/** Chinese names of the tables, for messages such as a restore report. */
export const TABLE_LABELS: Record<TableName, string> = {
  union: '工会信息',
  members: '会员',
  memberships: '会籍变动',
  wageBases: '工资基数',
  duesPayments: '会费收缴',
  activities: '活动',
  welfare: '慰问',
  transactions: '收支记录',
  budgets: '预算',
  openingBalances: '年初结余',
  monthCloses: '月结',
  yearNotes: '年度文字材料',
  attachments: '附件',
  templates: '文档模板',
  submissions: '年度报送',
  bankLines: '银行对账单',
  bankMatches: '银行对账勾对',
  bankSkips: '跳过的银行对账',
  fixedAssets: '固定资产',
  handovers: '换届交接',
};

export function emptyBook(): BookTables {
  const book = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) book[name] = [];
  return book as unknown as BookTables;
}

/** Live (non-tombstoned) rows of a table. */
export function live<T extends { deleted: 0 | 1 }>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.deleted === 0);
}
