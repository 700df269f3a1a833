import { findAccount, isPostable } from '../accounts/chart';
import type { MoneyPlace, Transaction } from '../model/records';

export interface EntryDraft {
  date: string;
  place: MoneyPlace | '';
  accountCode: string;
  amountFen: number | null;
  summary: string;
}

export interface EntryProblem {
  field: 'date' | 'place' | 'accountCode' | 'amountFen' | 'summary';
  message: string;
}

/** Checks a new entry as typed; every problem names its field in Chinese. */
export function entryProblems(d: EntryDraft): EntryProblem[] {
  const out: EntryProblem[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date) || Number.isNaN(Date.parse(d.date))) out.push({ field: 'date', message: '日期：请填写有效日期' });
  if (d.place !== 'cash' && d.place !== 'bank') out.push({ field: 'place', message: '资金：请选择库存现金或银行存款' });
  if (!findAccount(d.accountCode)) out.push({ field: 'accountCode', message: '科目：请选择会计科目' });
  else if (!isPostable(d.accountCode)) out.push({ field: 'accountCode', message: `科目：${d.accountCode} 有明细科目，请选到明细科目` });
  if (d.amountFen === null || !Number.isSafeInteger(d.amountFen))
    out.push({ field: 'amountFen', message: '金额：请填写金额（元，最多两位小数）' });
  else if (d.amountFen <= 0) out.push({ field: 'amountFen', message: '金额：必须大于 0；更正已记的金额请用红字冲销' });
  if (d.summary.trim() === '') out.push({ field: 'summary', message: '摘要：请填写摘要' });
  else if (d.summary.length > 100) out.push({ field: 'summary', message: '摘要：不超过 100 个字' });
  return out;
}

/** Why an entry cannot be reversed, or null: a reversal is not reversed again, and an entry is reversed once. */
export function reversalProblem(target: Transaction, all: Iterable<Transaction>): string | null {
  if (target.deleted !== 0) return '该记录已删除';
  if (target.reversalOf) return `${target.voucherNumber} 本身是冲销记录，不能再冲销`;
  for (const t of all) {
    if (t.deleted === 0 && t.reversalOf === target.id) return `${target.voucherNumber} 已经冲销过（${t.voucherNumber}）`;
  }
  return null;
}
