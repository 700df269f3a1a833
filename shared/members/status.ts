import type { MemberStatus, MembershipEvent, MembershipEventKind } from '../model/records';

/** Chinese names of membership changes, in the order the drawer offers them. */
export const EVENT_KIND_LABELS: Record<MembershipEventKind, string> = {
  join: '入会',
  'transfer-in': '转入',
  'transfer-out': '转出',
  retire: '退休',
  unemployed: '失业',
  leave: '退会',
  death: '去世',
};

export const STATUS_LABELS: Record<MemberStatus, string> = {
  active: '在会',
  retired: '退休',
  unemployed: '失业',
  'transferred-out': '已转出',
  left: '已退会',
  deceased: '已去世',
};

const STATUS_AFTER: Record<MembershipEventKind, MemberStatus> = {
  join: 'active',
  'transfer-in': 'active',
  'transfer-out': 'transferred-out',
  retire: 'retired',
  unemployed: 'unemployed',
  leave: 'left',
  death: 'deceased',
};

export function statusAfter(kind: MembershipEventKind): MemberStatus {
  return STATUS_AFTER[kind];
}

/**
 * The status a member's history leads to: the latest change wins. Two changes on one day keep
 * the order they were written in (the HLC `updatedAt` sorts by write time).
 */
export function statusFromEvents(events: readonly MembershipEvent[], fallback: MemberStatus = 'active'): MemberStatus {
  const latest = [...events]
    .filter((e) => e.deleted === 0)
    .sort((a, b) => (a.date === b.date ? a.updatedAt.localeCompare(b.updatedAt) : a.date.localeCompare(b.date)))
    .at(-1);
  return latest ? STATUS_AFTER[latest.kind] : fallback;
}

/** Retired and unemployed members keep their membership; the other ends take them off the roll. */
export function isOnRoll(status: MemberStatus): boolean {
  return status === 'active' || status === 'retired' || status === 'unemployed';
}

/** Retired and unemployed members pay no dues while so (union constitution); only active members pay. */
export function paysDues(status: MemberStatus): boolean {
  return status === 'active';
}

/** Changes that add a member to the roll / take one off it, for 本年新入会 and 本年减少. */
export const JOINING_KINDS: readonly MembershipEventKind[] = ['join', 'transfer-in'];
export const LEAVING_KINDS: readonly MembershipEventKind[] = ['transfer-out', 'leave', 'death'];
