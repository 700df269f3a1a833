import type { NewRecord } from '../book/changes';
import { closedMonthMessage, isMonthClosed } from '../finance/closing';
import type { DuesRule, Fen, IsoDate, IsoMonth, MonthClose } from '../model/records';
import { baseOf, buildDuesIndex, DuesError, isPaid, type DuesData, type DuesIndex, type DuesLookups } from './data';
import { monthDuty, type DuesEvent, type DuesMember, type MemberTimeline } from './eligibility';
import { isIsoMonth, monthLabel } from './months';
import { monthlyDues } from './rule';

/** What one posting writes: the payments and the single 401 entry that carries their sum. */
export interface DuesBatch {
  batchId: string;
  payments: NewRecord<'duesPayments'>[];
  /** Null when nothing is posted. Its voucher number is left empty for the writer to assign. */
  transaction: NewRecord<'transactions'> | null;
  totalFen: Fen;
}

export interface MonthPostingPlan extends DuesBatch {
  month: IsoMonth;
  posted: number;
  /** Already paid for this month (by an earlier run or a cash payment): left alone. */
  skipped: number;
  exempt: number;
  /** Due but without a wage base for the year: cannot be computed, named so the user can fill them in. */
  missingBase: string[];
}

export interface MonthPostingOptions {
  month: IsoMonth;
  paidDate: IsoDate;
  rule: DuesRule;
  batchId: string;
  monthCloses?: readonly MonthClose[];
}

export function checkPostingDate(paidDate: IsoDate, monthCloses: readonly MonthClose[] = []): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(paidDate)) throw new DuesError(`缴费日期无效：${paidDate}`);
  if (isMonthClosed(monthCloses, paidDate)) throw new DuesError(closedMonthMessage(paidDate));
}

/**
 * 登记本月会费（工资代扣）: one payment per member who owes the month and has not paid it, and one
 * 401 entry for the batch. Running it twice posts nothing the second time.
 */
export function planMonthPosting(data: DuesData | DuesIndex, options: MonthPostingOptions): MonthPostingPlan {
  const index = 'timelines' in data ? data : buildDuesIndex(data);
  const posting = startMonthPosting(index, options);
  posting.plan(index.timelines);
  return posting.finish();
}

/**
 * A month's posting planned a page of members at a time, so a large roster can be read, planned
 * and written page by page inside one transaction; the pages together give the plan
 * `planMonthPosting` gives for the whole roster. The options are checked before any page.
 */
export interface MonthPosting {
  /** The payments for these members (each member in one page only), also kept for `finish`. */
  plan(timelines: Iterable<MemberTimeline<DuesMember, DuesEvent>>): NewRecord<'duesPayments'>[];
  /** The whole plan, with the one 401 entry for every page's payments. */
  finish(): MonthPostingPlan;
}

export function startMonthPosting(lookups: DuesLookups, options: MonthPostingOptions): MonthPosting {
  const { month, paidDate, rule, batchId } = options;
  if (!isIsoMonth(month)) throw new DuesError(`月份无效：${month}（应为 YYYY-MM）`);
  checkPostingDate(paidDate, options.monthCloses);
  const year = Number(month.slice(0, 4));
  const payments: NewRecord<'duesPayments'>[] = [];
  const missingBase: string[] = [];
  let skipped = 0;
  let exempt = 0;
  let totalFen = 0;
  return {
    plan(timelines) {
      const page: NewRecord<'duesPayments'>[] = [];
      for (const timeline of timelines) {
        const duty = monthDuty(timeline, month);
        if (duty.kind === 'not-member') continue;
        const memberId = timeline.member.id;
        if (duty.kind === 'exempt') {
          exempt++;
          continue;
        }
        if (isPaid(lookups, memberId, month)) {
          skipped++;
          continue;
        }
        const base = baseOf(lookups, memberId, year);
        const amountFen = base === null ? 0 : monthlyDues(base, rule);
        if (amountFen <= 0) {
          missingBase.push(timeline.member.name);
          continue;
        }
        totalFen += amountFen;
        page.push({ memberId, month, amountFen, paidDate, method: '工资代扣', receiptNumber: '', reversalOf: '', batchId });
      }
      for (const p of page) payments.push(p);
      return page;
    },
    finish() {
      const transaction =
        payments.length === 0
          ? null
          : duesTransaction(paidDate, 'bank', totalFen, `${monthLabel(month)}会费收入（工资代扣，${payments.length}人）`, batchId);
      return { batchId, month, payments, transaction, totalFen, posted: payments.length, skipped, exempt, missingBase };
    },
  };
}

export function duesTransaction(
  date: IsoDate,
  place: 'cash' | 'bank',
  amountFen: Fen,
  summary: string,
  batchId: string,
  reversalOf = '',
): NewRecord<'transactions'> {
  return {
    date,
    place,
    accountCode: '401',
    amountFen,
    summary,
    voucherNumber: '',
    attachmentIds: [],
    reversalOf,
    activityId: '',
    welfareId: '',
    duesBatchId: batchId,
  };
}

/** The message a person reads after a posting. */
export function describePosting(plan: MonthPostingPlan): string {
  const parts = [`${monthLabel(plan.month)}：登记 ${plan.posted} 人`, `跳过已缴 ${plan.skipped} 人`];
  if (plan.exempt > 0) parts.push(`免缴 ${plan.exempt} 人`);
  if (plan.missingBase.length > 0) {
    const names = plan.missingBase.slice(0, 5).join('、') + (plan.missingBase.length > 5 ? ' 等' : '');
    parts.push(`缺少工资基数未登记 ${plan.missingBase.length} 人（${names}）`);
  }
  return parts.join('，');
}
