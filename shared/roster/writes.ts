import type { NewRecord } from '../book/changes';
import { uuidv7 } from '../ids/uuid7';
import type { MembershipEvent, WageBase } from '../model/records';
import { joinEventFor } from '../members/join-event';
import type { ImportPlan } from './plan';

type Patch<T> = { id: string; patch: Partial<T> };

/** The rows an import writes, table by table; the renderer hands them to its Mutator, the CLI to the book file. */
export interface RosterWrites {
  insertMembers: NewRecord<'members'>[];
  updateMembers: Patch<NewRecord<'members'>>[];
  insertMemberships: NewRecord<'memberships'>[];
  updateMemberships: Patch<Pick<MembershipEvent, 'date'>>[];
  insertWageBases: NewRecord<'wageBases'>[];
  updateWageBases: Patch<Pick<WageBase, 'baseFen'>>[];
}

export const IMPORT_REASON = '名册导入';

/**
 * Turns a plan into writes. New members get an 入会 event on their 入会日期 (history starts with
 * the join); the 工资基数 column sets the plan year's WageBase, replacing one already there.
 */
export function planWrites(
  plan: ImportPlan,
  existing: { wageBases: readonly WageBase[]; memberships: readonly MembershipEvent[] },
  newId: () => string = uuidv7,
): RosterWrites {
  const baseOf = new Map<string, WageBase>();
  for (const w of existing.wageBases) if (w.deleted === 0 && w.year === plan.year) baseOf.set(w.memberId, w);
  const writes: RosterWrites = {
    insertMembers: [],
    updateMembers: [],
    insertMemberships: [],
    updateMemberships: [],
    insertWageBases: [],
    updateWageBases: [],
  };
  for (const p of plan.toInsert) {
    const id = newId();
    writes.insertMembers.push({ ...p.member, id });
    if (p.member.joinDate !== '') writes.insertMemberships.push(joinEvent(id, p.member.joinDate));
    if (p.wageBaseFen !== null) writes.insertWageBases.push({ memberId: id, year: plan.year, baseFen: p.wageBaseFen });
  }
  for (const p of plan.toUpdate) {
    writes.updateMembers.push({ id: p.id, patch: p.patch });
    const join = joinEventFor(p.id, p.patch.joinDate ?? '', existing.memberships, IMPORT_REASON);
    if (join.kind === 'insert') writes.insertMemberships.push(join.event);
    if (join.kind === 'update') writes.updateMemberships.push({ id: join.id, patch: { date: join.date } });
    if (p.wageBaseFen === null) continue;
    const current = baseOf.get(p.id);
    if (current) writes.updateWageBases.push({ id: current.id, patch: { baseFen: p.wageBaseFen } });
    else writes.insertWageBases.push({ memberId: p.id, year: plan.year, baseFen: p.wageBaseFen });
  }
  return writes;
}

function joinEvent(memberId: string, date: string): Omit<MembershipEvent, 'id' | 'updatedAt' | 'deviceId' | 'deleted'> {
  return { memberId, kind: 'join', date, reason: IMPORT_REASON, otherUnion: '' };
}
