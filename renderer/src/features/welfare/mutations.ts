import { uuidv7 } from '../../../../shared/ids/uuid7';
import type { MoneyPlace, WelfareVisit } from '../../../../shared/model/records';
import { expenseForVisit, isReversed, planExpenseEdit } from '../../../../shared/welfare/pairing';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { assertYearOpen, ClosedMonthError, postTransaction, reverseTransaction } from '../finance/mutations';

export type WelfareInput = Pick<WelfareVisit, 'memberId' | 'kind' | 'subKind' | 'date' | 'form' | 'amountFen' | 'note'>;

const TABLES = ['welfare', 'transactions', 'monthCloses'] as const;

async function memberName(db: UnionBooksDB, memberId: string): Promise<string> {
  return (await db.members.get(memberId))?.name ?? '';
}

/** Saves a new visit and, when it carries money, its expense — both or neither. */
export async function createWelfare(db: UnionBooksDB, mutator: Mutator, input: WelfareInput, place: MoneyPlace): Promise<WelfareVisit> {
  return mutator.transaction([...TABLES, 'members'], async () => {
    const id = uuidv7();
    const expense = expenseForVisit({ id, ...input }, await memberName(db, input.memberId), place);
    const tx = expense ? await postTransaction(db, mutator, expense) : null;
    return mutator.insert('welfare', { id, ...input, transactionId: tx?.id ?? '' });
  });
}

/** Edits a visit and its expense together; refuses (ClosedMonthError, nothing written) when the money sits in a closed month. */
export async function updateWelfare(
  db: UnionBooksDB,
  mutator: Mutator,
  id: string,
  input: WelfareInput,
  place: MoneyPlace,
): Promise<WelfareVisit> {
  return mutator.transaction([...TABLES, 'members'], async () => {
    const visit = await db.welfare.get(id);
    if (!visit || visit.deleted) throw new Error('要修改的慰问记录不存在');
    const linked = visit.transactionId ? await db.transactions.get(visit.transactionId) : undefined;
    const current = linked && linked.deleted === 0 ? linked : undefined;
    const plan = planExpenseEdit({ id, ...input }, current, await memberName(db, input.memberId), place, await db.monthCloses.toArray());
    let transactionId = current?.id ?? '';
    if (plan.action === 'refuse') throw new ClosedMonthError(plan.message);
    // Only a change of money touches the books; a note edit stays possible in a locked year.
    if (plan.action !== 'none') await assertYearOpen(db, current ? [current.date, input.date] : [input.date]);
    if (plan.action === 'create') transactionId = (await postTransaction(db, mutator, plan.expense)).id;
    if (plan.action === 'update') await mutator.update('transactions', plan.transactionId, plan.patch);
    if (plan.action === 'remove') {
      await mutator.remove('transactions', plan.transactionId);
      transactionId = '';
    }
    return mutator.update('welfare', id, { ...input, transactionId });
  });
}

/**
 * 撤销 a visit: its expense gets a reversing entry (红字冲销) dated `date` — allowed even when the
 * original month is closed — and the visit is tombstoned. Both in one transaction.
 */
export async function reverseWelfare(db: UnionBooksDB, mutator: Mutator, id: string, date: string, reason: string): Promise<void> {
  await mutator.transaction(TABLES, async () => {
    const visit = await db.welfare.get(id);
    if (!visit || visit.deleted) throw new Error('要撤销的慰问记录不存在');
    const tx = visit.transactionId ? await db.transactions.get(visit.transactionId) : undefined;
    if (tx && tx.deleted === 0 && !isReversed(tx.id, await db.transactions.where('reversalOf').equals(tx.id).toArray())) {
      await reverseTransaction(db, mutator, tx.id, date, reason || '撤销慰问');
    }
    await mutator.remove('welfare', id);
  });
}
