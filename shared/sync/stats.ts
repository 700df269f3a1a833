import { live } from '../model/book';
import type { DuesPayment, Member } from '../model/records';

/** The figures the upper union's dashboard shows per union and adds up across unions. */
export interface UpwardStats {
  members: number;
  women: number;
  farmerWorkers: number;
  duesCollectedFen: number;
}

/** Members still in the union count: retired and unemployed members keep their membership (union constitution). */
const MEMBER_STATUSES = new Set<Member['status']>(['active', 'retired', 'unemployed']);

/** Dues collected in a calendar year, by paid date; reversals carry negative amounts and net out. */
export function upwardStats(members: readonly Member[], dues: readonly DuesPayment[], year: number): UpwardStats {
  const current = live(members).filter((m) => MEMBER_STATUSES.has(m.status));
  const prefix = `${year}-`;
  let duesCollectedFen = 0;
  for (const p of live(dues)) if (p.paidDate.startsWith(prefix)) duesCollectedFen += p.amountFen;
  return {
    members: current.length,
    women: current.filter((m) => m.gender === '女').length,
    farmerWorkers: current.filter((m) => m.isMigrantWorker).length,
    duesCollectedFen,
  };
}

export function addStats(a: UpwardStats, b: UpwardStats): UpwardStats {
  return {
    members: a.members + b.members,
    women: a.women + b.women,
    farmerWorkers: a.farmerWorkers + b.farmerWorkers,
    duesCollectedFen: a.duesCollectedFen + b.duesCollectedFen,
  };
}

export const ZERO_STATS: UpwardStats = { members: 0, women: 0, farmerWorkers: 0, duesCollectedFen: 0 };
