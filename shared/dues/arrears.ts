import type { DuesRule, Fen, IsoDate, IsoMonth } from '../model/records';
import { baseOf, buildDuesIndex, type DuesData, type DuesIndex } from './data';
import { firstMemberMonth, monthDuty, type DuesMember, type MemberTimeline } from './eligibility';
import { addMonths, monthsBetween } from './months';
import { DEFAULT_DUES_DEADLINE, lastOverdueMonth, type DuesDeadline } from './overdue';
import { DEFAULT_DUES_RULE, monthlyDues } from './rule';

/** Six months without dues counts as leaving (union constitution); the warning comes one month earlier. */
export const ARREARS_WARNING_MONTHS = 5;

export interface ArrearsRow {
  memberId: string;
  name: string;
  department: string;
  /** Every owed month in the range that is not paid, oldest first. */
  unpaidMonths: IsoMonth[];
  /** What those months come to at the member's dues. */
  unpaidFen: Fen;
  /** Unpaid owed months in a row up to the last overdue month: what the six-month rule looks at. */
  consecutive: number;
}

export interface ArrearsOptions {
  /** The day the arrears are counted on. */
  asOf: IsoDate;
  /** The first month dues are counted from: the start of books, or where the dues records begin. */
  fromMonth: IsoMonth;
  rule: DuesRule;
  deadline?: DuesDeadline;
}

/** Net fen a member had paid for each month by the end of `asOf` (reversals subtract). */
export function paidByDate(index: DuesIndex<DuesMember>, memberId: string, asOf: IsoDate): Map<IsoMonth, Fen> {
  const out = new Map<IsoMonth, Fen>();
  for (const p of index.paymentsOf.get(memberId) ?? []) {
    if (p.paidDate > asOf) continue;
    out.set(p.month, (out.get(p.month) ?? 0) + p.amountFen);
  }
  return out;
}

export interface MemberDuesPosition {
  /** Owed months of the window with the member's monthly dues. */
  owed: { month: IsoMonth; fen: Fen }[];
  unpaidMonths: IsoMonth[];
  unpaidFen: Fen;
  /** Of the owed fen, what was paid (a month paid more than its dues counts at its dues). */
  paidOwedFen: Fen;
  consecutive: number;
}

/** What one member's position is read from: the history, what was paid by the counting day, and the dues of each year. */
export interface MemberDues {
  timeline: MemberTimeline<DuesMember>;
  /** Net fen paid per month by the counting day. */
  paid: ReadonlyMap<IsoMonth, Fen>;
  /** The monthly dues of a year at the member's wage base; 0 when there is no base. */
  monthlyFor: (year: number) => Fen;
}

/**
 * One member's dues over `from`..`through` as the books show them. A month is owed when the member
 * owes dues for it (eligibility) and they come to more than 0 at that year's wage base; a member
 * without a base, or whose dues round to 0, owes nothing that can be counted.
 */
export function memberDuesPosition(m: MemberDues, window: { from: IsoMonth; through: IsoMonth }): MemberDuesPosition {
  const joined = firstMemberMonth(m.timeline);
  const start = joined && joined > window.from ? joined : window.from;
  const position: MemberDuesPosition = { owed: [], unpaidMonths: [], unpaidFen: 0, paidOwedFen: 0, consecutive: 0 };
  if (start > window.through) return position;
  for (const month of monthsBetween(start, window.through)) {
    if (monthDuty(m.timeline, month).kind !== 'due') continue;
    const fen = m.monthlyFor(Number(month.slice(0, 4)));
    if (fen <= 0) continue;
    position.owed.push({ month, fen });
    const net = m.paid.get(month) ?? 0;
    if (net > 0) {
      position.paidOwedFen += Math.min(net, fen);
      position.consecutive = 0;
    } else {
      position.unpaidMonths.push(month);
      position.unpaidFen += fen;
      position.consecutive++;
    }
  }
  return position;
}

/**
 * Members behind with their dues on `asOf`: unpaid owed months from `fromMonth` to the last month
 * that is overdue on that day (the current month, still to be deducted, is never arrears). Most
 * months in a row first.
 */
export function arrearsOn(data: DuesData<DuesMember> | DuesIndex<DuesMember>, options: ArrearsOptions): ArrearsRow[] {
  const index = 'timelines' in data ? data : buildDuesIndex(data);
  const through = lastOverdueMonth(options.asOf, options.deadline ?? DEFAULT_DUES_DEADLINE);
  const rows: ArrearsRow[] = [];
  for (const timeline of index.timelines) {
    const monthlyFor = (year: number) => {
      const base = baseOf(index, timeline.member.id, year);
      return base === null ? 0 : monthlyDues(base, options.rule);
    };
    const p = memberDuesPosition(
      { timeline, paid: paidByDate(index, timeline.member.id, options.asOf), monthlyFor },
      { from: options.fromMonth, through },
    );
    if (p.unpaidMonths.length === 0) continue;
    rows.push({
      memberId: timeline.member.id,
      name: timeline.member.name,
      department: timeline.member.department,
      unpaidMonths: p.unpaidMonths,
      unpaidFen: p.unpaidFen,
      consecutive: p.consecutive,
    });
  }
  return rows.sort((a, b) => b.consecutive - a.consecutive || b.unpaidMonths.length - a.unpaidMonths.length);
}

/** Arrears over `fromMonth`..`throughMonth` as they stand once `throughMonth` is overdue. */
export function computeArrears(
  data: DuesData<DuesMember> | DuesIndex<DuesMember>,
  fromMonth: IsoMonth,
  throughMonth: IsoMonth,
  rule: DuesRule = DEFAULT_DUES_RULE,
): ArrearsRow[] {
  return arrearsOn(data, { asOf: `${addMonths(throughMonth, 1)}-01`, fromMonth, rule });
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

/** The month dues count from: the start of books when declared, else where the records begin. */
export function duesStartMonth(booksStart: IsoMonth | null, data: Pick<DuesData, 'duesPayments'>): IsoMonth | null {
  if (booksStart) return booksStart;
  const first = firstDuesMonth(data, '');
  return first || null;
}
