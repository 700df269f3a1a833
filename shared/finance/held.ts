import { CUSTODY_ACCOUNT, RECEIVABLE_ACCOUNT } from '../accounts/chart';
import type { Fen, Transaction } from '../model/records';
import { anchorYear, openingRowFor, type FinanceBook } from './balances';
import { entryEffect } from './effect';

/**
 * Balance-sheet accounts that are neither money nor fund: 代管经费 (231, a liability: money held for
 * others) and 其他应收款 (135, an asset: advances not yet settled). Both move only through the sign rule
 * (effect.ts), so they are counted like 应付上级经费: a year's opening row, then the entries.
 */
export interface HeldBalances {
  custodyFen: Fen;
  receivableFen: Fen;
}

const touchesHeld = (t: Transaction) => Boolean(t.flow || t.advanceId);

/** Net change in 代管经费 and 其他应收款 from live entries dated from `from` to `to`. */
export function heldChange(transactions: Iterable<Transaction>, from: string, to: string): HeldBalances {
  const out = { custodyFen: 0, receivableFen: 0 };
  for (const t of transactions) {
    if (t.deleted !== 0 || t.date < from || t.date > to || !touchesHeld(t)) continue;
    const e = entryEffect(t);
    out.custodyFen += e.custodyFen;
    out.receivableFen += e.receivableFen;
  }
  return out;
}

/** On 1 January of a year: the year's own opening row, otherwise carried from the latest such row. */
export function openingHeld(book: FinanceBook, year: number): HeldBalances {
  const own = openingRowFor(book.openingBalances, year);
  if (own) return { custodyFen: own.custodyFen ?? 0, receivableFen: own.receivableFen ?? 0 };
  const anchor = anchorYear(book.openingBalances, year);
  const start = anchor === null ? { custodyFen: 0, receivableFen: 0 } : openingHeld(book, anchor);
  const net = heldChange(book.transactions, anchor === null ? '0000-01-01' : `${anchor}-01-01`, `${year - 1}-12-31`);
  return { custodyFen: start.custodyFen + net.custodyFen, receivableFen: start.receivableFen + net.receivableFen };
}

/** 代管经费 and 其他应收款 at the end of a day. */
export function heldAt(book: FinanceBook, date: string): HeldBalances {
  const year = Number(date.slice(0, 4));
  const open = openingHeld(book, year);
  const net = heldChange(book.transactions, `${year}-01-01`, date);
  return { custodyFen: open.custodyFen + net.custodyFen, receivableFen: open.receivableFen + net.receivableFen };
}

/** The first day on or after `from` whose 代管经费 is below zero (more paid out than held), or null. */
export function firstNegativeCustody(book: FinanceBook, from: string): { date: string; custodyFen: Fen } | null {
  const year = Number(from.slice(0, 4));
  let balance = openingHeld(book, year).custodyFen;
  const entries = book.transactions
    .filter((t) => t.deleted === 0 && t.date >= `${year}-01-01` && t.flow)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 0; i < entries.length;) {
    const date = entries[i]!.date;
    while (i < entries.length && entries[i]!.date === date) balance += entryEffect(entries[i++]!).custodyFen;
    if (balance < 0 && date >= from) return { date, custodyFen: balance };
  }
  return null;
}

/** Whether an entry is an advance (借出/预付): a 135 payment that is not itself a reversal. */
export function isAdvance(t: Transaction): boolean {
  return t.accountCode === RECEIVABLE_ACCOUNT && t.flow === 'out' && !t.reversalOf;
}

export interface AdvanceState {
  advance: Transaction;
  /** What is still to be settled: the advance, less its reversal, settlements and returns up to the day. */
  openFen: Fen;
  settledFen: Fen;
}

/**
 * Every advance paid by `date` with what is still open on that day. Settlements and returns name
 * their advance, and their reversals carry the same name with the negated amount, so they add back.
 */
export function advancesAt(transactions: readonly Transaction[], date: string): AdvanceState[] {
  const states = new Map<string, AdvanceState>();
  for (const t of transactions)
    if (t.deleted === 0 && t.date <= date && isAdvance(t)) states.set(t.id, { advance: t, openFen: t.amountFen, settledFen: 0 });
  for (const t of transactions) {
    if (t.deleted !== 0 || t.date > date) continue;
    const reversed = t.reversalOf ? states.get(t.reversalOf) : undefined;
    if (reversed) reversed.openFen += t.amountFen;
    const settled = t.advanceId ? states.get(t.advanceId) : undefined;
    if (settled) {
      settled.openFen -= t.amountFen;
      settled.settledFen += t.amountFen;
    }
  }
  return [...states.values()].sort((a, b) => (a.advance.date < b.advance.date ? -1 : a.advance.date > b.advance.date ? 1 : 0));
}

/** Advances with something still to settle on `date` (for the 换届 handover and the form's choices). */
export function openAdvances(transactions: readonly Transaction[], date: string): AdvanceState[] {
  return advancesAt(transactions, date).filter((a) => a.openFen !== 0);
}

/**
 * Why an entry's flow and advance fields do not fit its account, or null: 231 and 135 entries say
 * which way the money goes; only spending and a 135 return may name an advance, and a return must.
 */
export function heldFieldProblem(t: Pick<Transaction, 'accountCode' | 'flow' | 'advanceId'>, kind: string | undefined): string | null {
  const twoWay = t.accountCode === CUSTODY_ACCOUNT || t.accountCode === RECEIVABLE_ACCOUNT;
  if (twoWay && t.flow !== 'in' && t.flow !== 'out') return '收付方向：请选择收到还是付出';
  if (!twoWay && t.flow) return '收付方向：只有代管经费和其他应收款的记录有收付方向';
  if (t.advanceId && !(kind === 'expense' || (t.accountCode === RECEIVABLE_ACCOUNT && t.flow === 'in')))
    return '借款：只有支出报销或退回余款可以结算借款';
  if (t.accountCode === RECEIVABLE_ACCOUNT && t.flow === 'in' && !t.advanceId) return '借款：退回余款请选择结算哪一笔借款';
  return null;
}
