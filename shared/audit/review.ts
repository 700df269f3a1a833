import { bankState, reconcile, reconciliationStatus, type ReconciliationState } from '../bank/reconcile';
import { welfareFacts } from '../facts/welfare';
import type { OverLimitVisit } from '../facts/types';
import { computeBalanceSheet, monthEnd, type BalanceSheet } from '../finance/balance-sheet';
import { booksStartMonth } from '../finance/books-start';
import { closedMonths } from '../finance/closing';
import { monthLabel, monthsOfYear } from '../finance/period';
import { computeStatement, type Statement } from '../finance/statement';
import type { BookTables } from '../model/book';
import type { Fen, IsoDate, IsoMonth } from '../model/records';
import { auditChecks, type AuditCheck } from './checks';
import { unusualEntries, type UnusualEntry } from './unusual';
import { voucherRange, type VoucherRange } from './vouchers';

/** What the 经费审查 reads of a book. */
export type AuditBook = Pick<
  BookTables,
  | 'transactions'
  | 'openingBalances'
  | 'fixedAssets'
  | 'monthCloses'
  | 'bankLines'
  | 'bankMatches'
  | 'bankSkips'
  | 'welfare'
  | 'union'
  | 'budgets'
  | 'duesPayments'
>;

export interface BankMonth {
  month: IsoMonth;
  label: string;
  state: ReconciliationState;
  /** 相符 / 不符 / 未导入对账单 / 已跳过. */
  stateLabel: string;
  /** 调节后 journal minus statement; 0 unless unbalanced. */
  differenceFen: Fen;
  message: string;
}

/** 银行存款 at the last month-end reviewed: the journal beside the bank's statement. */
export interface BankAtEnd {
  month: IsoMonth;
  journalBalanceFen: Fen;
  /** null when no statement line reaches that month-end. */
  statementBalanceFen: Fen | null;
  statementThrough: IsoDate | null;
  adjustedDifferenceFen: Fen;
  balanced: boolean;
}

/** Everything the 经审委员会 sets side by side for a year, counted to `asOf`. */
export interface AuditReview {
  year: number;
  asOf: IsoDate;
  /** The months that have ended by `asOf`, from the start of books. */
  endedMonths: IsoMonth[];
  closedMonths: IsoMonth[];
  openMonths: IsoMonth[];
  statement: Statement;
  sheet: BalanceSheet;
  vouchers: VoucherRange;
  bank: BankMonth[];
  bankAtEnd: BankAtEnd | null;
  overLimit: OverLimitVisit[];
  /** Spending vouchers to look at (large cash payments, no receipt attached, repeated round sums to one payee). */
  unusual: UnusualEntry[];
  checks: AuditCheck[];
}

const STATE_LABELS: Record<ReconciliationState, string> = {
  reconciled: '相符',
  unbalanced: '不符',
  'no-statement': '未导入对账单',
  skipped: '已跳过',
};

/** The review's counting day: `date`, or the year's last day when it is later. */
export function auditAsOf(year: number, date: IsoDate): IsoDate {
  const end = `${year}-12-31`;
  return date < end ? date : end;
}

/**
 * 经费审查 of a year: the 收入支出表, the 资产负债表, the vouchers, the bank reconciliation of every
 * ended month, the months closed and the spending-limit warnings, each from the same shared function
 * the 收支, 账表 and 银行对账 pages use, and the checks that they agree with each other and with
 * the bank. The app's 经费审查 tab, `unionbooks audit` and the 经费审查报告 all read this.
 */
export function auditReview(book: AuditBook, year: number, date: IsoDate): AuditReview {
  const asOf = auditAsOf(year, date);
  const upTo = { ...book, transactions: book.transactions.filter((t) => t.date <= asOf) };
  const statement = computeStatement(upTo, { year });
  const sheet = computeBalanceSheet(upTo, asOf);
  const start = booksStartMonth(book.openingBalances);
  const endedMonths = monthsOfYear(year).filter((m) => monthEnd(m) <= asOf && (!start || m >= start));
  const closed = closedMonths(book.monthCloses, year);
  const state = bankState(book);
  const bank = endedMonths.map((month): BankMonth => {
    const s = reconciliationStatus(book, month, state);
    return {
      month,
      label: monthLabel(month),
      state: s.state,
      stateLabel: STATE_LABELS[s.state],
      differenceFen: s.differenceFen,
      message: s.message,
    };
  });
  const lastMonth = endedMonths[endedMonths.length - 1];
  const r = lastMonth ? reconcile(book, lastMonth, state) : null;
  const bankAtEnd: BankAtEnd | null = r && {
    month: r.month,
    journalBalanceFen: r.journalBalanceFen,
    statementBalanceFen: r.statementBalanceFen,
    statementThrough: r.statementThrough,
    adjustedDifferenceFen: r.differenceFen,
    balanced: r.balanced,
  };
  const vouchers = voucherRange(book.transactions, `${year}-01-01`, asOf);
  const overLimit = welfareFacts(book, year, asOf).overLimit;
  const review = {
    year,
    asOf,
    endedMonths,
    closedMonths: closed,
    openMonths: endedMonths.filter((m) => !closed.includes(m)),
    statement,
    sheet,
    vouchers,
    bank,
    bankAtEnd,
    overLimit,
  };
  const unusual = unusualEntries(book.transactions, `${year}-01-01`, asOf);
  return { ...review, unusual, checks: auditChecks(upTo, review) };
}
