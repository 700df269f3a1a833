import type { NewRecord } from '../../../../shared/book/changes';
import { closedMonthMessage, isMonthClosed } from '../../../../shared/finance/closing';
import { reversalProblem } from '../../../../shared/finance/entry';
import { nextVoucherNumber } from '../../../../shared/finance/vouchers';
import { isYearLockedBy, lockedYearMessage } from '../../../../shared/finance/year-lock';
import type { Transaction } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';

export type TransactionInput = Omit<
  NewRecord<'transactions'>,
  'voucherNumber' | 'attachmentIds' | 'reversalOf' | 'activityId' | 'welfareId' | 'duesBatchId'
> &
  Partial<Pick<Transaction, 'voucherNumber' | 'attachmentIds' | 'reversalOf' | 'activityId' | 'welfareId' | 'duesBatchId'>>;

export class ClosedMonthError extends Error {
  override readonly name = 'ClosedMonthError';
}

/** A refused finance write whose message is meant for the user as it stands. */
export class FinanceInputError extends Error {
  override readonly name = 'FinanceInputError';
}

/**
 * The one check every money write passes: the month must be open and the year not locked by a
 * submitted report. Runs inside the caller's transaction (Mutator.transaction always includes
 * monthCloses and submissions), so the answer cannot change before the write commits.
 */
export async function assertMoneyWritable(db: UnionBooksDB, dates: readonly string[]): Promise<void> {
  await assertYearOpen(db, dates);
  const closes = await db.monthCloses.toArray();
  for (const date of dates) if (isMonthClosed(closes, date)) throw new ClosedMonthError(closedMonthMessage(date));
}

export async function assertYearOpen(db: UnionBooksDB, dates: readonly string[]): Promise<void> {
  const submissions = await db.submissions.toArray();
  for (const year of new Set(dates.map((d) => Number(d.slice(0, 4))))) {
    if (isYearLockedBy(submissions, year)) throw new ClosedMonthError(lockedYearMessage(year));
  }
}

/**
 * Posts one entry: refuses a closed month or locked year and numbers the voucher within the year. Callers that
 * write other rows with it (welfare, dues) wrap both in `mutator.transaction([...,'transactions','monthCloses'])`.
 */
export async function postTransaction(db: UnionBooksDB, mutator: Mutator, input: TransactionInput): Promise<Transaction> {
  return mutator.transaction(['transactions', 'monthCloses'], async () => {
    await assertMoneyWritable(db, [input.date]);
    const year = input.date.slice(0, 4);
    const used = await db.transactions.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray();
    return mutator.insert('transactions', {
      attachmentIds: [],
      reversalOf: '',
      activityId: '',
      welfareId: '',
      duesBatchId: '',
      ...input,
      voucherNumber: input.voucherNumber || nextVoucherNumber(used.map((t) => t.voucherNumber)),
    });
  });
}

/**
 * 红字冲销: a negative entry dated `date` that cancels the original; the original stays. Allowed
 * when the original's month is closed (that is what reversals are for), not when `date`'s is.
 */
export async function reverseTransaction(
  db: UnionBooksDB,
  mutator: Mutator,
  id: string,
  date: string,
  reason: string,
): Promise<Transaction> {
  return mutator.transaction(['transactions', 'monthCloses'], async () => {
    const original = await db.transactions.get(id);
    if (!original) throw new Error('要冲销的记录不存在');
    const problem = reversalProblem(original, await db.transactions.where('reversalOf').equals(id).toArray());
    if (problem) throw new FinanceInputError(problem);
    return postTransaction(db, mutator, {
      date,
      place: original.place,
      accountCode: original.accountCode,
      amountFen: -original.amountFen,
      summary: `冲销 ${original.voucherNumber}：${reason}`,
      reversalOf: original.id,
      activityId: original.activityId,
      welfareId: original.welfareId,
      duesBatchId: original.duesBatchId,
    });
  });
}
