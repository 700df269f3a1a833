import type { Activity, Fen, Member } from '../model/records';

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

/** Statuses counted as members: working, retired or between jobs. */
export const IN_SERVICE: ReadonlySet<Member['status']> = new Set<Member['status']>(['active', 'retired', 'unemployed']);

/**
 * Counted from the members and what the desk has summed already (the year's dues from the
 * payments' months, the live welfare rows and entries of the year); activities of other years are
 * left out here.
 */
export function headlineCounts(
  input: {
    members: readonly Member[];
    duesThisYearFen: Fen;
    activities: readonly Activity[];
    welfareThisYear: number;
    transactionsThisYear: number;
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
  return {
    members,
    women,
    duesThisYearFen: input.duesThisYearFen,
    activitiesThisYear: input.activities.filter((a) => a.deleted === 0 && a.startDate >= from && a.startDate <= to).length,
    welfareThisYear: input.welfareThisYear,
    transactionsThisYear: input.transactionsThisYear,
  };
}
