import type { Fen, IsoDate } from '../model/records';

/**
 * The figures of one calendar year that documents are written from. Every field is described in
 * description.ts; the compiler rejects a field that is not described there, so the template editor's
 * palette always matches these types. Ratios are plain fractions (0.935), money is fen.
 */
export interface AnnualFacts {
  year: number;
  yearStart: IsoDate;
  yearEnd: IsoDate;
  /** The day the document is produced (for the date line). */
  today: IsoDate;
  union: UnionFacts;
  members: MemberFacts;
  dues: DuesFacts;
  activities: ActivityFacts;
  welfare: WelfareFacts;
  finance: FinanceFacts;
  notes: NarrativeFacts;
}

export interface UnionFacts {
  name: string;
  employer: string;
  upperUnion: string;
  chair: string;
  treasurer: string;
  employeeCount: number;
  womenEmployeeCount: number;
}

export interface MemberFacts {
  total: number;
  inService: number;
  women: number;
  farmerWorkers: number;
  joined: number;
  left: number;
  retired: number;
  joinRate: number;
}

export interface DuesFacts {
  payingMembers: number;
  dueFen: Fen;
  collectedFen: Fen;
  collectionRate: number;
  arrearsFen: Fen;
  arrearsMembers: number;
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
  photos: ActivityPhoto[];
}

export interface ActivityCategoryFacts {
  name: string;
  count: number;
  personTimes: number;
  items: ActivityItem[];
}

export interface ActivityFacts {
  count: number;
  personTimes: number;
  photoCount: number;
  categories: ActivityCategoryFacts[];
  photos: ActivityPhoto[];
}

export interface WelfareKindFacts {
  kind: string;
  personTimes: number;
  amountFen: Fen;
}

export interface WelfareFacts {
  personTimes: number;
  amountFen: Fen;
  kinds: WelfareKindFacts[];
}

export interface AccountLine {
  code: string;
  name: string;
  amountFen: Fen;
}

export interface AccountGroupFacts extends AccountLine {
  budgetFen: Fen;
  executionRate: number;
  share: number;
  items: AccountLine[];
}

export interface FinanceFacts {
  openingFen: Fen;
  incomeFen: Fen;
  expenseFen: Fen;
  surplusFen: Fen;
  closingFen: Fen;
  closingCashFen: Fen;
  closingBankFen: Fen;
  income: AccountGroupFacts[];
  expense: AccountGroupFacts[];
  incomeBudgetFen: Fen;
  expenseBudgetFen: Fen;
  incomeExecutionRate: number;
  expenseExecutionRate: number;
}

export interface NarrativeFacts {
  highlights: string;
  problems: string;
  nextYearPlan: string;
}
