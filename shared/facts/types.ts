import type { SectionTexts } from './sections';
import type { Fen, IsoDate, IsoMonth } from '../model/records';

/**
 * The figures of one calendar year that documents are written from, as the books show them on the
 * document date. Every field is described in description.ts; the compiler rejects a field that is
 * not described there, so the template editor's palette always matches these types. Ratios are
 * plain fractions (0.935), money is fen.
 */
export interface AnnualFacts {
  year: number;
  yearStart: IsoDate;
  yearEnd: IsoDate;
  /** The document date (成文日期): the date line, and the day every figure is counted to. */
  today: IsoDate;
  period: PeriodFacts;
  union: UnionFacts;
  members: MemberFacts;
  dues: DuesFacts;
  activities: ActivityFacts;
  welfare: WelfareFacts;
  finance: FinanceFacts;
  audit: AuditFacts;
  previous: PreviousYearFacts;
  notes: NarrativeFacts;
}

export interface PeriodFacts {
  /** The last day the figures count: the document date, or the year's last day when written later. */
  asOf: IsoDate;
  /** The whole year is counted (the document is dated on or after 31 December). */
  wholeYear: boolean;
  /** 全年, or 今年以来 while the year is still running. */
  span: string;
  /** The first day of the books when they start within this year, else ''. */
  booksStart: IsoDate | '';
}

export interface UnionFacts {
  name: string;
  employer: string;
  upperUnion: string;
  chair: string;
  treasurer: string;
  employeeCount: number;
  womenEmployeeCount: number;
  /** The spending rule the union follows (its preset), as a document names it. */
  spendingRule: string;
  /** The dues rate of the union's rule: 0.5%. */
  duesRate: string;
}

export interface MemberFacts {
  /** Members on the day before the year began. */
  atYearStart: number;
  /** Members on the counting day. */
  total: number;
  inService: number;
  women: number;
  womenInService: number;
  farmerWorkers: number;
  /** Memberships that began during the year up to the counting day (入会 and 转入). */
  joined: number;
  newMembers: number;
  transferredIn: number;
  /** Memberships that ended during the year up to the counting day. */
  left: number;
  transferredOut: number;
  quit: number;
  died: number;
  /** Retired during the year: still members, paying no dues. */
  retired: number;
  joinRate: number;
}

export interface DuesFacts {
  /** Members with dues received in the year. */
  payingMembers: number;
  /** Dues owed for the months that were due by the counting day, from the start of books. */
  dueFen: Fen;
  /** Of dueFen, what was paid. */
  paidDueFen: Fen;
  collectionRate: number;
  /** First and last month of what dueFen covers ('' when nothing was due yet). */
  owedFrom: IsoMonth | '';
  owedThrough: IsoMonth | '';
  arrearsFen: Fen;
  arrearsMembers: number;
  /** Members five or more months behind in a row (the six-month rule is near). */
  warnedMembers: number;
  /** Dues received in the year (by the day the money came in) plus any collected before the books started. */
  collectedFen: Fen;
  /** Received in the year as the dues records show, by paid date. */
  receivedFen: Fen;
  /** Collected in the start year before the books started here. */
  beforeBooksFen: Fen;
  /** Of receivedFen, paid this year for months of earlier years (补缴). */
  earlierYearsFen: Fen;
  /** Of receivedFen, paid this year for months of later years (预缴). */
  laterYearsFen: Fen;
  /** Of receivedFen, paid for months of the year that are not due yet (deducted in their own month). */
  notYetDueFen: Fen;
  notYetDueFrom: IsoMonth | '';
  notYetDueThrough: IsoMonth | '';
  /** 401 会费收入 booked in the year up to the counting day. */
  ledgerFen: Fen;
  /** ledgerFen − receivedFen: a difference the dues records do not explain. */
  unreconciledFen: Fen;
}

export interface ActivityPhoto {
  attachmentId: string;
  caption: string;
}

export interface ActivityItem {
  date: IsoDate;
  endDate: IsoDate;
  title: string;
  place: string;
  personTimes: number;
  description: string;
  photos: ActivityPhoto[];
}

export interface ActivityCategoryFacts {
  name: string;
  count: number;
  personTimes: number;
  /** A single activity of a category that does not need a heading of its own. */
  minor: boolean;
  items: ActivityItem[];
}

export interface PlannedActivity {
  date: IsoDate;
  title: string;
  category: string;
  place: string;
}

export interface ActivityFacts {
  /** Activities held by the counting day (plans and later dates are not counted). */
  count: number;
  personTimes: number;
  photoCount: number;
  categories: ActivityCategoryFacts[];
  /** Categories with a heading of their own (not minor). */
  majorCount: number;
  /** Single activities merged into one paragraph. */
  minorCount: number;
  photos: ActivityPhoto[];
  /** Activities of the year dated after the counting day: plans. */
  planned: PlannedActivity[];
}

export interface WelfareSubKind {
  name: string;
  personTimes: number;
  amountFen: Fen;
}

export interface WelfareKindFacts {
  kind: string;
  /** As a document names it: 住院慰问, 节日慰问品, 退休纪念品 … */
  label: string;
  personTimes: number;
  people: number;
  amountFen: Fen;
  subKinds: WelfareSubKind[];
}

export interface WelfareGroupFacts {
  personTimes: number;
  people: number;
  amountFen: Fen;
  kinds: WelfareKindFacts[];
}

export interface OverLimitVisit {
  kind: string;
  date: IsoDate;
  amountFen: Fen;
  /** The rule, as the welfare page names it. */
  rule: string;
}

export interface WelfareFacts {
  personTimes: number;
  amountFen: Fen;
  kinds: WelfareKindFacts[];
  /** 走访慰问: sickness and hospital, bereavement, hardship, 送温暖. */
  visits: WelfareGroupFacts;
  /** 会员福利: birthday, wedding, birth, holiday gifts, retirement. */
  benefits: WelfareGroupFacts;
  /** Visits the welfare page flags against the union's spending rule. */
  overLimit: OverLimitVisit[];
}

export interface AccountLine {
  code: string;
  name: string;
  amountFen: Fen;
  /** What the money was for, from the entries' 摘要, largest first. */
  usage: string;
  /** Welfare visits whose expense is booked to this account. */
  visits: number;
  /** Activities whose expense is booked to this account. */
  activities: number;
}

export interface AccountGroupFacts extends AccountLine {
  budgetFen: Fen;
  executionRate: number;
  share: number;
  items: AccountLine[];
}

export interface BudgetLineFacts {
  code: string;
  name: string;
  budgetFen: Fen;
  amountFen: Fen;
  /** amountFen − budgetFen (over budget when positive). */
  differenceFen: Fen;
  executionRate: number;
}

export interface FinanceFacts {
  /** The day the opening balance is at: 1 January, or the start of books. */
  openingDate: IsoDate;
  openingFen: Fen;
  openingCashFen: Fen;
  openingBankFen: Fen;
  incomeFen: Fen;
  expenseFen: Fen;
  surplusFen: Fen;
  /** surplus ÷ income. */
  surplusRate: number;
  /** The balance on the counting day. */
  closingFen: Fen;
  closingCashFen: Fen;
  closingBankFen: Fen;
  /** Figures rounded for running text (万元) no longer add up exactly: the text says so. */
  roundingNote: boolean;
  income: AccountGroupFacts[];
  expense: AccountGroupFacts[];
  /** 408 entries whose 摘要 names interest. */
  interestFen: Fen;
  /** 507 资本性支出: fixed assets bought. */
  capitalFen: Fen;
  incomeBudgetFen: Fen;
  expenseBudgetFen: Fen;
  incomeExecutionRate: number;
  expenseExecutionRate: number;
  /** Expense budget lines whose spending is above the budget. */
  overBudget: BudgetLineFacts[];
  /** Expense accounts with spending and no budget. */
  withoutBudget: AccountLine[];
  /** Ended months of the year (from the start of books) not yet closed (结账). */
  openMonths: OpenMonth[];
}

export interface OpenMonth {
  month: IsoMonth;
}

export interface PreviousYearFacts {
  /** The book holds the previous year from its start, so a comparison is fair. */
  available: boolean;
  year: number;
  /** The same day of the previous year, so a comparison covers the same span. */
  asOf: IsoDate;
  members: number;
  activities: number;
  personTimes: number;
  welfarePersonTimes: number;
  visitPersonTimes: number;
  incomeFen: Fen;
  expenseFen: Fen;
  duesFen: Fen;
}

/** The chair's paragraph of every section (see sections.ts), and the earlier three names for two of them. */
export type NarrativeFacts = SectionTexts & { highlights: string; nextYearPlan: string };

/** One column of the 资产负债表 as a document states it. */
export interface SheetColumnFacts {
  cashFen: Fen;
  bankFen: Fen;
  fixedAssetsFen: Fen;
  assetsFen: Fen;
  payableFen: Fen;
  custodyFen: Fen;
  liabilitiesFen: Fen;
  assetFundFen: Fen;
  fundBalanceFen: Fen;
  netAssetsFen: Fen;
}

export interface AuditCheckFacts {
  label: string;
  ok: boolean;
  /** What was compared and, when it fails, by how much and where. */
  detail: string;
}

export interface AuditBankMonthFacts {
  month: IsoMonth;
  /** 相符 / 不符 / 未导入对账单 / 已跳过. */
  state: string;
  differenceFen: Fen;
}

/**
 * 经费审查: what the 经审委员会 compares, from shared/audit (the same review the 账表 → 经费审查
 * tab and `unionbooks audit` show), counted to the document date.
 */
export interface AuditFacts {
  /** The day of the 资产负债表 and of the review: the document date, or the year's last day. */
  sheetDate: IsoDate;
  voucherCount: number;
  firstVoucher: string;
  lastVoucher: string;
  /** The year's opening and closing money, and 应付上级经费 at both ends, from the 收入支出表. */
  openingFen: Fen;
  closingFen: Fen;
  openingPayableFen: Fen;
  closingPayableFen: Fen;
  sheetStart: SheetColumnFacts;
  sheetEnd: SheetColumnFacts;
  /** Months ended by the review day (from the start of books), how many are closed, and the open ones. */
  endedMonths: number;
  closedMonths: number;
  openMonths: string;
  bankMonths: AuditBankMonthFacts[];
  bankReconciledMonths: number;
  /** The last ended month's bank journal balance and the statement's, when a statement reaches it. */
  bankMonth: IsoMonth | '';
  bankJournalFen: Fen;
  bankStatementFen: Fen;
  hasBankStatement: boolean;
  checks: AuditCheckFacts[];
  failedChecks: AuditCheckFacts[];
  passedCount: number;
  failedCount: number;
}
