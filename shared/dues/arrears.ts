import type { IsoMonth } from '../model/records';
import { buildDuesIndex, isPaid, type DuesData, type DuesIndex } from './data';
import { firstMemberMonth, monthDuty } from './eligibility';
import { monthsBetween } from './months';

/** Six months without dues counts as leaving (union constitution); the warning comes one month earlier. */
export const ARREARS_WARNING_MONTHS = 5;

export interface ArrearsRow {
  memberId: string;
  name: string;
  department: string;
  /** Every due month in the range that is not paid, oldest first. */
  unpaidMonths: IsoMonth[];
  /** Unpaid due months in a row up to `throughMonth`: what the six-month rule looks at. */
  consecutive: number;
}

/**
 * Members with unpaid months between `fromMonth` (where the union's dues records begin) and
 * `throughMonth`, most months in a row first.
 */
export function computeArrears(data: DuesData | DuesIndex, fromMonth: IsoMonth, throughMonth: IsoMonth): ArrearsRow[] {
  const index = 'timelines' in data ? data : buildDuesIndex(data);
  const rows: ArrearsRow[] = [];
  for (const timeline of index.timelines) {
    const joined = firstMemberMonth(timeline);
    const start = joined && joined > fromMonth ? joined : fromMonth;
    const unpaidMonths: IsoMonth[] = [];
    let consecutive = 0;
    for (const month of monthsBetween(start, throughMonth)) {
      const duty = monthDuty(timeline, month);
      if (duty.kind !== 'due') continue;
      if (isPaid(index, timeline.member.id, month)) {
        consecutive = 0;
      } else {
        unpaidMonths.push(month);
        consecutive++;
      }
    }
    if (unpaidMonths.length > 0) {
      rows.push({
        memberId: timeline.member.id,
        name: timeline.member.name,
        department: timeline.member.department,
        unpaidMonths,
        consecutive,
      });
    }
  }
  return rows.sort((a, b) => b.consecutive - a.consecutive || b.unpaidMonths.length - a.unpaidMonths.length);
}

export function arrearsWarnings(rows: readonly ArrearsRow[], threshold = ARREARS_WARNING_MONTHS): ArrearsRow[] {
  return rows.filter((r) => r.consecutive >= threshold);
}

/** Where dues records begin: the earliest month with a payment, else `fallback`. */
export function firstDuesMonth(data: Pick<DuesData, 'duesPayments'>, fallback: IsoMonth): IsoMonth {
  let first = '';
  for (const p of data.duesPayments) if (p.deleted === 0 && (first === '' || p.month < first)) first = p.month;
  return first || fallback;
}
