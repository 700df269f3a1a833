import { deskMemberOf } from '../desk/desk-members';
import type { Member, MembershipEvent, WageBase } from '../model/records';
import { countingBase } from './data';
import type { DuesEvent, DuesMember } from './eligibility';

/**
 * Everything a month's posting reads of one member, in one compact row: what dues planning reads of
 * the member (`DuesMember`), and of the member's live membership events and wage bases only what the
 * rules read of them (with their ids, so a later write can replace them). A posting of 5,000 members
 * then reads 5,000 rows a page at a time instead of the members, every membership event and the
 * year's bases apart, each with its sync fields. Kept beside the three tables in the same
 * transaction as every write to them; never synced and never backed up, since it is computed from
 * them alone. The rules themselves (who owes, which base counts) stay in eligibility.ts and data.ts
 * and are applied to these rows as to the tables.
 */
export interface DuesMemberRow {
  /** The member's id. */
  id: string;
  /** Null while there is no live member: removed, or its events or bases arrived first (a sync). */
  member: DuesMember | null;
  /** Live events, in id order (the order the table gives them). */
  events: DuesEventRow[];
  /** Live bases of every year, in id order. */
  bases: DuesBaseRow[];
}

export type DuesEventRow = DuesEvent & Pick<MembershipEvent, 'id'>;
export type DuesBaseRow = Pick<WageBase, 'id' | 'year' | 'baseFen' | 'updatedAt'>;

const eventRow = ({ id, kind, date, updatedAt }: MembershipEvent): DuesEventRow => ({ id, kind, date, updatedAt });
const baseRow = ({ id, year, baseFen, updatedAt }: WageBase): DuesBaseRow => ({ id, year, baseFen, updatedAt });

/**
 * How a row is kept in the database: the member's fields, events and bases as flat arrays in a fixed
 * order. IndexedDB copies every object with each of its property names, so the same row stored as
 * nested objects took twice the bytes; a posting reads a row per member, and in IndexedDB the reads
 * and the posting's writes queue one after the other, so the bytes read add to the posting's time.
 * Only the store holds this form: `decodeDuesMember` gives the row back as `DuesMemberRow`.
 */
export interface StoredDuesMember {
  id: string;
  /** The member's `deleted, name, department, joinDate, status, duesExempt, duesExemptReason`; null: no live member. */
  m: StoredMember | null;
  /** Each event's `id, kind, date, updatedAt`, one after another, in the row's order. */
  e: string[];
  /** Each base's `id, year, baseFen, updatedAt`, one after another, in the row's order. */
  b: (string | number)[];
}

type StoredMember = [
  DuesMember['deleted'],
  DuesMember['name'],
  DuesMember['department'],
  DuesMember['joinDate'],
  DuesMember['status'],
  DuesMember['duesExempt'],
  DuesMember['duesExemptReason'],
];

/** The stored form of a row. */
export function encodeDuesMember(row: DuesMemberRow): StoredDuesMember {
  const m = row.member;
  const e: string[] = [];
  for (const ev of row.events) e.push(ev.id, ev.kind, ev.date, ev.updatedAt);
  const b: (string | number)[] = [];
  for (const base of row.bases) b.push(base.id, base.year, base.baseFen, base.updatedAt);
  return {
    id: row.id,
    m: m && [m.deleted, m.name, m.department, m.joinDate, m.status, m.duesExempt, m.duesExemptReason],
    e,
    b,
  };
}

/** The row a stored form holds (the member's id is the row's own). */
export function decodeDuesMember({ id, m, e, b }: StoredDuesMember): DuesMemberRow {
  const events: DuesEventRow[] = [];
  for (let i = 0; i < e.length; i += 4)
    events.push({ id: e[i]!, kind: e[i + 1] as DuesEventRow['kind'], date: e[i + 2]!, updatedAt: e[i + 3]! });
  const bases: DuesBaseRow[] = [];
  for (let i = 0; i < b.length; i += 4)
    bases.push({ id: b[i] as string, year: b[i + 1] as number, baseFen: b[i + 2] as number, updatedAt: b[i + 3] as string });
  const member: DuesMember | null = m && {
    id,
    deleted: m[0],
    name: m[1],
    department: m[2],
    joinDate: m[3],
    status: m[4],
    duesExempt: m[5],
    duesExemptReason: m[6],
  };
  return { id, member, events, bases };
}

/** The base of `year` that counts in a row (data.ts's rule), or undefined. */
export function rowBase(row: DuesMemberRow, year: number): DuesBaseRow | undefined {
  let base: DuesBaseRow | undefined;
  for (const b of row.bases) if (b.year === year) base = countingBase(base, b);
  return base;
}

export type DuesMemberTable = 'members' | 'memberships' | 'wageBases';

/** The tables the rows are built from. */
export const DUES_MEMBER_TABLES: readonly DuesMemberTable[] = ['members', 'memberships', 'wageBases'];

type Row = Member | MembershipEvent | WageBase;

const memberIdOf = (table: DuesMemberTable, row: Row): string =>
  table === 'members' ? row.id : (row as MembershipEvent | WageBase).memberId;

/** The ids of the rows that `changes` to `table` touch (an event or base moved to another member touches both). */
export function duesMemberIdsOf(table: DuesMemberTable, changes: readonly { before?: Row; after?: Row }[]): string[] {
  const ids = new Set<string>();
  for (const c of changes) {
    if (c.before) ids.add(memberIdOf(table, c.before));
    if (c.after) ids.add(memberIdOf(table, c.after));
  }
  return [...ids];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `list` without the row of `id`, and with `row` put in its place in id order. */
function replaced<T extends { id: string }>(list: readonly T[], id: string, row: T | undefined): T[] {
  const out = list.filter((r) => r.id !== id);
  if (row) {
    out.push(row);
    out.sort(byId);
  }
  return out;
}

/** `row` with the event or base `id` replaced by the compact form of `live` (removed when undefined). */
function put(row: DuesMemberRow, table: 'memberships' | 'wageBases', id: string, live: Row | undefined): void {
  if (table === 'memberships') row.events = replaced(row.events, id, live && eventRow(live as MembershipEvent));
  else row.bases = replaced(row.bases, id, live && baseRow(live as WageBase));
}

/**
 * The touched rows after `changes` to `table`, from `current` (absent: none yet). A row that holds
 * nothing any more (no live member, events or bases) is undefined: it is deleted.
 */
export function foldDuesMembers(
  table: DuesMemberTable,
  current: { get(id: string): DuesMemberRow | undefined },
  changes: readonly { before?: Row; after?: Row }[],
): Map<string, DuesMemberRow | undefined> {
  const rows = new Map<string, DuesMemberRow>();
  const rowOf = (id: string): DuesMemberRow => {
    let row = rows.get(id);
    if (!row) {
      const stored = current.get(id);
      row = stored ? { ...stored } : { id, member: null, events: [], bases: [] };
      rows.set(id, row);
    }
    return row;
  };
  for (const { before, after } of changes) {
    if (table === 'members') {
      const member = (after ?? before) as Member | undefined;
      if (member) rowOf(member.id).member = after ? (deskMemberOf(after as Member) ?? null) : null;
      continue;
    }
    // Taken out of the member it was under, then put under the one it is under now (if live).
    const live = after && after.deleted === 0 ? after : undefined;
    if (before) put(rowOf(memberIdOf(table, before)), table, before.id, undefined);
    if (after) put(rowOf(memberIdOf(table, after)), table, after.id, live);
  }
  const out = new Map<string, DuesMemberRow | undefined>();
  for (const [id, row] of rows) out.set(id, row.member || row.events.length > 0 || row.bases.length > 0 ? row : undefined);
  return out;
}

/** The rows of a whole book (an upgrade builds the store from it; the memory store and tests read it). */
export function duesMembersOf(
  members: readonly Member[],
  memberships: readonly MembershipEvent[],
  wageBases: readonly WageBase[],
): DuesMemberRow[] {
  const rows = new Map<string, DuesMemberRow>();
  const rowOf = (id: string): DuesMemberRow => {
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { id, member: null, events: [], bases: [] }));
    return row;
  };
  for (const m of members) {
    const member = deskMemberOf(m);
    if (member) rowOf(m.id).member = member;
  }
  for (const e of [...memberships].sort(byId)) if (e.deleted === 0) rowOf(e.memberId).events.push(eventRow(e));
  for (const w of [...wageBases].sort(byId)) if (w.deleted === 0) rowOf(w.memberId).bases.push(baseRow(w));
  return [...rows.values()].sort(byId);
}
