import { closedMonthMessage, isMonthClosed } from '../finance/closing';
import type { MoneyPlace, MonthClose, Transaction, WelfareVisit } from '../model/records';
import { welfareAccount } from './kinds';

/**
 * The rules that keep a welfare visit and its expense in 收支 in step. Every visit with an amount
 * (cash, or the value of goods or cards bought) has exactly one live expense, linked both ways
 * (visit.transactionId, transaction.welfareId). Money in a closed month is never edited: such an
 * edit is refused, and the way out is reversing the visit (红字冲销 of its expense).
 */

export type VisitMoney = Pick<WelfareVisit, 'id' | 'kind' | 'subKind' | 'date' | 'amountFen'>;

export interface ExpenseDraft {
  date: string;
  place: MoneyPlace;
  accountCode: string;
  amountFen: number;
  summary: string;
  welfareId: string;
}

export function welfareSummary(v: Pick<WelfareVisit, 'kind' | 'subKind'>, memberName: string): string {
  return `${v.kind}${v.subKind ? `（${v.subKind}）` : ''}慰问：${memberName}`;
}

/** The expense a visit books, or null when it carries no money. */
export function expenseForVisit(v: VisitMoney, memberName: string, place: MoneyPlace): ExpenseDraft | null {
  if (v.amountFen <= 0) return null;
  return {
    date: v.date,
    place,
    accountCode: welfareAccount(v.kind),
    amountFen: v.amountFen,
    summary: welfareSummary(v, memberName),
    welfareId: v.id,
  };
}

export type ExpensePatch = Partial<Pick<Transaction, 'date' | 'place' | 'accountCode' | 'amountFen' | 'summary'>>;

export type ExpensePlan =
  | { action: 'none' }
  | { action: 'create'; expense: ExpenseDraft }
  | { action: 'update'; transactionId: string; patch: ExpensePatch }
  | { action: 'remove'; transactionId: string }
  | { action: 'refuse'; message: string };

function closedAmong(closes: readonly MonthClose[], dates: readonly string[]): string | null {
  return dates.find((d) => isMonthClosed(closes, d)) ?? null;
}

/**
 * What an edit of a visit does to its expense. `current` is the linked live transaction (if any).
 * Refused with the Chinese closed-month message when the old or the new date lies in a closed month
 * and the money would change.
 */
export function planExpenseEdit(
  next: VisitMoney,
  current: Transaction | undefined,
  memberName: string,
  place: MoneyPlace,
  closes: readonly MonthClose[],
): ExpensePlan {
  const wanted = expenseForVisit(next, memberName, place);
  let plan: ExpensePlan;
  if (!current) plan = wanted ? { action: 'create', expense: wanted } : { action: 'none' };
  else if (!wanted) plan = { action: 'remove', transactionId: current.id };
  else {
    const patch: ExpensePatch = {};
    for (const key of ['date', 'place', 'accountCode', 'amountFen', 'summary'] as const) {
      if (current[key] !== wanted[key]) Object.assign(patch, { [key]: wanted[key] });
    }
    plan = Object.keys(patch).length === 0 ? { action: 'none' } : { action: 'update', transactionId: current.id, patch };
  }
  if (plan.action === 'none') return plan;
  const touched = [current?.date, wanted?.date].filter((d): d is string => !!d);
  const closed = closedAmong(closes, touched);
  return closed ? { action: 'refuse', message: closedMonthMessage(closed) } : plan;
}

/** Whether a transaction has already been cancelled by a live reversal. */
export function isReversed(txId: string, transactions: readonly Pick<Transaction, 'reversalOf' | 'deleted'>[]): boolean {
  return transactions.some((t) => t.deleted === 0 && t.reversalOf === txId);
}
