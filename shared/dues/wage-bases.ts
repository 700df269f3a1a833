import type { Fen, WageBase } from '../model/records';
import { baseIndex } from './data';
import type { MemberTimeline } from './eligibility';
import { monthDuty } from './eligibility';
import { monthsOfYear } from './months';

export interface BaseWrite {
  memberId: string;
  year: number;
  baseFen: Fen;
  /** Set when a base for that member and year exists and is replaced. */
  existingId: string;
}

/** Splits intended bases into inserts and updates; unchanged values are dropped. */
export function planBaseWrites(
  wageBases: readonly WageBase[],
  wanted: readonly { memberId: string; year: number; baseFen: Fen }[],
): BaseWrite[] {
  const index = baseIndex(wageBases);
  const out: BaseWrite[] = [];
  for (const w of wanted) {
    if (!Number.isSafeInteger(w.baseFen) || w.baseFen < 0) throw new Error(`工资基数必须是不小于 0 的金额：${w.baseFen}`);
    const existing = index.get(`${w.memberId}:${w.year}`);
    if (existing?.baseFen === w.baseFen) continue;
    out.push({ ...w, existingId: existing?.id ?? '' });
  }
  return out;
}

/**
 * 从上年结转: last year's base for every member who is a member in `year` and has no base for it
 * yet. Bases already set for the year are never overwritten.
 */
export function planCarryForward(timelines: readonly MemberTimeline[], wageBases: readonly WageBase[], year: number): BaseWrite[] {
  const index = baseIndex(wageBases);
  const months = monthsOfYear(year);
  const out: BaseWrite[] = [];
  for (const t of timelines) {
    const id = t.member.id;
    if (index.has(`${id}:${year}`)) continue;
    const previous = index.get(`${id}:${year - 1}`);
    if (!previous) continue;
    if (!months.some((m) => monthDuty(t, m).kind !== 'not-member')) continue;
    out.push({ memberId: id, year, baseFen: previous.baseFen, existingId: '' });
  }
  return out;
}
