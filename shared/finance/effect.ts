import { CUSTODY_ACCOUNT, findAccount, RECEIVABLE_ACCOUNT, TRANSFER_ACCOUNT } from '../accounts/chart';
import type { Fen, MoneyPlace, Transaction } from '../model/records';

/**
 * What one entry does to the union's money: to the cash box, to the bank, to income and to
 * spending. This is the sign rule of the books, and the only place it is written: the journals,
 * balances, statements, charts, facts and verify all call it.
 *
 * - income (4xx): the entry's place gains the amount, income grows;
 * - expense (5xx): the place loses it, spending grows;
 * - transfer (101 库存现金 / 102 银行存款): the place named by the account gains, the entry's own
 *   place loses; neither income nor spending changes.
 * - a 402 receipt of the full 拨缴经费 carries `payableFen`, the part owed upward: the place gains
 *   the whole amount, income only the union's share, and 应付上级经费 the rest.
 * - 上缴 (221 应付上级经费): the place pays, the liability falls; neither income nor spending.
 * - 代管经费 (231): flow 'in' raises the place and the liability, 'out' lowers both.
 * - 其他应收款 (135): flow 'out' (an advance) moves money from the place to the receivable, 'in' (what
 *   was left, returned) moves it back.
 * - spending that names an advance (`advanceId`) is paid from it: the receivable falls, spending grows,
 *   and neither place moves (the money left when the advance was paid).
 * A 红字 reversal carries the negated amount, so every effect is undone by the same rule.
 */
export interface EntryEffect {
  cashFen: Fen;
  bankFen: Fen;
  incomeFen: Fen;
  expenseFen: Fen;
  /** Change in 应付上级经费. */
  payableFen: Fen;
  /** Change in 代管经费. */
  custodyFen: Fen;
  /** Change in 其他应收款. */
  receivableFen: Fen;
}

export type EntryForm = Pick<Transaction, 'place' | 'accountCode' | 'amountFen' | 'payableFen' | 'flow' | 'advanceId'>;

export class UnknownAccountError extends Error {
  override readonly name = 'UnknownAccountError';
}

function add(effect: EntryEffect, place: MoneyPlace, fen: Fen): void {
  if (place === 'cash') effect.cashFen += fen;
  else effect.bankFen += fen;
}

export function entryEffect(t: EntryForm): EntryEffect {
  const account = findAccount(t.accountCode);
  if (!account) throw new UnknownAccountError(`未知的会计科目：${t.accountCode}`);
  const effect: EntryEffect = { cashFen: 0, bankFen: 0, incomeFen: 0, expenseFen: 0, payableFen: 0, custodyFen: 0, receivableFen: 0 };
  const inward = t.flow === 'in' ? 1 : -1;
  if (t.accountCode === CUSTODY_ACCOUNT) {
    add(effect, t.place, inward * t.amountFen);
    effect.custodyFen = inward * t.amountFen;
  } else if (t.accountCode === RECEIVABLE_ACCOUNT) {
    add(effect, t.place, inward * t.amountFen);
    effect.receivableFen = -inward * t.amountFen;
  } else if (account.kind === 'expense' && t.advanceId) {
    effect.receivableFen = -t.amountFen;
    effect.expenseFen = t.amountFen;
  } else if (account.kind === 'income') {
    const payable = t.payableFen ?? 0;
    add(effect, t.place, t.amountFen);
    effect.incomeFen = t.amountFen - payable;
    effect.payableFen = payable;
  } else if (account.kind === 'liability') {
    add(effect, t.place, -t.amountFen);
    effect.payableFen = -t.amountFen;
  } else if (account.kind === 'expense') {
    add(effect, t.place, -t.amountFen);
    effect.expenseFen = t.amountFen;
  } else {
    add(effect, t.place, -t.amountFen);
    add(effect, transferTarget(t.accountCode), t.amountFen);
  }
  return effect;
}

/** A transfer entry's destination: 101 → cash, 102 → bank. */
export function transferTarget(accountCode: string): MoneyPlace {
  if (accountCode === TRANSFER_ACCOUNT.cash) return 'cash';
  if (accountCode === TRANSFER_ACCOUNT.bank) return 'bank';
  throw new UnknownAccountError(`不是转账科目：${accountCode}`);
}

export function isTransfer(t: Pick<Transaction, 'accountCode'>): boolean {
  return t.accountCode === TRANSFER_ACCOUNT.cash || t.accountCode === TRANSFER_ACCOUNT.bank;
}

/** The change in one place's balance (what that place's journal shows for the entry). */
export function placeEffect(t: EntryForm, place: MoneyPlace): Fen {
  const e = entryEffect(t);
  return place === 'cash' ? e.cashFen : e.bankFen;
}
