import { stampInsert, type ChangeEntry, type WriteContext } from '../book/changes';
import { nextVoucherNumber } from '../finance/vouchers';
import type { BookTables } from '../model/book';
import type { DuesBatch } from './posting';

/**
 * Writes a planned batch into an in-memory book (the command line, tests): the payments and the
 * one 401 entry, stamped like any write, the voucher numbered within its year. The renderer does
 * the same through its Mutator.
 */
export function applyDuesBatch(book: BookTables, batch: DuesBatch, ctx: WriteContext): ChangeEntry[] {
  const changes: ChangeEntry[] = [];
  for (const p of batch.payments) {
    const { record, change } = stampInsert(ctx, 'duesPayments', p);
    book.duesPayments.push(record);
    changes.push(change);
  }
  if (batch.transaction) {
    const year = batch.transaction.date.slice(0, 4);
    const used = book.transactions.filter((t) => t.date.startsWith(year)).map((t) => t.voucherNumber);
    const { record, change } = stampInsert(ctx, 'transactions', { ...batch.transaction, voucherNumber: nextVoucherNumber(used) });
    book.transactions.push(record);
    changes.push(change);
  }
  return changes;
}
