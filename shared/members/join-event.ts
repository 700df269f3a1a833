import type { IsoDate, MembershipEvent } from '../model/records';

export type JoinEventWrite =
  | { kind: 'none' }
  | { kind: 'insert'; event: Pick<MembershipEvent, 'memberId' | 'kind' | 'date' | 'reason' | 'otherUnion'> }
  | { kind: 'update'; id: string; date: IsoDate };

/**
 * Keeps the 入会 event in step with the member's 入会日期: the dues ledger reads membership from
 * the history, so a corrected join date must move the event too. A member with exactly one 入会
 * event has it moved; one without any joining event (入会 or 转入) gets one; a longer history
 * (rejoined after leaving) is left for the user to edit in the history itself.
 */
export function joinEventFor(memberId: string, joinDate: IsoDate | '', events: readonly MembershipEvent[], reason: string): JoinEventWrite {
  if (joinDate === '') return { kind: 'none' };
  const mine = events.filter((e) => e.memberId === memberId && e.deleted === 0);
  const joins = mine.filter((e) => e.kind === 'join');
  const joining = mine.filter((e) => e.kind === 'join' || e.kind === 'transfer-in');
  if (joining.length === 0) return { kind: 'insert', event: { memberId, kind: 'join', date: joinDate, reason, otherUnion: '' } };
  const only = joins[0];
  if (joins.length === 1 && joining.length === 1 && only && only.date !== joinDate) return { kind: 'update', id: only.id, date: joinDate };
  return { kind: 'none' };
}
