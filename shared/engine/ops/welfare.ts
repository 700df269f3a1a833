import { uuidv7 } from '../../ids/uuid7';
import { noLinks } from '../../model/entry';
import type { MoneyPlace, WelfareVisit } from '../../model/records';
import { expenseForVisit, isReversed, planExpenseEdit } from '../../welfare/pairing';
import { BookError, throwIfAny } from '../errors';
import { nonNegativeAmountProblem, type AmountOptions } from '../rules/amounts';
import { futureDateProblem } from '../rules/dates';
import type { BookStore } from '../store';
import { bookEntry, changeEntry, ENTRY_TABLES, reverseEntry } from './entries';
import { assertCashStaysNonNegative } from './state';

export type WelfareInput = Pick<WelfareVisit, 'memberId' | 'kind' | 'subKind' | 'date' | 'form' | 'amountFen' | 'note'>;

const WELFARE_TABLES = [...ENTRY_TABLES, 'members'] as const;

async function checkVisit(store: BookStore, input: WelfareInput, options: AmountOptions): Promise<string> {
  const problems: { field: string; message: string }[] = [];
  const member = input.memberId ? await store.get('members', input.memberId) : undefined;
  if (!member || member.deleted) problems.push({ field: 'memberId', message: '会员：请选择慰问的会员' });
  const date = futureDateProblem('慰问日期', input.date, store.today());
  if (date) problems.push({ field: 'date', message: date });
  const amount = nonNegativeAmountProblem('金额', input.amountFen, options);
  if (amount) problems.push({ field: 'amountFen', message: amount.replace('必须大于 0', '不能为负数') });
  throwIfAny(problems);
  return member?.name ?? '';
}

/** Saves a new visit and, when it carries money, its expense — both or neither. */
export async function createWelfare(
  store: BookStore,
  input: WelfareInput,
  place: MoneyPlace,
  options: AmountOptions = {},
): Promise<WelfareVisit> {
  return store.transaction(WELFARE_TABLES, async () => {
    const name = await checkVisit(store, input, options);
    const id = uuidv7();
    const expense = expenseForVisit({ id, ...input }, name, place);
    const tx = expense ? await bookEntry(store, { ...noLinks(), ...expense }, options) : null;
    const [visit] = await store.insert('welfare', [{ id, ...input, transactionId: tx?.id ?? '' }]);
    return visit!;
  });
}

/** Edits a visit and its expense together; refused (nothing written) when the money may not change. */
export async function updateWelfare(
  store: BookStore,
  id: string,
  input: WelfareInput,
  place: MoneyPlace,
  options: AmountOptions = {},
): Promise<WelfareVisit> {
  return store.transaction(WELFARE_TABLES, async () => {
    const visit = await store.get('welfare', id);
    if (!visit || visit.deleted) throw new BookError('要修改的慰问记录不存在');
    const name = await checkVisit(store, input, options);
    const linked = visit.transactionId ? await store.get('transactions', visit.transactionId) : undefined;
    const current = linked && linked.deleted === 0 ? linked : undefined;
    if (current && isReversed(current.id, await store.where('transactions', 'reversalOf', current.id)))
      throw new BookError('这次慰问的支出已经冲销，不能再修改；如需重新登记，请新增一次慰问');
    const plan = planExpenseEdit({ id, ...input }, current, name, place, await store.all('monthCloses'));
    let transactionId = current?.id ?? '';
    if (plan.action === 'refuse') throw new BookError(plan.message, 'date');
    if (plan.action === 'create') {
      const tx = await bookEntry(store, { ...noLinks(), ...plan.expense }, options);
      transactionId = tx.id;
    }
    if (plan.action === 'update') await changeEntry(store, plan.transactionId, plan.patch, 'welfare', options);
    if (plan.action === 'remove' && current) {
      // Taking the money off a visit: an open month may drop its own expense; the rules of money writes still apply.
      await changeEntry(store, current.id, {}, 'welfare');
      await store.remove('transactions', current.id);
      await assertCashStaysNonNegative(store, [current], []);
      transactionId = '';
    }
    const [saved] = await store.update('welfare', [{ id, patch: { ...input, transactionId } }]);
    return saved!;
  });
}

/**
 * 撤销 a visit: its expense gets a reversing entry (红字冲销) dated `date` — allowed even when the
 * original month is closed — and the visit is tombstoned. Both in one transaction.
 */
export async function reverseWelfare(store: BookStore, id: string, date: string, reason: string): Promise<void> {
  await store.transaction(WELFARE_TABLES, async () => {
    const visit = await store.get('welfare', id);
    if (!visit || visit.deleted) throw new BookError('要撤销的慰问记录不存在');
    const tx = visit.transactionId ? await store.get('transactions', visit.transactionId) : undefined;
    if (tx && tx.deleted === 0 && !isReversed(tx.id, await store.where('transactions', 'reversalOf', tx.id))) {
      await reverseEntry(store, tx.id, date, reason || '撤销慰问', 'welfare');
    }
    await store.remove('welfare', id);
  });
}
