import type { NewRecord } from '../book/changes';
import type { DuesPayment, DuesRule, IsoDate, IsoMonth, MonthClose } from '../model/records';
import { baseOf, buildDuesIndex, DuesError, isPaid, type DuesData, type DuesIndex } from './data';
import { monthDuty } from './eligibility';
import { isIsoMonth, monthLabel, monthsLabel } from './months';
import { checkPostingDate, duesTransaction, type DuesBatch } from './posting';
import { monthlyDues } from './rule';

export interface SinglePaymentInput {
  memberId: string;
  months: IsoMonth[];
  method: '现金' | '转账';
  paidDate: IsoDate;
  receiptNumber: string;
  rule: DuesRule;
  batchId: string;
  monthCloses?: readonly MonthClose[];
}

/**
 * A member pays one or several months in cash or by transfer, against one receipt. All months are
 * checked first; one bad month refuses the whole payment, so nothing half-posts.
 */
export function planSinglePayment(data: DuesData | DuesIndex, input: SinglePaymentInput): DuesBatch {
  const index = 'timelines' in data ? data : buildDuesIndex(data);
  const timeline = index.timelineOf.get(input.memberId);
  if (!timeline) throw new DuesError('找不到这位会员');
  const name = timeline.member.name;
  if (input.months.length === 0) throw new DuesError('请选择要缴纳的月份');
  const receiptNumber = input.receiptNumber.trim();
  if (!receiptNumber) throw new DuesError('请填写收据号');
  for (const list of index.paymentsOf.values()) {
    const clash = list.find((p) => p.receiptNumber === receiptNumber && p.reversalOf === '');
    if (clash) throw new DuesError(`收据号 ${receiptNumber} 已经用过，请换一个`);
  }
  checkPostingDate(input.paidDate, input.monthCloses);
  const months = [...new Set(input.months)].sort();
  const payments: NewRecord<'duesPayments'>[] = [];
  for (const month of months) {
    if (!isIsoMonth(month)) throw new DuesError(`月份无效：${month}`);
    const duty = monthDuty(timeline, month);
    if (duty.kind === 'not-member') throw new DuesError(`${name} ${monthLabel(month)}不是本会会员，无需缴纳`);
    if (duty.kind === 'exempt') throw new DuesError(`${name} ${monthLabel(month)}免缴会费（${duty.reason}）`);
    if (isPaid(index, input.memberId, month)) throw new DuesError(`${name} ${monthLabel(month)}的会费已经缴过`);
    const base = baseOf(index, input.memberId, Number(month.slice(0, 4)));
    if (base === null) throw new DuesError(`${name} 没有 ${month.slice(0, 4)} 年的工资基数，请先填写`);
    const amountFen = monthlyDues(base, input.rule);
    payments.push({
      memberId: input.memberId,
      month,
      amountFen,
      paidDate: input.paidDate,
      method: input.method,
      receiptNumber,
      reversalOf: '',
      batchId: input.batchId,
    });
  }
  const totalFen = payments.reduce((s, p) => s + p.amountFen, 0);
  const summary = `收${name} ${monthsLabel(months)}会费（${input.method}，收据 ${receiptNumber}）`;
  const place = input.method === '现金' ? 'cash' : 'bank';
  return {
    batchId: input.batchId,
    payments,
    totalFen,
    transaction: duesTransaction(input.paidDate, place, totalFen, summary, input.batchId),
  };
}

export interface ReversalInput {
  paymentId: string;
  date: IsoDate;
  reason: string;
  batchId: string;
  monthCloses?: readonly MonthClose[];
}

/**
 * 红字冲销 of one member-month: a negative payment pointing at the original and a negative 401
 * entry. The original stays, so the history shows what happened and why.
 */
export function planReversal(data: DuesData | DuesIndex, input: ReversalInput): DuesBatch {
  const index = 'timelines' in data ? data : buildDuesIndex(data);
  const original = findPayment(index, input.paymentId);
  if (!original) throw new DuesError('要冲销的会费记录不存在');
  if (original.reversalOf) throw new DuesError('这是一笔冲销记录，不能再冲销');
  if (isReversed(index, original)) throw new DuesError('这笔会费已经冲销过了');
  const reason = input.reason.trim();
  if (!reason) throw new DuesError('请填写冲销原因');
  checkPostingDate(input.date, input.monthCloses);
  const name = index.timelineOf.get(original.memberId)?.member.name ?? '';
  const payment: NewRecord<'duesPayments'> = {
    memberId: original.memberId,
    month: original.month,
    amountFen: -original.amountFen,
    paidDate: input.date,
    method: original.method,
    receiptNumber: original.receiptNumber,
    reversalOf: original.id,
    batchId: input.batchId,
  };
  const place = original.method === '现金' ? 'cash' : 'bank';
  const summary = `冲销${name} ${monthLabel(original.month)}会费：${reason}`;
  return {
    batchId: input.batchId,
    payments: [payment],
    totalFen: payment.amountFen,
    transaction: duesTransaction(input.date, place, payment.amountFen, summary, input.batchId),
  };
}

function findPayment(index: DuesIndex, id: string): DuesPayment | undefined {
  for (const list of index.paymentsOf.values()) {
    const hit = list.find((p) => p.id === id);
    if (hit) return hit;
  }
  return undefined;
}

export function isReversed(index: DuesIndex, payment: DuesPayment): boolean {
  return (index.paymentsOf.get(payment.memberId) ?? []).some((p) => p.reversalOf === payment.id);
}
