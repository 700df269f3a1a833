import type { Activity, DuesPayment, Fen, Member, Transaction } from '../model/records';

/** The six headline figures of 概览 for a calendar year. */
export interface HeadlineCounts {
  /** Members in service: working, retired or between jobs. */
  members: number;
  women: number;
  duesThisYearFen: Fen;
  activitiesThisYear: number;
  welfareThisYear: number;
  transactionsThisYear: number;
}

const IN_SERVICE = new Set<Member['status']>(['active', 'retired', 'unemployed']);

/** Counted from rows the desk has read already; rows of other years are left out here. */
export function headlineCounts(
  input: {
    members: readonly Member[];
    duesPayments: readonly DuesPayment[];
    transactions: readonly Transaction[];
    activities: readonly Activity[];
    welfareThisYear: number;
  },
  year: number,
): HeadlineCounts {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  let members = 0;
  let women = 0;
  for (const m of input.members) {
    if (m.deleted !== 0 || !IN_SERVICE.has(m.status)) continue;
    members++;
    if (m.gender === '女') women++;
  }
  let duesThisYearFen = 0;
  for (const p of input.duesPayments) {
    if (p.deleted === 0 && p.month >= `${year}-01` && p.month <= `${year}-12`) duesThisYearFen += p.amountFen;
  }
  return {
    members,
    women,
    duesThisYearFen,
    activitiesThisYear: input.activities.filter((a) => a.deleted === 0 && a.startDate >= from && a.startDate <= to).length,
    welfareThisYear: input.welfareThisYear,
    transactionsThisYear: input.transactions.filter((t) => t.deleted === 0 && t.date >= from && t.date <= to).length,
  };
}
