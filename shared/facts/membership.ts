import type { IsoDate, Member, MembershipEvent, MembershipEventKind } from '../model/records';

/**
 * A member's standing over time, from the membership history. Where a member has no history (typed
 * in by hand, imported), the join date and current status stand in for it.
 */
export interface Standing {
  /** [from, to) periods of membership; `to` '' while still a member. */
  member: Period[];
  /** [from, to) periods in which dues are owed (membership minus retirement/unemployment). */
  paying: Period[];
}

export interface Period {
  from: IsoDate;
  to: IsoDate | '';
  /** What began and ended the period ('' for a member without recorded history, or while open). */
  startKind: MembershipEventKind | '';
  endKind: MembershipEventKind | '';
}

const ENDS_MEMBERSHIP: readonly MembershipEventKind[] = ['transfer-out', 'leave', 'death'];
const STARTS: readonly MembershipEventKind[] = ['join', 'transfer-in'];

export function standingOf(member: Pick<Member, 'joinDate' | 'status'>, events: readonly MembershipEvent[]): Standing {
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (sorted.length === 0) return fallbackStanding(member);
  const standing: Standing = { member: [], paying: [] };
  let memberFrom = '';
  let memberKind: MembershipEventKind | '' = '';
  let payingFrom = '';
  for (const e of sorted) {
    if (STARTS.includes(e.kind)) {
      if (!memberFrom) {
        memberFrom = e.date;
        memberKind = e.kind;
      }
      if (!payingFrom) payingFrom = e.date;
    } else if (ENDS_MEMBERSHIP.includes(e.kind)) {
      if (memberFrom) standing.member.push({ from: memberFrom, to: e.date, startKind: memberKind, endKind: e.kind });
      if (payingFrom) standing.paying.push({ from: payingFrom, to: e.date, startKind: '', endKind: e.kind });
      memberFrom = '';
      payingFrom = '';
    } else if (payingFrom) {
      // retire / unemployed: still a member, no longer owes dues
      standing.paying.push({ from: payingFrom, to: e.date, startKind: '', endKind: e.kind });
      payingFrom = '';
    }
  }
  if (memberFrom) standing.member.push({ from: memberFrom, to: '', startKind: memberKind, endKind: '' });
  if (payingFrom) standing.paying.push({ from: payingFrom, to: '', startKind: '', endKind: '' });
  return standing;
}

function fallbackStanding(member: Pick<Member, 'joinDate' | 'status'>): Standing {
  const from = member.joinDate || '0000-01-01';
  if (['transferred-out', 'left', 'deceased'].includes(member.status)) return { member: [], paying: [] };
  const member_: Period[] = [{ from, to: '', startKind: '', endKind: '' }];
  const paying = member.status === 'active' ? member_ : [];
  return { member: member_, paying };
}

/** Member on the given day. */
export function isMemberOn(standing: Standing, date: IsoDate): boolean {
  return standing.member.some((p) => p.from <= date && (p.to === '' || date < p.to));
}

/** Owes dues for a month: paying at any point of it (joined by its last day, not ended by its first). */
export function owesDuesIn(standing: Standing, month: string): boolean {
  const first = `${month}-01`;
  const last = `${month}-31`;
  return standing.paying.some((p) => p.from <= last && (p.to === '' || p.to > first));
}

/** Retired (still a member, paying no dues) on the given day. */
export function isRetiredOn(events: readonly MembershipEvent[], member: Member, date: IsoDate): boolean {
  const last = lastEventOn(events, date);
  if (!last) return events.length === 0 && member.status === 'retired';
  return last.kind === 'retire';
}

/** In work on the given day: a member neither retired nor unemployed (入会率 and the upward statistics count these). */
export function isInServiceOn(events: readonly MembershipEvent[], member: Member, date: IsoDate): boolean {
  const last = lastEventOn(events, date);
  if (!last) return events.length === 0 && member.status === 'active';
  return STARTS.includes(last.kind);
}

function lastEventOn(events: readonly MembershipEvent[], date: IsoDate): MembershipEvent | undefined {
  let last: MembershipEvent | undefined;
  for (const e of events) if (e.date <= date && (!last || e.date >= last.date)) last = e;
  return last;
}
