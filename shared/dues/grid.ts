import { EVENT_KIND_LABELS } from '../members/status';
import type { DuesRule, Fen, IsoMonth } from '../model/records';
import { baseOf, buildDuesIndex, memberMonthKey, type DuesData, type DuesIndex } from './data';
import { monthDuty, type MemberTimeline } from './eligibility';
import { monthLabel, monthsOfYear } from './months';
import { monthlyDues } from './rule';

/** One collator for the whole sort: localeCompare with a locale builds one per call, far too slow for 5,000 rows. */
const COLLATOR = new Intl.Collator('zh-Hans-CN');

/** paid / unpaid / exempt, 'none' when not a member that month, 'future' for a due month not reached yet. */
export type CellState = 'paid' | 'unpaid' | 'exempt' | 'none' | 'future';

export interface GridCell {
  month: IsoMonth;
  state: CellState;
  /** Net fen paid for the month (0 when unpaid or reversed). */
  paidFen: Fen;
  /** 退休 / 失业 / 免缴 for exempt cells. */
  exemptReason: string;
}

export interface GridRow {
  memberId: string;
  name: string;
  department: string;
  baseFen: Fen | null;
  monthlyFen: Fen;
  cells: GridCell[];
  totalFen: Fen;
  note: string;
}

export interface YearGrid {
  year: number;
  throughMonth: IsoMonth;
  rows: GridRow[];
  monthTotals: Fen[];
  totalFen: Fen;
  /** What the due months up to throughMonth should have brought in. */
  expectedFen: Fen;
  /** Of expectedFen, what has been paid. */
  collectedDueFen: Fen;
  /** collectedDueFen / expectedFen, 0..1; 1 when nothing was due. */
  collectionRate: number;
}

/**
 * Members × 12 months for one year. `throughMonth` is the last month that counts as due (the last
 * overdue month, shared/dues/overdue): later months show as 'future', not as arrears. Months before
 * `fromMonth` (the start of books) are not owed here.
 */
export function buildYearGrid(
  data: DuesData | DuesIndex,
  year: number,
  rule: DuesRule,
  throughMonth: IsoMonth = `${year}-12`,
  fromMonth: IsoMonth | null = null,
): YearGrid {
  const index = 'timelines' in data ? data : buildDuesIndex(data);
  const months = monthsOfYear(year);
  const monthTotals = months.map(() => 0);
  const rows: GridRow[] = [];
  let expectedFen = 0;
  let collectedDueFen = 0;
  for (const timeline of index.timelines) {
    const { member } = timeline;
    const base = baseOf(index, member.id, year);
    const monthlyFen = base === null ? 0 : monthlyDues(base, rule);
    let anything = false;
    const cells = months.map((month, i): GridCell => {
      const paidFen = index.netPaid.get(memberMonthKey(member.id, month)) ?? 0;
      const duty: ReturnType<typeof monthDuty> = fromMonth && month < fromMonth ? { kind: 'not-member' } : monthDuty(timeline, month);
      monthTotals[i] = (monthTotals[i] ?? 0) + paidFen;
      if (duty.kind !== 'not-member' || paidFen !== 0) anything = true;
      const exemptReason = duty.kind === 'exempt' ? duty.reason : '';
      if (duty.kind === 'due' && month <= throughMonth) {
        expectedFen += monthlyFen;
        if (paidFen > 0) collectedDueFen += Math.min(paidFen, monthlyFen);
      }
      if (paidFen > 0) return { month, state: 'paid', paidFen, exemptReason };
      if (duty.kind === 'exempt') return { month, state: 'exempt', paidFen, exemptReason };
      if (duty.kind === 'not-member') return { month, state: 'none', paidFen, exemptReason };
      return { month, state: month <= throughMonth ? 'unpaid' : 'future', paidFen, exemptReason };
    });
    if (!anything) continue;
    const totalFen = cells.reduce((s, c) => s + c.paidFen, 0);
    rows.push({
      memberId: member.id,
      name: member.name,
      department: member.department,
      baseFen: base,
      monthlyFen,
      cells,
      totalFen,
      note: rowNote(timeline, year),
    });
  }
  rows.sort((a, b) => COLLATOR.compare(a.department, b.department) || COLLATOR.compare(a.name, b.name));
  const totalFen = monthTotals.reduce((s, v) => s + v, 0);
  const collectionRate = expectedFen === 0 ? 1 : collectedDueFen / expectedFen;
  return { year, throughMonth, rows, monthTotals, totalFen, expectedFen, collectedDueFen, collectionRate };
}

/** 备注: what changed during the year and any 免缴 decision, so the ledger explains its gaps. */
function rowNote(timeline: MemberTimeline, year: number): string {
  const notes = timeline.events
    .filter((e) => e.date.startsWith(String(year)))
    .map((e) => `${monthLabel(e.date.slice(0, 7)).slice(5)}${EVENT_KIND_LABELS[e.kind] ?? ''}`);
  if (timeline.member.duesExempt) notes.push(`免缴${timeline.member.duesExemptReason ? `：${timeline.member.duesExemptReason}` : ''}`);
  return notes.join('；');
}

/** 87.5% style, one decimal. */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
