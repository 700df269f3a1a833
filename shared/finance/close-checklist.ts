import { bankState, reconciliationStatus, type BankBook } from '../bank/reconcile';
import { checkDuesAgreement } from '../dues/agreement';
import { formatYuan } from '../money/fen';
import type { DuesPayment, MonthClose, Transaction } from '../model/records';
import { isMonthClosed } from './closing';
import type { FinanceBook } from './balances';
import { firstNegativePayable } from './payable';
import { monthLabel } from './period';
import { firstNegativeCash } from '../engine/rules/cash';
import { formatDate } from '../engine/rules/dates';

export type CheckKey = 'cash' | 'payable' | 'dues' | 'bank';

/** One line of the 结账 check list. A failed line that is not skipped stops the close. */
export interface CloseCheck {
  key: CheckKey;
  label: string;
  ok: boolean;
  /** The user chose to close without this check (only the bank check may be skipped). */
  skipped: boolean;
  detail: string;
}

/** What the bank check says for the months being closed; filled in where bank reconciliation is kept. */
export interface BankCheckResult {
  reconciled: boolean;
  detail: string;
}

export interface ChecklistInput extends FinanceBook {
  duesPayments: readonly DuesPayment[];
  /** The bank statement tables; where present, the bank check is read from them. */
  bankLines?: BankBook['bankLines'];
  bankMatches?: BankBook['bankMatches'];
  bankSkips?: BankBook['bankSkips'];
}

/**
 * The bank check of a close, from the reconciliation kept in the book: every month reconciled, or
 * skipped on the 银行对账 page with a reason.
 */
export function bankCheckOf(book: BankBook, months: readonly string[]): BankCheckResult {
  // The book's bank state once for every month: read per month it cost a long book's 交接 seconds.
  const state = bankState(book);
  const statuses = months.map((m) => reconciliationStatus(book, m, state));
  const open = statuses.filter((s) => s.state !== 'reconciled' && s.state !== 'skipped');
  if (open.length === 0) {
    const skipped = statuses.filter((s) => s.state === 'skipped');
    return { reconciled: true, detail: skipped.length > 0 ? skipped.map((s) => s.message).join('；') : '各月银行存款余额调节相符' };
  }
  // A long run of months without statements is named by its first few, so the check list stays readable.
  const named = open
    .slice(0, 3)
    .map((s) => s.message)
    .join('；');
  return { reconciled: false, detail: open.length > 3 ? `${named}等 ${open.length} 个月` : named };
}

export interface ChecklistOptions {
  bank?: BankCheckResult;
  /** Close without a bank reconciliation (said so on the check list). */
  skipBank?: boolean;
}

/** The months from `from` to `to` (both `YYYY-MM`), in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = to;
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    out.push(month);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * The months a 结账至 `to` closes: every month not closed yet from the start of books (or, without
 * one, the first entry's month, or January of `to`'s year) up to `to`.
 */
export function openMonthsThrough(
  to: string,
  closes: readonly MonthClose[],
  booksStart: string | null,
  transactions: readonly Pick<Transaction, 'date' | 'deleted'>[],
): string[] {
  let firstEntry: string | null = null;
  for (const t of transactions)
    if (t.deleted === 0 && (firstEntry === null || t.date.slice(0, 7) < firstEntry)) firstEntry = t.date.slice(0, 7);
  const start = booksStart ?? (firstEntry && firstEntry < to ? firstEntry : `${to.slice(0, 4)}-01`);
  return monthsBetween(start, to).filter((m) => !isMonthClosed(closes, m));
}

/** The check list for closing `months` (in order): money never below zero, dues agreeing with 401, the bank. */
export function closeChecklist(book: ChecklistInput, months: readonly string[], options: ChecklistOptions = {}): CloseCheck[] {
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const from = `${first}-01`;
  const to = `${last}-31`;
  const span = first === last ? monthLabel(first) : `${monthLabel(first)}至${monthLabel(last)}`;
  const out: CloseCheck[] = [];
  const low = firstNegativeCash(book, from);
  const lowInRange = low && low.date <= to ? low : null;
  out.push({
    key: 'cash',
    label: '库存现金每天不为负数',
    ok: !lowInRange,
    skipped: false,
    detail: lowInRange
      ? `${formatDate(lowInRange.date)} 库存现金余额为 ${formatYuan(lowInRange.cashFen)} 元`
      : `${span}每天的库存现金余额都不小于 0`,
  });
  const owed = firstNegativePayable(book, from);
  const owedInRange = owed && owed.date <= to ? owed : null;
  out.push({
    key: 'payable',
    label: '上缴经费不超过应付上级经费',
    ok: !owedInRange,
    skipped: false,
    detail: owedInRange
      ? `${formatDate(owedInRange.date)} 应付上级经费为 ${formatYuan(owedInRange.payableFen)} 元`
      : '应付上级经费没有出现负数',
  });
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  const dues = years.map((y) => checkDuesAgreement(book.duesPayments, book.transactions, y));
  const bad = dues.filter((d) => !d.ok);
  out.push({
    key: 'dues',
    label: '会费收缴与 401 会费收入一致',
    ok: bad.length === 0,
    skipped: false,
    detail:
      bad.length === 0
        ? `${years.join('、')}年会费收缴与 401 会费收入一致`
        : bad.map((d) => d.problems[0] ?? `${d.year}年相差 ${formatYuan(d.differenceFen)} 元`).join('；'),
  });
  const { bankLines, bankMatches, bankSkips } = book;
  const bank =
    options.bank ??
    (bankLines && bankMatches && bankSkips ? bankCheckOf({ ...book, bankLines, bankMatches, bankSkips }, months) : undefined);
  out.push({
    key: 'bank',
    label: '银行存款已与银行对账单核对',
    ok: bank?.reconciled === true,
    skipped: bank?.reconciled !== true && options.skipBank === true,
    detail: bank ? bank.detail : '尚未与银行对账单核对',
  });
  return out;
}

/** The checks that stop a close: failed and not skipped. */
export function blockingChecks(checks: readonly CloseCheck[]): CloseCheck[] {
  return checks.filter((c) => !c.ok && !c.skipped);
}
