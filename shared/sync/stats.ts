import type { Member } from '../model/records';
import { MAX_FEN } from '../records/spec';

/** The figures the upper union's dashboard shows per union and adds up across unions. */
export interface UpwardStats {
  members: number;
  women: number;
  farmerWorkers: number;
  duesCollectedFen: number;
  /** Live rows that could not be counted because a field the figures need has the wrong type or range. */
  invalidRows: number;
}

/** Members still in the union count: retired and unemployed members keep their membership (union constitution). */
const MEMBER_STATUSES: ReadonlySet<unknown> = new Set<Member['status']>(['active', 'retired', 'unemployed']);

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLive = (row: Row) => row.deleted === 0;
const isAmount = (value: unknown): value is number => Number.isSafeInteger(value) && Math.abs(value as number) <= MAX_FEN;

/**
 * Dues collected in a calendar year, by paid date; reversals carry negative amounts and net out.
 * The rows come from unions' devices and are read as they are stored: a row whose figures have the
 * wrong type (an amount `"abc"` or `1e308`, a name that is an object) is counted in `invalidRows`
 * and left out of the figures, so one union can never spoil the totals of all.
 */
export function upwardStats(members: readonly unknown[], dues: readonly unknown[], year: number): UpwardStats {
  const stats: UpwardStats = { ...ZERO_STATS };
  for (const m of members) {
    if (!isRow(m)) {
      stats.invalidRows++;
      continue;
    }
    if (!isLive(m)) continue;
    const gender = m.gender ?? '';
    const migrant = m.isMigrantWorker ?? false;
    if (typeof m.status !== 'string' || typeof gender !== 'string' || typeof migrant !== 'boolean') {
      stats.invalidRows++;
      continue;
    }
    if (!MEMBER_STATUSES.has(m.status)) continue;
    stats.members++;
    if (gender === '女') stats.women++;
    if (migrant) stats.farmerWorkers++;
  }
  const prefix = `${year}-`;
  for (const p of dues) {
    if (!isRow(p)) {
      stats.invalidRows++;
      continue;
    }
    if (!isLive(p)) continue;
    if (typeof p.paidDate !== 'string' || !isAmount(p.amountFen)) {
      stats.invalidRows++;
      continue;
    }
    if (p.paidDate.startsWith(prefix)) stats.duesCollectedFen += p.amountFen;
  }
  return stats;
}

export function addStats(a: UpwardStats, b: UpwardStats): UpwardStats {
  return {
    members: a.members + b.members,
    women: a.women + b.women,
    farmerWorkers: a.farmerWorkers + b.farmerWorkers,
    duesCollectedFen: a.duesCollectedFen + b.duesCollectedFen,
    invalidRows: a.invalidRows + b.invalidRows,
  };
}

export const ZERO_STATS: UpwardStats = { members: 0, women: 0, farmerWorkers: 0, duesCollectedFen: 0, invalidRows: 0 };
