import { emptyBook, type BookTables } from '../../../shared/model/book';
import { readAll } from './read-all';
import type { Attachment } from '../../../shared/model/records';
import type { BookDatabase } from './book-database';

const alive = <T extends { deleted: 0 | 1 }>(r: T) => r.deleted === 0;

/**
 * The part of the book a year's documents are computed from: the year and the one before it (for
 * 同比). Dues and wage bases are the big tables: payments are read for the months a year's money can
 * concern (late payments for the two years before, advance payments for the next); entries are read
 * whole because the opening balance carries forward from the first recorded year.
 */
export async function loadYearBook(db: BookDatabase, year: number): Promise<BookTables> {
  const from = `${year - 1}-01-01`;
  const to = `${year}-12-31`;
  const read = await readAll({
    union: db.union.filter(alive).toArray(),
    members: db.members.filter(alive).toArray(),
    memberships: db.memberships.filter(alive).toArray(),
    wageBases: db.wageBases
      .where('year')
      .between(year - 2, year, true, true)
      .filter(alive)
      .toArray(),
    duesPayments: db.duesPayments
      .where('month')
      .between(`${year - 2}-01`, `${year + 1}-12`, true, true)
      .filter(alive)
      .toArray(),
    activities: db.activities.where('startDate').between(from, to, true, true).filter(alive).toArray(),
    welfare: db.welfare.where('date').between(from, to, true, true).filter(alive).toArray(),
    transactions: db.transactions.filter(alive).toArray(),
    budgets: db.budgets
      .where('year')
      .between(year - 1, year, true, true)
      .toArray(),
    openingBalances: db.openingBalances.toArray(),
    monthCloses: db.monthCloses.toArray(),
    yearNotes: db.yearNotes.where('year').equals(year).toArray(),
    // the 经费审查 facts: the balance sheet's fixed assets and the bank reconciliation of every month
    fixedAssets: db.fixedAssets.toArray(),
    bankLines: db.bankLines.toArray(),
    bankMatches: db.bankMatches.toArray(),
    bankSkips: db.bankSkips.toArray(),
  });
  const photoIds = read.activities.flatMap((a) => a.photoIds);
  const photos = (await db.attachments.bulkGet(photoIds)).filter((a): a is Attachment => a !== undefined && a.deleted === 0);
  return { ...emptyBook(), ...read, attachments: photos };
}
