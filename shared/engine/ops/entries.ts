import type { NewRecord } from '../../book/changes';
import {
  ALLOCATION_ACCOUNT,
  CUSTODY_ACCOUNT,
  PAYABLE_ACCOUNT,
  RECEIVABLE_ACCOUNT,
  TRANSFER_ACCOUNT,
  findAccount,
} from '../../accounts/chart';
import { isTransfer } from '../../finance/effect';
import { entryProblems, reversalProblem } from '../../finance/entry';
import { managedElsewhere } from '../../finance/ownership';
import { nextVoucherNumber } from '../../finance/vouchers';
import { noLinks } from '../../model/entry';
import type { MoneyFlow, MoneyPlace, Transaction } from '../../model/records';
import { BookError, throwIfAny } from '../errors';
import { positiveAmountProblem, type AmountOptions } from '../rules/amounts';
import { moneyDateProblem } from '../rules/dates';
import type { BookStore, Patch } from '../store';
import { assertCashStaysNonNegative, financeBook, PERIOD_TABLES, periodState } from './state';
import { entryEffect } from '../../finance/effect';
import { assetsOfEntryProblem } from './assets';
import { firstNegativePayable } from '../../finance/payable';
import { formatYuan } from '../../money/fen';
import { formatDate } from '../rules/dates';
import { purposeProblem } from '../../finance/special-grants';
import { advanceProblem, assertHeldStaysWhole } from './held';
import { heldFieldProblem } from '../../finance/held';

export interface NewFile {
  name: string;
  mimeType: string;
  data: Uint8Array;
}

/** An entry as 记一笔 types it. */
export interface EntryInput {
  date: string;
  place: MoneyPlace;
  accountCode: string;
  amountFen: number;
  summary: string;
  activityId?: string;
  welfareId?: string;
  /** 专项补助: what a 40302 receipt was given for, or the 专项 a spending entry is charged to. */
  purpose?: string;
  /** 231 代管经费 and 135 其他应收款: 'in' received into the place, 'out' paid from it. */
  flow?: MoneyFlow;
  /** Spending settled from an advance (with receipts), or a 135 return of what was left: the advance's id. */
  advanceId?: string;
}

/** Who writes an entry: 收支 itself, or another page that owns the entries it makes. */
export type EntryOwner = 'finance' | 'dues' | 'welfare';

export const ENTRY_TABLES = ['transactions', 'attachments', 'activities', 'welfare', 'fixedAssets', ...PERIOD_TABLES] as const;

type NewEntry = Omit<NewRecord<'transactions'>, 'voucherNumber'> & { voucherNumber?: string };

/** Why `t` cannot be changed or reversed from `owner`'s page, or null. */
export function ownershipProblem(t: Transaction, owner: EntryOwner): string | null {
  if (owner === 'finance') return managedElsewhere(t);
  if (owner === 'dues' && !t.duesBatchId) return '这不是会费收缴生成的记录';
  if (owner === 'welfare' && !t.welfareId) return '这不是慰问生成的记录';
  return null;
}

async function reversalsOf(store: BookStore, id: string): Promise<Transaction[]> {
  return (await store.where('transactions', 'reversalOf', id)).filter((t) => t.deleted === 0);
}

/** Why an existing entry cannot be edited at all (before looking at the new values), or null. */
export async function editProblem(store: BookStore, current: Transaction | undefined, owner: EntryOwner): Promise<string | null> {
  if (!current || current.deleted !== 0) return '要修改的记录不存在';
  if (current.reversalOf) return `${current.voucherNumber} 是冲销记录，不能修改`;
  // Their amounts are tied to 应付上级经费: a change is a reversal and a new entry, so the liability stays whole.
  if (current.payableFen) return `${current.voucherNumber} 含应付上级经费，不能修改；如有错误请冲销后重新登记`;
  if (current.accountCode === PAYABLE_ACCOUNT) return `${current.voucherNumber} 是上缴上级经费，不能修改；如有错误请冲销后重新登记`;
  // Tied to a balance the entry alone does not show (代管经费, an advance): corrected by reversal too.
  if (current.flow || current.advanceId) return `${current.voucherNumber} 涉及代管经费或借款结算，不能修改；如有错误请冲销后重新登记`;
  const reversal = (await reversalsOf(store, current.id))[0];
  if (reversal) return `${current.voucherNumber} 已被 ${reversal.voucherNumber} 冲销，不能再修改`;
  return ownershipProblem(current, owner);
}

/**
 * Books one entry after every check a money write passes: the entry's own fields, its amount, its
 * date (not after today, not before the start of books, month open, year not locked). The voucher
 * is numbered within its year (记-NNN), and cash may not go below zero on any day because of it.
 */
export async function bookEntry(
  store: BookStore,
  entry: NewEntry,
  options: AmountOptions & { negative?: boolean } = {},
): Promise<Transaction> {
  const amount = options.negative
    ? entry.amountFen < 0
      ? positiveAmountProblem('金额', -entry.amountFen, { confirmLarge: true })
      : '冲销金额应为负数'
    : positiveAmountProblem('金额', entry.amountFen, options);
  const problems = fieldProblems(entry, amount);
  const payable = payableProblem(entry);
  if (payable) problems.push({ field: 'payableFen', message: payable });
  const state = await periodState(store);
  const date = moneyDateProblem(entry.date, state);
  if (date) problems.push({ field: 'date', message: date });
  const advance = problems.length === 0 ? await advanceProblem(store, entry) : null;
  if (advance) problems.push({ field: 'advanceId', message: advance });
  throwIfAny(problems);
  const year = entry.date.slice(0, 4);
  const used = await store.transactionsBetween(`${year}-01-01`, `${year}-12-31`);
  const [row] = await store.insert('transactions', [
    { ...entry, voucherNumber: nextVoucherNumber(used.map((t) => t.voucherNumber)) } as NewRecord<'transactions'>,
  ]);
  await assertCashStaysNonNegative(store, [], [row!]);
  if (entryEffect(row!).payableFen < 0) await assertPayableStaysNonNegative(store, row!.date);
  await assertHeldStaysWhole(store, row!);
  return row!;
}

/** Only a 402 receipt carries a part owed upward, of its own sign and not more than the receipt. */
function payableProblem(entry: NewEntry): string | null {
  const payable = entry.payableFen ?? 0;
  if (payable === 0) return null;
  if (entry.accountCode !== ALLOCATION_ACCOUNT) return '应付上级经费：只有 402 拨缴经费收入可以含应付上级经费';
  if (!Number.isSafeInteger(payable) || Math.sign(payable) !== Math.sign(entry.amountFen) || Math.abs(payable) > Math.abs(entry.amountFen))
    return '应付上级经费：应在 0 到收到的金额之间';
  return null;
}

/** More may not be paid upward than is owed, on any day (a reversed receipt lowers what is owed too). */
async function assertPayableStaysNonNegative(store: BookStore, from: string): Promise<void> {
  const low = firstNegativePayable(await financeBook(store), from);
  if (low)
    throw new BookError(
      `保存后 ${formatDate(low.date)} 应付上级经费将为 ${formatYuan(low.payableFen)} 元：上缴的金额不能超过应上缴的拨缴经费`,
      'amountFen',
    );
}

const FIELD_ORDER = ['date', 'place', 'accountCode', 'flow', 'advanceId', 'amountFen', 'summary', 'purpose'];

/** The entry's field problems in form order, its amount judged by the engine's amount rule. */
function fieldProblems(entry: NewEntry, amount: string | null): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = entryProblems({ ...entry, amountFen: 1 });
  if (amount) out.push({ field: 'amountFen', message: amount });
  const purpose = purposeProblem(entry);
  if (purpose) out.push({ field: 'purpose', message: purpose });
  const held = heldFieldProblem(entry, findAccount(entry.accountCode)?.kind);
  if (held) out.push({ field: held.startsWith('借款') ? 'advanceId' : 'flow', message: held });
  return out.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
}

export async function addFiles(store: BookStore, files: readonly NewFile[]): Promise<string[]> {
  if (files.length === 0) return [];
  const rows = await store.insert(
    'attachments',
    files.map((f) => ({ name: f.name, mimeType: f.mimeType, size: f.data.length, data: f.data, caption: '' })),
  );
  return rows.map((r) => r.id);
}

/** Keeps activity.transactionIds in step with the entry's activityId (the 活动 page lists its expenses from it). */
async function relinkActivity(store: BookStore, txId: string, from: string, to: string): Promise<void> {
  if (from === to) return;
  if (from) {
    const old = await store.get('activities', from);
    if (old) await store.update('activities', [{ id: from, patch: { transactionIds: old.transactionIds.filter((id) => id !== txId) } }]);
  }
  if (to) {
    const next = await store.get('activities', to);
    if (!next || next.deleted) throw new BookError('关联的活动不存在', 'activityId');
    if (!next.transactionIds.includes(txId))
      await store.update('activities', [{ id: to, patch: { transactionIds: [...next.transactionIds, txId] } }]);
  }
}

/** A welfare visit with no expense yet gets this one; a visit already paid by another entry cannot be linked twice. */
async function linkWelfare(store: BookStore, txId: string, welfareId: string): Promise<void> {
  if (!welfareId) return;
  const visit = await store.get('welfare', welfareId);
  if (!visit || visit.deleted) throw new BookError('关联的慰问记录不存在', 'welfareId');
  if (visit.transactionId && visit.transactionId !== txId) throw new BookError('该慰问记录已有对应的支出，不能重复关联', 'welfareId');
  if (visit.transactionId !== txId) await store.update('welfare', [{ id: welfareId, patch: { transactionId: txId } }]);
}

/** What 收支 itself may book: income and spending, but not dues (the 会费 page books 401 with its payments). */
function incomeOrExpenseProblem(accountCode: string): string | null {
  const account = findAccount(accountCode);
  if (accountCode === CUSTODY_ACCOUNT || accountCode === RECEIVABLE_ACCOUNT) return null;
  if (account?.kind === 'asset') return '科目：现金与银行之间的转账请用“提现/存现”登记';
  if (account?.kind === 'liability') return '科目：上缴上级经费请用“上缴经费”登记，它冲减应付上级经费';
  if (accountCode === '401') return '科目：会费收入请在“会费”页登记缴费，401 会费收入随之记账，两者才能一致';
  return null;
}

/** 记一笔 from the 收支 page: the entry, its attachments and its links, all or nothing. */
export async function postEntry(
  store: BookStore,
  input: EntryInput,
  files: readonly NewFile[] = [],
  options: AmountOptions = {},
): Promise<Transaction> {
  const kind = incomeOrExpenseProblem(input.accountCode);
  if (kind) throw new BookError(kind, 'accountCode');
  return store.transaction(ENTRY_TABLES, async () => {
    const attachmentIds = await addFiles(store, files);
    // Spending paid from an advance moves no money now; it is shown under the place the advance left.
    const advance = input.advanceId ? await store.get('transactions', input.advanceId) : undefined;
    const tx = await bookEntry(
      store,
      {
        date: input.date,
        place: advance && findAccount(input.accountCode)?.kind === 'expense' ? advance.place : input.place,
        accountCode: input.accountCode,
        amountFen: input.amountFen,
        summary: input.summary.trim(),
        attachmentIds,
        reversalOf: '',
        activityId: input.activityId ?? '',
        welfareId: input.welfareId ?? '',
        duesBatchId: '',
        ...(input.purpose?.trim() ? { purpose: input.purpose.trim() } : {}),
        ...(input.flow ? { flow: input.flow } : {}),
        ...(input.advanceId ? { advanceId: input.advanceId } : {}),
      },
      options,
    );
    await relinkActivity(store, tx.id, '', input.activityId ?? '');
    await linkWelfare(store, tx.id, input.welfareId ?? '');
    return tx;
  });
}

/**
 * Changes an entry's own fields. Refused for a reversal, an entry already reversed, one owned by
 * another page (unless that page asks), a move to another year (vouchers are numbered per year),
 * and when the old or the new date may not take money.
 */
export async function changeEntry(
  store: BookStore,
  id: string,
  patch: Patch<'transactions'>,
  owner: EntryOwner,
  options: AmountOptions = {},
): Promise<Transaction> {
  return store.transaction(ENTRY_TABLES, async () => {
    const current = await store.get('transactions', id);
    const refusal = await editProblem(store, current, owner);
    if (refusal || !current) throw new BookError(refusal ?? '要修改的记录不存在');
    const next = { ...current, ...patch };
    if (isTransfer(current) !== isTransfer(next)) throw new BookError('转账记录不能改成收支记录，收支记录也不能改成转账', 'accountCode');
    if (current.date.slice(0, 4) !== next.date.slice(0, 4))
      throw new BookError('凭证号按年编号，不能把记录改到另一年；请冲销后在新年度重记', 'date');
    const problems = fieldProblems(next, positiveAmountProblem('金额', next.amountFen, options));
    const state = await periodState(store);
    for (const d of new Set([current.date, next.date])) {
      const date = moneyDateProblem(d, state);
      if (date && !problems.some((p) => p.message === date)) problems.push({ field: 'date', message: date });
    }
    throwIfAny(problems);
    const [saved] = await store.update('transactions', [{ id, patch }]);
    await assertCashStaysNonNegative(store, [current], [saved!]);
    return saved!;
  });
}

/** Edits an entry from 收支: its fields, added attachments and its links. */
export async function updateEntry(
  store: BookStore,
  id: string,
  input: EntryInput,
  files: readonly NewFile[] = [],
  options: AmountOptions = {},
): Promise<Transaction> {
  const kind = incomeOrExpenseProblem(input.accountCode);
  if (kind) throw new BookError(kind, 'accountCode');
  return store.transaction(ENTRY_TABLES, async () => {
    const current = await store.get('transactions', id);
    const refusal = await editProblem(store, current, 'finance');
    if (refusal || !current) throw new BookError(refusal ?? '要修改的记录不存在');
    const added = await addFiles(store, files);
    await relinkActivity(store, id, current.activityId, input.activityId ?? '');
    if (current.welfareId !== (input.welfareId ?? '')) await linkWelfare(store, id, input.welfareId ?? '');
    return changeEntry(
      store,
      id,
      {
        date: input.date,
        place: input.place,
        accountCode: input.accountCode,
        amountFen: input.amountFen,
        summary: input.summary.trim(),
        activityId: input.activityId ?? '',
        welfareId: input.welfareId ?? '',
        attachmentIds: [...current.attachmentIds, ...added],
        ...(current.purpose || input.purpose?.trim() ? { purpose: input.purpose?.trim() ?? '' } : {}),
      },
      'finance',
      options,
    );
  });
}

/**
 * 红字冲销: a negative entry dated `date` that cancels the original, which stays. Allowed when the
 * original's month is closed (that is what reversals are for), not when `date`'s month is.
 */
export async function reverseEntry(
  store: BookStore,
  id: string,
  date: string,
  reason: string,
  owner: EntryOwner = 'finance',
): Promise<Transaction> {
  return store.transaction(ENTRY_TABLES, async () => {
    const original = await store.get('transactions', id);
    if (!original) throw new BookError('要冲销的记录不存在');
    const owned = ownershipProblem(original, owner);
    if (owned) throw new BookError(owned);
    const problem = reversalProblem(original, await reversalsOf(store, id));
    if (problem) throw new BookError(problem);
    if (reason.trim() === '') throw new BookError('请填写冲销原因', 'reason');
    const assets = await assetsOfEntryProblem(store, id);
    if (assets) throw new BookError(assets);
    const reversal = await bookEntry(
      store,
      {
        date,
        place: original.place,
        accountCode: original.accountCode,
        amountFen: -original.amountFen,
        summary: `冲销 ${original.voucherNumber}：${reason.trim()}`.slice(0, 100),
        attachmentIds: [],
        reversalOf: original.id,
        activityId: original.activityId,
        welfareId: original.welfareId,
        duesBatchId: original.duesBatchId,
        ...(original.payableFen ? { payableFen: -original.payableFen } : {}),
        ...(original.purpose ? { purpose: original.purpose } : {}),
        ...(original.flow ? { flow: original.flow } : {}),
        ...(original.advanceId ? { advanceId: original.advanceId } : {}),
      },
      { negative: original.amountFen > 0 },
    );
    return reversal;
  });
}

export interface TransferInput {
  date: string;
  /** Where the money comes from: 'bank' is 提现 (into the cash box), 'cash' is 存现 (into the bank). */
  from: MoneyPlace;
  amountFen: number;
  summary?: string;
}

/** 提现/存现: one entry that moves money between the cash box and the bank; neither income nor spending. */
export async function transferMoney(store: BookStore, input: TransferInput, options: AmountOptions = {}): Promise<Transaction> {
  if (input.from !== 'cash' && input.from !== 'bank') throw new BookError('资金：请选择从库存现金还是从银行存款转出', 'place');
  const into = input.from === 'bank' ? 'cash' : 'bank';
  const summary = input.summary?.trim() || (input.from === 'bank' ? '从银行提取备用金（提现）' : '现金存入银行（存现）');
  return store.transaction(ENTRY_TABLES, async () => {
    const tx = await bookEntry(
      store,
      {
        date: input.date,
        place: input.from,
        accountCode: TRANSFER_ACCOUNT[into],
        amountFen: input.amountFen,
        summary,
        ...noLinks(),
      },
      options,
    );
    return tx;
  });
}

/**
 * Removes one attachment from an entry (the attachment becomes a tombstone, so other devices drop it
 * too). The entry's month must be open: a closed month keeps its vouchers as they were closed.
 */
export async function removeAttachment(store: BookStore, transactionId: string, attachmentId: string): Promise<Transaction> {
  return store.transaction(ENTRY_TABLES, async () => {
    const tx = await store.get('transactions', transactionId);
    if (!tx || tx.deleted !== 0) throw new BookError('记录不存在');
    if (!tx.attachmentIds.includes(attachmentId)) throw new BookError(`${tx.voucherNumber} 没有这个附件`);
    const when = moneyDateProblem(tx.date, await periodState(store));
    if (when) throw new BookError(when);
    const [saved] = await store.update('transactions', [
      { id: tx.id, patch: { attachmentIds: tx.attachmentIds.filter((id) => id !== attachmentId) } },
    ]);
    // An attachment is never shared between entries, but check before the tombstone all the same.
    const others = (await store.all('transactions')).some(
      (t) => t.deleted === 0 && t.id !== tx.id && t.attachmentIds.includes(attachmentId),
    );
    if (!others) await store.remove('attachments', attachmentId);
    return saved!;
  });
}
