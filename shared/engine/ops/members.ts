import type { NewRecord } from '../../book/changes';
import { isYearLockedBy, lockedYearMessage } from '../../finance/year-lock';
import type { MemberDraft } from '../../members/fields';
import { joinEventFor } from '../../members/join-event';
import { statusFromEvents } from '../../members/status';
import type { Fen, Member, MembershipEvent } from '../../model/records';
import type { RosterWrites } from '../../roster/writes';
import { BookError, throwIfAny } from '../errors';
import { futureDateProblem } from '../rules/dates';
import { historyProblem } from '../rules/membership';
import { memberProblems } from '../rules/members';
import type { BookStore } from '../store';
import { saveWageBases } from './dues';

const MEMBER_TABLES = ['members', 'memberships', 'wageBases', 'submissions'] as const;

/** The member and wage base as the drawer saves them. */
export interface MemberSave {
  draft: MemberDraft;
  wage: { year: number; baseFen: Fen | null };
}

async function checkHistory(store: BookStore, memberId: string): Promise<MembershipEvent[]> {
  const member = await store.get('members', memberId);
  const events = await store.where('memberships', 'memberId', memberId);
  const problem = historyProblem(events, member?.birthDate ?? '');
  if (problem) throw new BookError(`${member?.name ?? ''}：${problem}`, 'kind');
  return events;
}

async function syncStatus(store: BookStore, memberId: string): Promise<void> {
  const events = await checkHistory(store, memberId);
  await store.update('members', [{ id: memberId, patch: { status: statusFromEvents(events) } }]);
}

/**
 * Saves a member typed in the drawer. A new member's history starts with 入会 on the 入会日期, and
 * a corrected 入会日期 moves that event; status is never edited here — it follows the history. The
 * whole roster is read inside the transaction, so a second click cannot add the same person twice.
 */
export async function saveMember(store: BookStore, existingId: string | null, { draft, wage }: MemberSave): Promise<Member> {
  return store.transaction(MEMBER_TABLES, async () => {
    const existing = existingId ? await store.get('members', existingId) : undefined;
    if (existingId && (!existing || existing.deleted)) throw new BookError('要修改的会员不存在');
    throwIfAny(memberProblems(draft, store.today(), await store.all('members'), existingId));
    const { status: _status, ...patch } = draft;
    const [saved] = existing
      ? await store.update('members', [{ id: existing.id, patch }])
      : await store.insert('members', [{ ...draft, status: 'active' }]);
    const member = saved!;
    const events = existing ? await store.where('memberships', 'memberId', member.id) : [];
    const join = joinEventFor(member.id, draft.joinDate, events, existing ? '补记入会' : '新增会员');
    if (join.kind === 'insert') await store.insert('memberships', [join.event]);
    if (join.kind === 'update') await store.update('memberships', [{ id: join.id, patch: { date: join.date } }]);
    await checkHistory(store, member.id);
    if (wage.baseFen !== null) await saveWageBases(store, [{ memberId: member.id, year: wage.year, baseFen: wage.baseFen }]);
    return member;
  });
}

/** What refers to a member, in words, so the user learns why a removal is refused. */
async function references(store: BookStore, memberId: string): Promise<string[]> {
  const out: string[] = [];
  const payments = (await store.where('duesPayments', 'memberId', memberId)).filter((p) => p.deleted === 0);
  if (payments.length > 0) out.push(`${payments.length} 笔会费记录`);
  const visits = (await store.where('welfare', 'memberId', memberId)).filter((w) => w.deleted === 0);
  if (visits.length > 0) out.push(`${visits.length} 次慰问`);
  const activities = (await store.all('activities')).filter((a) => a.deleted === 0 && a.participantIds.includes(memberId));
  if (activities.length > 0) out.push(`${activities.length} 次活动`);
  return out;
}

/**
 * Removes a member entered by mistake (a tombstone, with its history and wage bases) — only while
 * nothing refers to it. A real departure is 退会 or 转出 in the history, which keeps the statistics.
 */
export async function removeMember(store: BookStore, memberId: string): Promise<void> {
  await store.transaction(['members', 'memberships', 'wageBases', 'duesPayments', 'welfare', 'activities'], async () => {
    const member = await store.get('members', memberId);
    if (!member || member.deleted) throw new BookError('要删除的会员不存在');
    const refs = await references(store, memberId);
    if (refs.length > 0)
      throw new BookError(`“${member.name}”已有${refs.join('、')}，不能删除；如已离开本会，请在会籍变动中登记退会或转出`);
    for (const e of await store.where('memberships', 'memberId', memberId)) if (e.deleted === 0) await store.remove('memberships', e.id);
    for (const w of await store.where('wageBases', 'memberId', memberId)) if (w.deleted === 0) await store.remove('wageBases', w.id);
    await store.remove('members', memberId);
  });
}

/** Records a membership change and sets the member's status from the whole history, atomically. */
export async function recordMembershipEvent(store: BookStore, event: Omit<NewRecord<'memberships'>, 'id'>): Promise<MembershipEvent> {
  const future = futureDateProblem('变动日期', event.date, store.today());
  if (future) throw new BookError(future, 'date');
  return store.transaction(MEMBER_TABLES, async () => {
    const member = await store.get('members', event.memberId);
    if (!member || member.deleted) throw new BookError('会员不存在');
    const [saved] = await store.insert('memberships', [event]);
    await syncStatus(store, event.memberId);
    return saved!;
  });
}

/** Withdraws a change entered by mistake (a tombstone, so other devices learn of it) and recomputes the status. */
export async function removeMembershipEvent(store: BookStore, eventId: string): Promise<void> {
  await store.transaction(MEMBER_TABLES, async () => {
    const event = await store.get('memberships', eventId);
    if (!event || event.deleted) return;
    await store.remove('memberships', eventId);
    await syncStatus(store, event.memberId);
  });
}

const CHUNK = 500;

/**
 * Writes a planned roster import in ONE transaction: if anything fails, nothing is imported. Rows
 * were checked one by one when the import was planned; the store checks each again as it writes.
 * Wage bases of a year whose report was submitted are refused like any other write to that year.
 */
export async function commitRosterImport(
  store: BookStore,
  writes: RosterWrites,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  const steps: (() => Promise<unknown>)[] = [];
  const chunks = <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += CHUNK) steps.push(() => write(rows.slice(i, i + CHUNK)));
  };
  chunks(writes.insertMembers, (c) => store.insert('members', c));
  chunks(writes.updateMembers, (c) => store.update('members', c));
  chunks(writes.insertMemberships, (c) => store.insert('memberships', c));
  chunks(writes.updateMemberships, (c) => store.update('memberships', c));
  chunks(writes.insertWageBases, (c) => store.insert('wageBases', c));
  chunks(writes.updateWageBases, (c) => store.update('wageBases', c));
  await store.transaction(MEMBER_TABLES, async () => {
    const years = writes.insertWageBases.map((w) => w.year);
    if (writes.updateWageBases.length > 0 || years.length > 0) {
      const submissions = await store.all('submissions');
      const baseYears = new Set(years);
      for (const u of writes.updateWageBases) {
        const row = await store.get('wageBases', u.id);
        if (row) baseYears.add(row.year);
      }
      for (const y of baseYears) if (isYearLockedBy(submissions, y)) throw new BookError(lockedYearMessage(y));
    }
    for (let i = 0; i < steps.length; i++) {
      await steps[i]?.();
      onProgress(i + 1, steps.length);
    }
  });
}
