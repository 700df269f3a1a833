import { managedElsewhere } from '../../../../shared/finance/ownership';
import { entryProblems } from '../../../../shared/finance/entry';
import type { Transaction } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { assertMoneyWritable, FinanceInputError, postTransaction, type TransactionInput } from './mutations';

export interface NewFile {
  name: string;
  mimeType: string;
  data: Uint8Array;
}

export type EntryFields = Pick<Transaction, 'date' | 'place' | 'accountCode' | 'amountFen' | 'summary' | 'activityId' | 'welfareId'>;

function check(fields: EntryFields): void {
  const problems = entryProblems(fields);
  if (problems.length > 0) throw new FinanceInputError(problems.map((p) => p.message).join('；'));
}

/** Keeps activity.transactionIds in step with the entry's activityId (the 活动 page lists its expenses from it). */
async function relinkActivity(db: UnionBooksDB, mutator: Mutator, txId: string, from: string, to: string): Promise<void> {
  if (from === to) return;
  if (from) {
    const old = await db.activities.get(from);
    if (old) await mutator.update('activities', from, { transactionIds: old.transactionIds.filter((id) => id !== txId) });
  }
  if (to) {
    const next = await db.activities.get(to);
    if (!next || next.deleted) throw new FinanceInputError('关联的活动不存在');
    if (!next.transactionIds.includes(txId)) await mutator.update('activities', to, { transactionIds: [...next.transactionIds, txId] });
  }
}

/** A welfare visit with no expense yet gets this one; a visit already paid by another entry cannot be linked twice. */
async function linkWelfare(db: UnionBooksDB, mutator: Mutator, txId: string, welfareId: string): Promise<void> {
  if (!welfareId) return;
  const visit = await db.welfare.get(welfareId);
  if (!visit || visit.deleted) throw new FinanceInputError('关联的慰问记录不存在');
  if (visit.transactionId && visit.transactionId !== txId) throw new FinanceInputError('该慰问记录已有对应的支出，不能重复关联');
  if (visit.transactionId !== txId) await mutator.update('welfare', welfareId, { transactionId: txId });
}

const ENTRY_TABLES = ['transactions', 'monthCloses', 'attachments', 'activities', 'welfare'] as const;

/** 记一笔 from the 收支 page: the entry, its attachments and its links, all or nothing. */
export async function postEntry(db: UnionBooksDB, mutator: Mutator, fields: EntryFields, files: readonly NewFile[]): Promise<Transaction> {
  check(fields);
  return mutator.transaction(ENTRY_TABLES, async () => {
    const attachments = await mutator.insertMany(
      'attachments',
      files.map((f) => ({ name: f.name, mimeType: f.mimeType, size: f.data.length, data: f.data, caption: '' })),
    );
    const input: TransactionInput = { ...fields, attachmentIds: attachments.map((a) => a.id) };
    const tx = await postTransaction(db, mutator, input);
    await relinkActivity(db, mutator, tx.id, '', fields.activityId);
    await linkWelfare(db, mutator, tx.id, fields.welfareId);
    return tx;
  });
}

/** Edits an entry of an open month; an entry in (or moved into) a closed month is refused with the Chinese message. */
export async function updateEntry(
  db: UnionBooksDB,
  mutator: Mutator,
  id: string,
  fields: EntryFields,
  files: readonly NewFile[],
): Promise<Transaction> {
  check(fields);
  return mutator.transaction(ENTRY_TABLES, async () => {
    const current = await db.transactions.get(id);
    if (!current || current.deleted) throw new FinanceInputError('要修改的记录不存在');
    await assertMoneyWritable(db, [current.date, fields.date]);
    if (current.reversalOf) throw new FinanceInputError('冲销记录不能修改');
    const owner = managedElsewhere(current);
    if (owner) throw new FinanceInputError(owner);
    if (current.date.slice(0, 4) !== fields.date.slice(0, 4))
      throw new FinanceInputError('凭证号按年编号，不能把记录改到另一年；请冲销后在新年度重记');
    const added = await mutator.insertMany(
      'attachments',
      files.map((f) => ({ name: f.name, mimeType: f.mimeType, size: f.data.length, data: f.data, caption: '' })),
    );
    await relinkActivity(db, mutator, id, current.activityId, fields.activityId);
    if (current.welfareId !== fields.welfareId) await linkWelfare(db, mutator, id, fields.welfareId);
    return mutator.update('transactions', id, { ...fields, attachmentIds: [...current.attachmentIds, ...added.map((a) => a.id)] });
  });
}
