import { baseIndex } from '../dues/data';
import { buildTimelines, monthDuty } from '../dues/eligibility';
import { DEFAULT_DUES_RULE, monthlyDues } from '../dues/rule';
import { live, type BookTables } from '../model/book';
import type { IsoDate } from '../model/records';
import { ratio } from './members';
import type { DuesFacts } from './types';

/**
 * Dues owed and collected in a year, by the same rules as the 会费 page (shared/dues): a month is
 * owed when monthDuty says 'due', at the rule's amount on that year's wage base, up to the month of
 * `today`. Collected counts payments by the month they are for; reversals are negative and
 * subtract. A month owed whose net payment is not positive is arrears (as isPaid reads it); a member
 * with no wage base for the year owes nothing that can be computed and is not counted.
 * Payments are grouped per member here rather than through buildDuesIndex: a 10-year book has
 * 600,000 rows and one year's figures need only that year's.
 */
export function duesFacts(
  book: Pick<BookTables, 'members' | 'memberships' | 'wageBases' | 'duesPayments' | 'union'>,
  year: number,
  today: IsoDate,
): DuesFacts {
  const rule = live(book.union)[0]?.duesRule ?? DEFAULT_DUES_RULE;
  const first = `${year}-01`;
  const last = `${year}-12` < today.slice(0, 7) ? `${year}-12` : today.slice(0, 7);
  const months: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (month <= last) months.push(month);
  }
  const paid = new Map<string, Map<string, number>>();
  for (const p of book.duesPayments) {
    if (p.deleted !== 0 || p.month < first || p.month > `${year}-12`) continue;
    let byMonth = paid.get(p.memberId);
    if (!byMonth) paid.set(p.memberId, (byMonth = new Map()));
    byMonth.set(p.month, (byMonth.get(p.month) ?? 0) + p.amountFen);
  }
  const bases = baseIndex(book.wageBases.filter((w) => w.year === year));

  let dueFen = 0;
  let arrearsFen = 0;
  let arrearsMembers = 0;
  for (const timeline of buildTimelines(book.members, book.memberships)) {
    const base = bases.get(`${timeline.member.id}:${year}`);
    if (!base) continue;
    const monthly = monthlyDues(base.baseFen, rule);
    const byMonth = paid.get(timeline.member.id);
    let unpaid = 0;
    for (const month of months) {
      if (monthDuty(timeline, month).kind !== 'due') continue;
      dueFen += monthly;
      if ((byMonth?.get(month) ?? 0) <= 0) unpaid += monthly;
    }
    if (unpaid > 0) {
      arrearsFen += unpaid;
      arrearsMembers++;
    }
  }
  let collectedFen = 0;
  let payingMembers = 0;
  for (const byMonth of paid.values()) {
    let net = 0;
    for (const amount of byMonth.values()) net += amount;
    collectedFen += net;
    if (net > 0) payingMembers++;
  }
  return { payingMembers, dueFen, collectedFen, collectionRate: ratio(collectedFen, dueFen), arrearsFen, arrearsMembers };
}
