import { EVENT_KIND_LABELS } from '../../members/status';
import type { IsoDate, MembershipEvent, MembershipEventKind } from '../../model/records';
import { formatDate } from './dates';

type State = 'out' | 'in' | 'retired' | 'unemployed';

const AFTER: Record<MembershipEventKind, State> = {
  join: 'in',
  'transfer-in': 'in',
  retire: 'retired',
  unemployed: 'unemployed',
  'transfer-out': 'out',
  leave: 'out',
  death: 'out',
};

/** Which changes make sense from which state: nobody retires before joining, or leaves twice. */
const ALLOWED: Record<State, readonly MembershipEventKind[]> = {
  out: ['join', 'transfer-in'],
  in: ['retire', 'unemployed', 'transfer-out', 'leave', 'death'],
  retired: ['leave', 'death', 'transfer-out'],
  unemployed: ['join', 'transfer-in', 'retire', 'leave', 'death', 'transfer-out'],
};

export function sortEvents(events: readonly MembershipEvent[]): MembershipEvent[] {
  return events
    .filter((e) => e.deleted === 0)
    .sort((a, b) => (a.date === b.date ? a.updatedAt.localeCompare(b.updatedAt) : a.date.localeCompare(b.date)));
}

/**
 * Why a member's history (live events in date order) does not make sense, or null: a change that
 * cannot follow the one before it (退休 before 入会, 退会 twice, anything after 去世), or a change
 * dated before the member was born. A member whose records begin before this book may start with
 * any change, so the first event is judged only against birth.
 */
export function historyProblem(events: readonly MembershipEvent[], birthDate: IsoDate | ''): string | null {
  const sorted = sortEvents(events);
  let state: State | null = null;
  let dead = false;
  for (const e of sorted) {
    const label = EVENT_KIND_LABELS[e.kind];
    if (birthDate && e.date < birthDate) return `${label}日期 ${formatDate(e.date)} 早于出生日期`;
    if (dead) return `会员去世后不能再有“${label}”`;
    if (state !== null && !ALLOWED[state].includes(e.kind))
      return `${formatDate(e.date)}的“${label}”不能接在前一条会籍变动之后，请核对会籍变动记录`;
    state = AFTER[e.kind];
    if (e.kind === 'death') dead = true;
  }
  return null;
}
