import type { DuesMember } from '../dues/eligibility';
import type { Member } from '../model/records';

/**
 * What 概览 reads of a member: what its dues to-dos and its member chart need (join date, status,
 * 免缴, and the name and department an arrears list shows), one row per live member, so it never
 * reads the whole roster with its ID numbers, phones and notes. Kept beside the members in the same
 * transaction as every write to them; never synced and never backed up.
 */
export type DeskMemberRow = DuesMember;

/** The row a member is kept as, or undefined for a removed member (who has none). */
export function deskMemberOf(member: Member): DeskMemberRow | undefined {
  if (member.deleted !== 0) return undefined;
  const { id, deleted, name, department, joinDate, status, duesExempt, duesExemptReason } = member;
  return { id, deleted, name, department, joinDate, status, duesExempt, duesExemptReason };
}

/** The rows of a whole roster (an upgrade builds the store from it; tests compare with it). */
export function deskMembersOf(members: readonly Member[]): DeskMemberRow[] {
  return members.flatMap((m) => deskMemberOf(m) ?? []);
}

/** Each written member replaces its row: `after` is the member as written, undefined when removed. */
export function foldMembers(changes: readonly { before?: Member; after?: Member }[]): Map<string, DeskMemberRow | undefined> {
  const out = new Map<string, DeskMemberRow | undefined>();
  for (const c of changes) {
    const id = c.after?.id ?? c.before?.id;
    if (id !== undefined) out.set(id, c.after ? deskMemberOf(c.after) : undefined);
  }
  return out;
}
