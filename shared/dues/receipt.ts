import { toChineseCapitals } from '../money/capitals';
import { formatYuan } from '../money/fen';
import type { DuesPayment, Fen, IsoDate, Member, UnionProfile } from '../model/records';
import { monthsLabel } from './months';

/** 会费收据: what the printed receipt shows. */
export interface DuesReceipt {
  receiptNumber: string;
  unionName: string;
  memberName: string;
  department: string;
  monthsText: string;
  method: string;
  paidDate: IsoDate;
  /** 2025年3月15日. */
  paidDateText: string;
  amountFen: Fen;
  /** ¥36.00 */
  amountFigures: string;
  /** 人民币叁拾陆元整: 人民币 stands right before the capitals, with no gap (会计基础工作规范 §52). */
  amountCapitals: string;
  payee: string;
}

export function buildReceipt(
  union: Pick<UnionProfile, 'name' | 'treasurer'>,
  member: Pick<Member, 'name' | 'department'>,
  payments: readonly DuesPayment[],
): DuesReceipt {
  const live = payments.filter((p) => p.deleted === 0 && p.reversalOf === '');
  const first = live[0];
  if (!first) throw new Error('这张收据没有会费记录');
  const amountFen = live.reduce((s, p) => s + p.amountFen, 0);
  return {
    receiptNumber: first.receiptNumber,
    unionName: union.name,
    memberName: member.name,
    department: member.department,
    monthsText: monthsLabel(live.map((p) => p.month)),
    method: first.method,
    paidDate: first.paidDate,
    paidDateText: dateText(first.paidDate),
    amountFen,
    amountFigures: `¥${formatYuan(amountFen)}`,
    amountCapitals: `人民币${toChineseCapitals(amountFen)}`,
    payee: union.treasurer,
  };
}

export function dateText(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/**
 * Receipt numbers run per year, `2025-0001`, `2025-0002` …; the next follows the highest of that
 * year, so a number typed by hand from a printed receipt book does not break the sequence.
 */
export function nextReceiptNumber(used: Iterable<string>, year: number): string {
  let max = 0;
  const re = new RegExp(`^${year}-(\\d+)$`);
  for (const r of used) {
    const m = re.exec(r);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${year}-${String(max + 1).padStart(4, '0')}`;
}
