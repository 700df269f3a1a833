import { BookError } from '../engine/errors';
import type { BookTables } from '../model/book';
import type { DuesPayment, Fen, IsoMonth, WageBase } from '../model/records';
import type { Member } from '../model/records';
import { buildTimelines, type DuesMember, type MemberTimeline } from './eligibility';

/**
 * The tables dues work reads. The renderer loads them from Dexie, the CLI from a backup file. Work
 * that reads only what dues need of a member (`DuesMember`, as 概览 keeps them) takes `DuesData<DuesMember>`.
 */
export type DuesData<M extends DuesMember = Member> = Pick<BookTables, 'memberships' | 'wageBases' | 'duesPayments'> & { members: M[] };

/** Lookups built once per computation: a 5,000-member book must not be scanned once per member-month. */
export interface DuesIndex<M extends DuesMember = Member> {
  timelines: MemberTimeline<M>[];
  timelineOf: Map<string, MemberTimeline<M>>;
  /** Live payments (including reversals) per member. */
  paymentsOf: Map<string, DuesPayment[]>;
  /** Net paid fen per `memberId:month`; reversals bring it back to 0. */
  netPaid: Map<string, Fen>;
  /** The base that counts per `memberId:year`. */
  bases: Map<string, Pick<WageBase, 'baseFen'>>;
}

export function memberMonthKey(memberId: string, month: IsoMonth): string {
  return `${memberId}:${month}`;
}

export function buildDuesIndex<M extends DuesMember = Member>(data: DuesData<M>): DuesIndex<M> {
  const timelines = buildTimelines(data.members, data.memberships);
  const timelineOf = new Map(timelines.map((t) => [t.member.id, t]));
  return { timelines, timelineOf, ...paymentIndex(data.duesPayments), bases: baseIndex(data.wageBases) };
}

/** The lookups of an index that do not need the roster: what a posting read a page of members at a time uses. */
export type DuesLookups = Pick<DuesIndex, 'paymentsOf' | 'netPaid' | 'bases'>;

export function duesLookups(data: Omit<DuesData, 'members' | 'memberships'>): DuesLookups {
  return { ...paymentIndex(data.duesPayments), bases: baseIndex(data.wageBases) };
}

function paymentIndex(duesPayments: readonly DuesPayment[]): Pick<DuesIndex, 'paymentsOf' | 'netPaid'> {
  const paymentsOf = new Map<string, DuesPayment[]>();
  const netPaid = new Map<string, Fen>();
  for (const p of duesPayments) {
    if (p.deleted !== 0) continue;
    const list = paymentsOf.get(p.memberId);
    if (list) list.push(p);
    else paymentsOf.set(p.memberId, [p]);
    const key = memberMonthKey(p.memberId, p.month);
    netPaid.set(key, (netPaid.get(key) ?? 0) + p.amountFen);
  }
  return { paymentsOf, netPaid };
}

/** One base per member and year; if two devices both wrote one, the later write wins. */
export function baseIndex(wageBases: readonly WageBase[]): Map<string, WageBase> {
  const out = new Map<string, WageBase>();
  for (const w of wageBases) {
    if (w.deleted !== 0) continue;
    const key = `${w.memberId}:${w.year}`;
    out.set(key, countingBase(out.get(key), w));
  }
  return out;
}

/** Of two live bases of one member and year, the one that counts: the later write (the first seen on a tie). */
export function countingBase<B extends Pick<WageBase, 'updatedAt'>>(seen: B | undefined, next: B): B {
  return !seen || seen.updatedAt < next.updatedAt ? next : seen;
}

export function baseOf(index: Pick<DuesIndex, 'bases'>, memberId: string, year: number): Fen | null {
  return index.bases.get(`${memberId}:${year}`)?.baseFen ?? null;
}

export function isPaid(index: Pick<DuesIndex, 'netPaid'>, memberId: string, month: IsoMonth): boolean {
  return (index.netPaid.get(memberMonthKey(memberId, month)) ?? 0) > 0;
}

/** Thrown for input a person must fix; the message is shown as it is (a BookError: nothing was written). */
export class DuesError extends BookError {}
