import type { IsoDate, IsoMonth } from '../../../shared/model/records';
import { arrearsContextOf, duesReadFrom, type DuesYearInput } from '../../../shared/dues/year-view';
import type { BookDatabase } from './book-database';
import { readAll } from './read-all';

/**
 * What the 会费 page counts a year from (shared/dues/year-view.ts): the roster, its events and bases,
 * the payments from `duesReadFrom`, and for the agreement with the books only the payments paid in
 * the year (the `paidDate` index) and the year's 401 entries.
 */
export async function readDuesYear(db: BookDatabase, year: number, today: IsoDate): Promise<DuesYearInput> {
  const read = await readAll({
    members: db.members.toArray(),
    memberships: db.memberships.toArray(),
    wageBases: db.wageBases.toArray(),
    duesPayments: db.duesPayments.where('month').aboveOrEqual(duesReadFrom(year, today)).toArray(),
    union: db.union.toArray(),
    openingBalances: db.openingBalances.toArray(),
    paidInYear: db.duesPayments.where('paidDate').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray(),
    entries401: db.transactions
      .where('date')
      .between(`${year}-01-01`, `${year}-12-31`, true, true)
      .filter((t) => t.accountCode === '401')
      .toArray(),
    // one step per month that has payments, not per payment
    paymentMonths: db.duesPayments.orderBy('month').uniqueKeys() as Promise<IsoMonth[]>,
  });
  const { members, memberships, wageBases, duesPayments } = read;
  return {
    data: { members, memberships, wageBases, duesPayments },
    context: arrearsContextOf(read.union, read.openingBalances),
    paidInYear: read.paidInYear,
    entries401: read.entries401,
    paymentMonths: read.paymentMonths,
  };
}

/** The tables `readDuesYear` reads: a change to any of them can change the page. */
export const DUES_YEAR_TABLES = [
  'members',
  'memberships',
  'wageBases',
  'duesPayments',
  'union',
  'openingBalances',
  'transactions',
] as const;
