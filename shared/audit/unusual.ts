import { entryEffect } from '../finance/effect';
import type { Fen, IsoDate, Transaction } from '../model/records';
import { formatYuan } from '../money/fen';

/** Why the 经审委员会 should look at a voucher. */
export type UnusualReason = 'cash-large' | 'no-attachment' | 'round-repeat';

export interface UnusualEntry {
  transactionId: string;
  date: IsoDate;
  voucherNumber: string;
  summary: string;
  amountFen: Fen;
  reasons: UnusualReason[];
  /** The reasons in Chinese, one sentence each, with the figures that raised them. */
  notes: string[];
}

export interface UnusualOptions {
  /**
   * 现金结算起点: payments of this much or more are expected through the bank (现金管理暂行条例
   * sets 1,000 yuan; a union may follow a lower one of its employer).
   */
  cashLimitFen: Fen;
  /** Amounts that are whole multiples of this count as round numbers. */
  roundFen: Fen;
}

export const UNUSUAL_DEFAULTS: UnusualOptions = { cashLimitFen: 100_000, roundFen: 100_000 };

const yuan = (fen: Fen) => `${formatYuan(fen, { grouping: true })} 元`;

/**
 * Who a spending entry paid, as far as the books tell: the name after the last colon of the 摘要
 * (the app's own entries read “困难帮扶慰问：刘超”), otherwise the whole 摘要. The books keep no payee
 * field, so two entries count as the same payee only when they are written the same way.
 */
export function payeeOf(summary: string): string {
  const text = summary.trim();
  const cut = Math.max(text.lastIndexOf('：'), text.lastIndexOf(':'));
  return (cut >= 0 ? text.slice(cut + 1) : text).trim() || text;
}

/**
 * The spending vouchers of a period an auditor would pick out: cash payments at or over the
 * settlement threshold, spending with no attached receipt, and round-number payments made more than
 * once to the same payee. Reversals and reversed entries are left out (they cancel each other), as
 * are dues postings, which carry their own ledger instead of receipts.
 */
export function unusualEntries(
  transactions: readonly Transaction[],
  from: IsoDate,
  to: IsoDate,
  options: UnusualOptions = UNUSUAL_DEFAULTS,
): UnusualEntry[] {
  const reversed = new Set(transactions.filter((t) => t.deleted === 0 && t.reversalOf).map((t) => t.reversalOf));
  const spending = transactions.filter(
    (t) =>
      t.deleted === 0 &&
      t.date >= from &&
      t.date <= to &&
      !t.reversalOf &&
      !reversed.has(t.id) &&
      !t.duesBatchId &&
      entryEffect(t).expenseFen > 0,
  );

  const roundByPayee = new Map<string, Transaction[]>();
  for (const t of spending) {
    if (t.amountFen % options.roundFen !== 0) continue;
    const payee = payeeOf(t.summary);
    roundByPayee.set(payee, [...(roundByPayee.get(payee) ?? []), t]);
  }

  const out: UnusualEntry[] = [];
  for (const t of spending) {
    const reasons: UnusualReason[] = [];
    const notes: string[] = [];
    // What left the cash box: spending settled from an advance moves no cash on its own day.
    if (-entryEffect(t).cashFen >= options.cashLimitFen) {
      reasons.push('cash-large');
      notes.push(`现金支付 ${yuan(t.amountFen)}，达到现金结算起点 ${yuan(options.cashLimitFen)}，应通过银行转账`);
    }
    if (t.attachmentIds.length === 0) {
      reasons.push('no-attachment');
      notes.push('没有附票据');
    }
    const same = roundByPayee.get(payeeOf(t.summary)) ?? [];
    if (same.length > 1 && same.includes(t)) {
      reasons.push('round-repeat');
      notes.push(
        `整数金额，同一收款人“${payeeOf(t.summary)}”本期共 ${same.length} 笔，合计 ${yuan(same.reduce((n, x) => n + x.amountFen, 0))}`,
      );
    }
    if (reasons.length > 0)
      out.push({
        transactionId: t.id,
        date: t.date,
        voucherNumber: t.voucherNumber,
        summary: t.summary,
        amountFen: t.amountFen,
        reasons,
        notes,
      });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.voucherNumber.localeCompare(b.voucherNumber)));
}
