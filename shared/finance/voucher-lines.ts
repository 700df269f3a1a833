import { findAccount, PAYABLE_ACCOUNT, RECEIVABLE_ACCOUNT } from '../accounts/chart';
import type { Fen, Transaction } from '../model/records';
import { transferTarget } from './effect';
import { PLACE_LABEL } from './journal';

/** One line of a 记账凭证: 摘要, 总账科目 / 明细科目, and the amount on the 借 or 贷 side. */
export interface VoucherLine {
  summary: string;
  account: string;
  subAccount: string;
  debitFen: Fen;
  creditFen: Fen;
}

export interface Voucher {
  number: string;
  date: string;
  lines: VoucherLine[];
  debitTotalFen: Fen;
  creditTotalFen: Fen;
  /** 附单据 N 张. */
  attachments: number;
}

function accountNames(code: string): { account: string; subAccount: string } {
  const a = findAccount(code);
  if (!a) return { account: code, subAccount: '' };
  const parent = a.parent ? findAccount(a.parent) : undefined;
  return parent
    ? { account: `${parent.code} ${parent.name}`, subAccount: `${a.code} ${a.name}` }
    : { account: `${a.code} ${a.name}`, subAccount: '' };
}

const moneyAccount = (place: 'cash' | 'bank') => ({ account: `${place === 'cash' ? '101' : '102'} ${PLACE_LABEL[place]}`, subAccount: '' });

/**
 * An entry written as the double-entry voucher a treasurer files: income debits the money it came
 * into and credits the income (and 应付上级经费 for the part owed upward); spending, transfers and 上缴
 * debit their account and credit the money that paid. 代管经费 and 其他应收款 go the way their flow
 * says; spending settled from an advance credits 其他应收款. A 红字 reversal keeps the lines, negated.
 */
export function voucherOf(t: Transaction): Voucher {
  const kind = findAccount(t.accountCode)?.kind;
  const line = (names: { account: string; subAccount: string }, debitFen: Fen, creditFen: Fen): VoucherLine => ({
    summary: t.summary,
    ...names,
    debitFen,
    creditFen,
  });
  const lines: VoucherLine[] = [];
  if (t.flow === 'in') {
    lines.push(line(moneyAccount(t.place), t.amountFen, 0));
    lines.push(line(accountNames(t.accountCode), 0, t.amountFen));
  } else if (t.advanceId && kind === 'expense') {
    lines.push(line(accountNames(t.accountCode), t.amountFen, 0));
    lines.push(line(accountNames(RECEIVABLE_ACCOUNT), 0, t.amountFen));
  } else if (kind === 'income') {
    const payable = t.payableFen ?? 0;
    lines.push(line(moneyAccount(t.place), t.amountFen, 0));
    lines.push(line(accountNames(t.accountCode), 0, t.amountFen - payable));
    if (payable !== 0) lines.push(line(accountNames(PAYABLE_ACCOUNT), 0, payable));
  } else {
    const debit = kind === 'asset' && !t.flow ? moneyAccount(transferTarget(t.accountCode)) : accountNames(t.accountCode);
    lines.push(line(debit, t.amountFen, 0));
    lines.push(line(moneyAccount(t.place), 0, t.amountFen));
  }
  return {
    number: t.voucherNumber,
    date: t.date,
    lines,
    debitTotalFen: lines.reduce((s, l) => s + l.debitFen, 0),
    creditTotalFen: lines.reduce((s, l) => s + l.creditFen, 0),
    attachments: t.attachmentIds.length,
  };
}
