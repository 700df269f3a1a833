import type { NewRecord } from '../../../../shared/book/changes';
import type { MemberDraft } from '../../../../shared/members/fields';
import { joinEventFor } from '../../../../shared/members/join-event';
import { statusFromEvents } from '../../../../shared/members/status';
import type { Fen, Member, MembershipEvent } from '../../../../shared/model/records';
import type { RosterWrites } from '../../../../shared/roster/writes';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';

const MEMBER_TABLES = ['members', 'memberships', 'wageBases'] as const;

/** Sets (or replaces) a member's monthly wage base for a year; null leaves it as it is. */
async function putWageBase(db: UnionBooksDB, mutator: Mutator, memberId: string, year: number, baseFen: Fen | null): Promise<void> {
  if (baseFen === null) return;
  const current = await db.wageBases
    .where('[memberId+year]')
    .equals([memberId, year])
    .filter((w) => w.deleted === 0)
    .first();
  if (current) await mutator.update('wageBases', current.id, { baseFen });
  else await mutator.insert('wageBases', { memberId, year, baseFen });
}

/**
 * Saves a member typed in the drawer. A new member's history starts with 入会 on the 入会日期, and
 * a corrected 入会日期 moves that event; status is never edited here — it follows the history.
 */
export async function saveMember(
  db: UnionBooksDB,
  mutator: Mutator,
  existing: Member | null,
  draft: MemberDraft,
  wage: { year: number; baseFen: Fen | null },
): Promise<Member> {
  return mutator.transaction(MEMBER_TABLES, async () => {
    const saved = existing
      ? await mutator.update('members', existing.id, (({ status: _status, ...patch }) => patch)(draft))
      : await mutator.insert('members', { ...draft, status: 'active' });
    const events = existing ? await db.memberships.where('memberId').equals(saved.id).toArray() : [];
    const join = joinEventFor(saved.id, draft.joinDate, events, existing ? '补记入会' : '新增会员');
    if (join.kind === 'insert') await mutator.insert('memberships', join.event);
    if (join.kind === 'update') await mutator.update('memberships', join.id, { date: join.date });
    await putWageBase(db, mutator, saved.id, wage.year, wage.baseFen);
    return saved;
  });
}

async function syncStatus(db: UnionBooksDB, mutator: Mutator, memberId: string): Promise<void> {
  const events = await db.memberships.where('memberId').equals(memberId).toArray();
  await mutator.update('members', memberId, { status: statusFromEvents(events) });
}

/** Records a membership change and sets the member's status from the whole history, atomically. */
export async function recordMembershipEvent(
  db: UnionBooksDB,
  mutator: Mutator,
  event: Omit<NewRecord<'memberships'>, 'id'>,
): Promise<MembershipEvent> {
  return mutator.transaction(MEMBER_TABLES, async () => {
    const saved = await mutator.insert('memberships', event);
    await syncStatus(db, mutator, event.memberId);
    return saved;
  });
}

/** Withdraws a change entered by mistake (a tombstone, so other devices learn of it) and recomputes the status. */
export async function removeMembershipEvent(db: UnionBooksDB, mutator: Mutator, event: MembershipEvent): Promise<void> {
  await mutator.transaction(MEMBER_TABLES, async () => {
    await mutator.remove('memberships', event.id);
    await syncStatus(db, mutator, event.memberId);
  });
}

const CHUNK = 500;

/**
 * Writes a planned roster import in ONE transaction: if anything fails, nothing is imported.
 * Rows go in chunks so the wizard can show progress between them.
 */
export async function commitRosterImport(
  mutator: Mutator,
  writes: RosterWrites,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const steps: (() => Promise<unknown>)[] = [];
  const chunks = <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += CHUNK) steps.push(() => write(rows.slice(i, i + CHUNK)));
  };
  chunks(writes.insertMembers, (c) => mutator.insertMany('members', c));
  chunks(writes.updateMembers, (c) => mutator.updateMany('members', c));
  chunks(writes.insertMemberships, (c) => mutator.insertMany('memberships', c));
  chunks(writes.updateMemberships, (c) => mutator.updateMany('memberships', c));
  chunks(writes.insertWageBases, (c) => mutator.insertMany('wageBases', c));
  chunks(writes.updateWageBases, (c) => mutator.updateMany('wageBases', c));
  await mutator.transaction(MEMBER_TABLES, async () => {
    for (let i = 0; i < steps.length; i++) {
      await steps[i]?.();
      onProgress(i + 1, steps.length);
    }
  });
}
