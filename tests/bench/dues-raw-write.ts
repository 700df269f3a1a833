import { stampInsert, type NewRecord, type StampedWrite, type WriteContext } from '../../shared/book/changes';
import type { UnionBooksDB } from '../../renderer/src/db/database';

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
