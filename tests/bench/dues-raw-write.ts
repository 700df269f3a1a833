import { stampInsert, type NewRecord, type StampedWrite, type WriteContext } from '../../shared/book/changes';
import { duesTransaction } from '../../shared/dues/posting';
import { monthlyDues } from '../../shared/dues/rule';
import type { UnionBooksDB } from '../../renderer/src/db/database';

/** The dues of a 5,000 元 wage, the amount every prebuilt payment carries. */
const DUES_FEN = monthlyDues(500_000);

/** A month's payments for `memberIds`, paid on the 15th by payroll deduction, as one batch. */
export function monthPayments(memberIds: readonly string[], month: string, batchId: string): NewRecord<'duesPayments'>[] {
  return memberIds.map((memberId) => ({
    memberId,
    month,
    amountFen: DUES_FEN,
    paidDate: `${month}-15`,
    method: '工资代扣',
    receiptNumber: '',
    reversalOf: '',
    batchId,
  }));
}

/** What a month's posting writes, stamped beforehand: its payments and its 401 entry, each with its outbox row. */
export interface RawPostingRows {
  payments: StampedWrite<'duesPayments'>[];
  entry: StampedWrite<'transactions'>;
}

export function stampPostingRows(
  ctx: WriteContext,
  payments: readonly NewRecord<'duesPayments'>[],
  entry: NewRecord<'transactions'>,
): RawPostingRows {
  return { payments: payments.map((p) => stampInsert(ctx, 'duesPayments', p)), entry: stampInsert(ctx, 'transactions', entry) };
}

/** What a posting of `month` for `memberIds` writes, prebuilt: its payments and its 401 entry. */
export function rawMonthRows(ctx: WriteContext, memberIds: readonly string[], month: string, voucherNumber: string): RawPostingRows {
  const batchId = `raw-${month}`;
  return stampPostingRows(ctx, monthPayments(memberIds, month, batchId), {
    ...duesTransaction(`${month}-15`, 'bank', DUES_FEN * memberIds.length, `${month} 会费`, batchId),
    voucherNumber,
  });
}

/**
 * The raw write a posting needs, the baseline of the dues bench: the same rows in one transaction,
 * every bulkAdd issued at once (the fastest plain way), with no stamping, checking, reading or
 * planning. Through the derived-store middleware like every write, so it writes the same derived
 * rows as the posting ($duesMonths, $deskCounts, $deskEntries).
 */
export async function writeRawPosting(db: UnionBooksDB, rows: RawPostingRows): Promise<void> {
  await db.transaction('rw', [db.duesPayments, db.transactions, db.$changes], () =>
    Promise.all([
      db.duesPayments.bulkAdd(rows.payments.map((r) => r.record)),
      db.transactions.add(rows.entry.record),
      db.$changes.bulkAdd([...rows.payments.map((r) => r.change), rows.entry.change]),
    ]),
  );
}
