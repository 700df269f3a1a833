import type { SectionTexts } from '../facts/sections';
/**
 * The data model of one union's book. Every synced record carries the SyncMeta fields;
 * rows are never hard-deleted while they may still need to sync (`deleted` is a tombstone).
 * Money is integer fen, dates ISO `YYYY-MM-DD`, months `YYYY-MM`.
 */

import type { SpendingLimits } from '../limits/types';

export type Fen = number;
/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO month `YYYY-MM`. */
export type IsoMonth = string;

export interface SyncMeta {
  /** UUID v7. */
  id: string;
  /** Hybrid logical clock string of the last write (see shared/clock/hlc.ts). */
  updatedAt: string;
  deviceId: string;
  /** 0 = live, 1 = tombstone. A number, not a boolean, so IndexedDB can index it. */
  deleted: 0 | 1;
}

export type SpendingPresetId = 'anhui-2018' | 'guizhou-2018' | 'fujian-2018' | 'beijing-2019' | 'custom';

export interface DuesRule {
  /** Rate in basis points of the wage base: 50 = 0.5 %. */
  rateBasisPoints: number;
  /** The base is floored to a multiple of this many fen (1000 = 10 yuan). 1 = no flooring. */
  baseFloorFen: number;
  /** How the monthly amount is rounded to its unit. */
  rounding: 'fen' | 'jiao-round' | 'jiao-floor' | 'jiao-ceil';
}

export interface UnionProfile extends SyncMeta {
  name: string;
  /** 所在单位. */
  employer: string;
  /** 统一社会信用代码 or the upper union's union code. */
  code: string;
  upperUnion: string;
  chair: string;
  /** 经费会计/出纳. */
  treasurer: string;
  /** 职工人数, used for 入会率. */
  employeeCount: number;
  /** Women employees, for the upward statistics. */
  womenEmployeeCount: number;
  duesRule: DuesRule;
  spendingPreset: SpendingPresetId;
  /** The union's own limits, used when spendingPreset is 'custom'. */
  spendingLimits?: SpendingLimits;
  /**
   * The share of 拨缴经费 the union keeps, in basis points (6000 = 60 %); the rest is owed upward.
   * Provinces differ, so it is editable; a row written before it existed reads the default.
   */
  allocationShareBasisPoints?: number;
}

export type Gender = '男' | '女';
export type IdType = '居民身份证' | '护照' | '港澳居民来往内地通行证' | '台湾居民来往大陆通行证' | '其他';

export type MemberStatus = 'active' | 'retired' | 'unemployed' | 'transferred-out' | 'left' | 'deceased';

export interface Member extends SyncMeta {
  name: string;
  gender: Gender | '';
  ethnicity: string;
  birthDate: IsoDate | '';
  idType: IdType;
  idNumber: string;
  education: string;
  skillLevel: string;
  politicalStatus: string;
  /** 户籍类型: 城镇 / 农村 / ''. */
  householdType: string;
  isMigrantWorker: boolean;
  phone: string;
  department: string;
  joinDate: IsoDate | '';
  cardNumber: string;
  status: MemberStatus;
  /** 免缴: a member exempted from dues by decision, with the reason. */
  duesExempt: boolean;
  duesExemptReason: string;
  note: string;
}

export type MembershipEventKind = 'join' | 'transfer-in' | 'transfer-out' | 'retire' | 'unemployed' | 'leave' | 'death';

export interface MembershipEvent extends SyncMeta {
  memberId: string;
  kind: MembershipEventKind;
  date: IsoDate;
  reason: string;
  /** For transfers: the other union. */
  otherUnion: string;
}

export interface WageBase extends SyncMeta {
  memberId: string;
  year: number;
  /** Monthly wage base in fen. */
  baseFen: Fen;
}

export type PaymentMethod = '工资代扣' | '现金' | '转账';

export interface DuesPayment extends SyncMeta {
  memberId: string;
  month: IsoMonth;
  amountFen: Fen;
  paidDate: IsoDate;
  method: PaymentMethod;
  receiptNumber: string;
  /** A reversal points at the payment it cancels and carries the negated amount. */
  reversalOf: string;
  /** Posting batch (one 工资代扣 run, or one receipt), links to its 401 transaction. */
  batchId: string;
}

export interface Activity extends SyncMeta {
  title: string;
  category: string;
  startDate: IsoDate;
  endDate: IsoDate;
  place: string;
  organiser: string;
  participantIds: string[];
  /** Head-count when participants are not picked one by one (or in addition to them). */
  headCount: number;
  description: string;
  photoIds: string[];
  transactionIds: string[];
  /** A plan, not yet held: the only kind of activity that may be dated after today. */
  planned: boolean;
}

export type WelfareKind = '生日' | '结婚' | '生育' | '住院' | '去世' | '退休' | '节日' | '困难帮扶' | '送温暖';

export interface WelfareVisit extends SyncMeta {
  memberId: string;
  kind: WelfareKind;
  /** Sub-kind: 手术/无手术 for 住院; 本人/直系亲属 for 去世; the holiday for 节日; 春送岗位… for 送温暖. */
  subKind: string;
  date: IsoDate;
  form: 'cash' | 'goods' | 'shopping-card';
  amountFen: Fen;
  note: string;
  transactionId: string;
}

export type MoneyPlace = 'cash' | 'bank';

export interface Transaction extends SyncMeta {
  date: IsoDate;
  place: MoneyPlace;
  /** Account code of 工会会计制度 2021, e.g. '401', '50105'. */
  accountCode: string;
  /** Positive fen; the account's kind (income/expense) gives the direction. Reversals are negative. */
  amountFen: Fen;
  summary: string;
  /** e.g. 记-001, numbered per year. */
  voucherNumber: string;
  attachmentIds: string[];
  reversalOf: string;
  activityId: string;
  welfareId: string;
  /** Set when the entry was generated from dues postings. */
  duesBatchId: string;
  /**
   * On a 402 receipt of the full 拨缴经费: the part owed to the upper union (应付上级经费). The place
   * receives `amountFen`; income is `amountFen − payableFen`. Absent or 0 on every other entry.
   */
  payableFen?: Fen;
  /**
   * 专项补助: on a 40302 receipt, what the money was given for; on a spending entry, the 专项 it is
   * charged to. Absent or '' elsewhere.
   */
  purpose?: string;
  /**
   * On an entry of 231 代管经费 or 135 其他应收款 (accounts that move both ways): 'in' when money comes
   * into the entry's place, 'out' when it leaves. Absent on every other entry.
   */
  flow?: MoneyFlow;
  /**
   * The 135 advance (借出/预付) this entry settles: on a spending entry paid from the advance with
   * receipts (the place does not move), or on a 135 'in' entry returning what was left. Absent elsewhere.
   */
  advanceId?: string;
}

export type MoneyFlow = 'in' | 'out';

/** What remains of one 专项 at a year's start. */
export interface CarriedGrant {
  purpose: string;
  remainingFen: Fen;
}

export type FixedAssetCategory = 'general' | 'special';

/** 固定资产: one item registered from a 资本性支出 (or held before the start of books). */
export interface FixedAsset extends SyncMeta {
  name: string;
  /** 专用设备 has the higher threshold (1,500 yuan against 1,000). */
  category: FixedAssetCategory;
  acquiredDate: IsoDate;
  valueFen: Fen;
  /** 存放地点. */
  location: string;
  /** 保管人. */
  keeper: string;
  /** The 507 entry that paid for it; '' for an asset held before the start of books. */
  transactionId: string;
  /** 处置 (scrapped, sold, handed over): '' while the asset is held. */
  disposedDate: IsoDate | '';
  disposalReason: string;
}

export interface Budget extends SyncMeta {
  year: number;
  accountCode: string;
  amountFen: Fen;
}

/**
 * Money on hand when a year (or the books) begins. A row with `booksStart` is the start of books
 * (开账): the union began keeping its books here in `month`; nothing is booked before it, and dues
 * are owed only from it. Other rows set 上年结余 of a year by hand (month is then January).
 */
export interface OpeningBalance extends SyncMeta {
  year: number;
  /** The month whose first day the balances are at; `${year}-01` for a year's 上年结余. */
  month: IsoMonth;
  cashFen: Fen;
  bankFen: Fen;
  booksStart: boolean;
  /** Dues collected in the start year before the books start here (for the year's figures only). */
  duesBeforeFen: Fen;
  /** 应付上级经费 owed at that date. */
  payableFen?: Fen;
  /** 代管经费 held for others at that date. */
  custodyFen?: Fen;
  /** 其他应收款 (advances not yet settled) at that date. */
  receivableFen?: Fen;
  /** 专项补助 still unspent at that date, per purpose (carried by closing December; a grant may be spent next year). */
  grants?: CarriedGrant[];
  /**
   * Written by closing December: the year's closing balances carried into the next, so a year's
   * figures are read from its own rows. Reopening December removes it; a hand-set row is never one.
   */
  carried?: boolean;
}

export interface MonthClose extends SyncMeta {
  month: IsoMonth;
  closed: boolean;
  /** Reason given when a closed month is reopened. */
  reopenReason: string;
  closedAt: string;
}

/** The chair's own words for a year, one paragraph per section of the documents (shared/facts/sections.ts). */
export interface YearNote extends SyncMeta {
  year: number;
  sections: SectionTexts;
}

export interface Attachment extends SyncMeta {
  name: string;
  mimeType: string;
  size: number;
  /** Raw bytes. Blobs are kept as Uint8Array so the same record works in Node and the browser. */
  data: Uint8Array;
  caption: string;
}

export interface UserTemplate extends SyncMeta {
  name: string;
  kind: 'annual-summary' | 'finance-report' | 'other';
  /** Markdown + Liquid source with YAML front matter. */
  source: string;
  /** 'local' for the union's own copies, 'upper' for ones published by the upper union. */
  origin: 'local' | 'upper';
  basedOn: string;
}

export interface YearSubmission extends SyncMeta {
  year: number;
  status: 'submitted' | 'returned' | 'accepted';
  receiptNumber: string;
  submittedAt: string;
  returnReason: string;
}

/**
 * One line of the bank's statement (银行对账单), as imported. Amounts are from the union's side:
 * `inFen` came into the account (收入/贷方), `outFen` went out (支出/借方); one of them is 0.
 * Lines are never edited; a wrong import is removed line by line (tombstones).
 */
export interface BankLine extends SyncMeta {
  date: IsoDate;
  summary: string;
  inFen: Fen;
  outFen: Fen;
  /** 余额 after the line, as the bank printed it. */
  balanceFen: Fen;
  /** The import the line came from (one id per imported file) and its row there, for messages. */
  importId: string;
  fileName: string;
  rowNumber: number;
}

/** A statement line paired with the bank-journal entry it clears; unmatching tombstones the row. */
export interface BankMatch extends SyncMeta {
  lineId: string;
  transactionId: string;
  /** 'auto' when the matcher paired them, 'manual' when the treasurer did. */
  kind: 'auto' | 'manual';
}

/** A month whose bank reconciliation the treasurer chose to skip, with the reason (结账 asks for one or the other). */
export interface BankSkip extends SyncMeta {
  month: IsoMonth;
  reason: string;
}

/**
 * 换届交接: the books passed from one chair to the next, as the 交接清单 stated them. The outgoing
 * computer writes it when it makes the handover files, so the handover backup carries it; the
 * incoming computer completes it when it loads that backup.
 */
export interface Handover extends SyncMeta {
  date: IsoDate;
  /** 移交人, 接交人, 监交人. */
  from: string;
  to: string;
  supervisor: string;
  /** The voucher numbers the list stated, year by year (see shared/handover/handover-record.ts). */
  vouchers: string;
  cashFen: Fen;
  bankFen: Fen;
  /**
   * SHA-256 (hex) of the encrypted handover backup. '' in the copy inside that file, which cannot
   * hold its own checksum: that is how a handover backup is told from any other backup.
   */
  checksum: string;
  /** The outgoing computer's device id, and the union code it synced with ('' when not enrolled). */
  fromDeviceId: string;
  syncUnionCode: string;
  /** When the incoming computer loaded the handover backup ('' until then). */
  receivedAt: string;
  /** When the incoming computer had the outgoing one revoked on the sync server ('' until then). */
  revokedAt: string;
}
