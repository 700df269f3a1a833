import type { IsoMonth, Member, MembershipEvent, MemberStatus } from '../model/records';

/**
 * Whether a member owes dues for a month. A month counts by the member's state at its end: a
 * member who joins during a month pays for it; one who retires, becomes unemployed, transfers
 * out or leaves during a month pays no more from that month on (payroll deduction stops with
 * the event). Retired and unemployed members stay members but are exempt (union constitution).
 */
export type MonthDuty = { kind: 'due' } | { kind: 'exempt'; reason: '退休' | '失业' | '免缴'; note: string } | { kind: 'not-member' };

type State = 'member' | 'retired' | 'unemployed' | 'out';

const EVENT_STATE: Record<MembershipEvent['kind'], State> = {
  join: 'member',
  'transfer-in': 'member',
  retire: 'retired',
  unemployed: 'unemployed',
  'transfer-out': 'out',
  leave: 'out',
  death: 'out',
};

const STATUS_STATE: Record<MemberStatus, State> = {
  active: 'member',
  retired: 'retired',
  unemployed: 'unemployed',
  'transferred-out': 'out',
  left: 'out',
  deceased: 'out',
};

/**
 * What dues work reads of a member: whether they owe (join date, status, 免缴) and what a list of
 * arrears names. 概览 keeps just these for every member (shared/desk/desk-members.ts).
 */
export type DuesMember = Pick<Member, 'id' | 'deleted' | 'name' | 'department' | 'joinDate' | 'status' | 'duesExempt' | 'duesExemptReason'>;

/** What the dues rules read of a membership event: its kind, its date and when it was written (same-day order). */
export type DuesEvent = Pick<MembershipEvent, 'kind' | 'date' | 'updatedAt'>;

/** A member's history prepared once, so asking about many months stays cheap. */
export interface MemberTimeline<M extends DuesMember = Member, E extends DuesEvent = MembershipEvent> {
  member: M;
  /** Live events in date order. */
  events: E[];
}

export function buildTimelines<M extends DuesMember>(members: readonly M[], events: readonly MembershipEvent[]): MemberTimeline<M>[] {
  const byMember = eventsByMember(events);
  const out: MemberTimeline<M>[] = [];
  for (const member of members) {
    const timeline = timelineOf(member, byMember);
    if (timeline) out.push(timeline);
  }
  return out;
}

/** Live events grouped by member, for `timelineOf` (a roster read a page at a time groups them once). */
export function eventsByMember(events: readonly MembershipEvent[]): Map<string, MembershipEvent[]> {
  const byMember = new Map<string, MembershipEvent[]>();
  for (const e of events) {
    if (e.deleted !== 0) continue;
    const list = byMember.get(e.memberId);
    if (list) list.push(e);
    else byMember.set(e.memberId, [e]);
  }
  return byMember;
}

/** One live member's timeline from the grouped events (undefined for a deleted member). */
export function timelineOf<M extends DuesMember>(
  member: M,
  byMember: ReadonlyMap<string, MembershipEvent[]>,
): MemberTimeline<M> | undefined {
  if (member.deleted !== 0) return undefined;
  return memberTimeline(member, byMember.get(member.id) ?? []);
}

/** A member's timeline from the member's own live events, in any order (same-day ones in the order they were stored). */
export function memberTimeline<M extends DuesMember, E extends DuesEvent>(member: M, events: readonly E[]): MemberTimeline<M, E> {
  const list = [...events];
  // Same-day changes keep the order they were written in, as the member page reads them.
  list.sort((a, b) => (a.date === b.date ? a.updatedAt.localeCompare(b.updatedAt) : a.date.localeCompare(b.date)));
  return { member, events: list };
}

function stateAt(timeline: MemberTimeline<DuesMember, DuesEvent>, month: IsoMonth): State {
  const { member, events } = timeline;
  if (events.length === 0) {
    // No recorded history: the join date and the current status are all there is to go on.
    if (member.joinDate && member.joinDate.slice(0, 7) > month) return 'out';
    return STATUS_STATE[member.status];
  }
  let state: State = 'out';
  for (const e of events) {
    // An event counts for its whole month: compare months, not days.
    if (e.date.slice(0, 7) > month) break;
    state = EVENT_STATE[e.kind];
  }
  return state;
}

export function monthDuty(timeline: MemberTimeline<DuesMember, DuesEvent>, month: IsoMonth): MonthDuty {
  const state = stateAt(timeline, month);
  if (state === 'out') return { kind: 'not-member' };
  if (state === 'retired') return { kind: 'exempt', reason: '退休', note: '' };
  if (state === 'unemployed') return { kind: 'exempt', reason: '失业', note: '' };
  if (timeline.member.duesExempt) return { kind: 'exempt', reason: '免缴', note: timeline.member.duesExemptReason };
  return { kind: 'due' };
}

/** The first month of membership ('' when unknown: a member since before the records), for arrears counting. */
export function firstMemberMonth(timeline: MemberTimeline<DuesMember>): IsoMonth | '' {
  const { member, events } = timeline;
  const firstJoin = events.find((e) => EVENT_STATE[e.kind] !== 'out');
  if (firstJoin) return firstJoin.date.slice(0, 7);
  return member.joinDate ? member.joinDate.slice(0, 7) : '';
}
