import { ACCOUNTS, findAccount } from '../accounts/chart';
import { isInServiceOn, isMemberOn, standingOf } from '../facts/membership';
import { entryEffect } from '../finance/effect';
import type { IsoDate, Member, MembershipEvent, MembershipEventKind, MemberStatus, Transaction } from '../model/records';
import { MAX_FEN } from '../records/spec';

/** The figures the upper union's dashboard shows per union and adds up across unions. */
export interface UpwardStats {
  /** Members on the period's last day, counted from the membership history as the app's documents count them. */
  members: number;
  women: number;
  farmerWorkers: number;
  /** 在职会员: members on the last day who are neither retired nor unemployed. */
  inService: number;
  /** Memberships that began in the period (new members and transfers in). */
  joined: number;
  /** 本年新发展会员: memberships begun in the period by joining, not by a transfer in. */
  newMembers: number;
  /** Memberships that ended in the period (transfer out, leaving, death). */
  left: number;
  duesCollectedFen: number;
  /** Income of the period by the books' sign rule: reversals net out, the 拨缴 part owed upward is not income. */
  incomeFen: number;
  spendingFen: number;
  /** Live rows that could not be counted because a field the figures need has the wrong type or range. */
  invalidRows: number;
}

/** A statistics period, both days included (a calendar year, or the 统计年报's 10-01 to 09-30). */
export interface StatsPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** The synced rows of one union the figures are computed from, as stored: each may have any shape. */
export interface StatsRows {
  members: readonly unknown[];
  memberships: readonly unknown[];
  duesPayments: readonly unknown[];
  transactions: readonly unknown[];
}

export const calendarYear = (year: number): StatsPeriod => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export const MEMBER_STATUS_VALUES: readonly MemberStatus[] = ['active', 'retired', 'unemployed', 'transferred-out', 'left', 'deceased'];
export const EVENT_KIND_VALUES: readonly MembershipEventKind[] = [
  'join',
  'transfer-in',
  'transfer-out',
  'retire',
  'unemployed',
  'leave',
  'death',
];

/** Account codes by what an entry on them does to income and spending, for the database to apply the same rule. */
export const ACCOUNT_CODES = {
  all: ACCOUNTS.map((a) => a.code),
  income: ACCOUNTS.filter((a) => a.kind === 'income').map((a) => a.code),
  expense: ACCOUNTS.filter((a) => a.kind === 'expense').map((a) => a.code),
};

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLive = (row: Row) => row.deleted === 0;
const isAmount = (value: unknown): value is number => Number.isSafeInteger(value) && Math.abs(value as number) <= MAX_FEN;
const inPeriod = (date: string, p: StatsPeriod) => date >= p.from && date <= p.to;

/**
 * The upward statistics of one union's rows for a period. The rows come from unions' devices and
 * are read as they are stored: a live row whose needed fields have the wrong type (an amount `"abc"`
 * or `1e308`, a status that is an array, an unknown account) is counted in `invalidRows` and left out
 * of the figures, so one union can never spoil the totals of all.
 *
 * Membership follows the app (shared/facts/membership.ts): a member with a history is counted from
 * its events, one without from its join date and status. Events of one day are taken in id order, so
 * every reader — this function and the database's aggregate — sees the same sequence. Money follows
 * `entryEffect`, the books' one sign rule.
 */
export function upwardStats(rows: StatsRows, period: StatsPeriod): UpwardStats {
  const stats: UpwardStats = { ...ZERO_STATS };
  const members: Row[] = [];
  for (const m of rows.members) {
    const state = memberState(m);
    if (state === 'invalid') stats.invalidRows++;
    else if (state === 'ok') members.push(m as Row);
  }
  const events = new Map<unknown, MembershipEvent[]>();
  for (const e of rows.memberships) {
    const state = eventState(e);
    if (state === 'invalid') stats.invalidRows++;
    if (state !== 'ok') continue;
    const event = e as unknown as MembershipEvent;
    const list = events.get(event.memberId);
    if (list) list.push(event);
    else events.set(event.memberId, [event]);
  }
  for (const row of members) countMember(stats, row as unknown as Member, sortEvents(events.get(row.id) ?? []), period);
  for (const p of rows.duesPayments) {
    if (!isRow(p)) stats.invalidRows++;
    else if (!isLive(p)) continue;
    else if (typeof p.paidDate !== 'string' || !isAmount(p.amountFen)) stats.invalidRows++;
    else if (inPeriod(p.paidDate, period)) stats.duesCollectedFen += p.amountFen;
  }
  for (const t of rows.transactions) {
    const state = entryState(t);
    if (state === 'invalid') stats.invalidRows++;
    if (state !== 'ok') continue;
    const entry = t as unknown as Transaction;
    if (!inPeriod(entry.date, period)) continue;
    const effect = entryEffect(entry);
    stats.incomeFen += effect.incomeFen;
    stats.spendingFen += effect.expenseFen;
  }
  return stats;
}

type RowState = 'ok' | 'deleted' | 'invalid';

function memberState(m: unknown): RowState {
  if (!isRow(m)) return 'invalid';
  if (!isLive(m)) return 'deleted';
  const ok =
    MEMBER_STATUS_VALUES.includes(m.status as MemberStatus) &&
    typeof (m.gender ?? '') === 'string' &&
    typeof (m.isMigrantWorker ?? false) === 'boolean' &&
    typeof (m.joinDate ?? '') === 'string';
  return ok ? 'ok' : 'invalid';
}

function eventState(e: unknown): RowState {
  if (!isRow(e)) return 'invalid';
  if (!isLive(e)) return 'deleted';
  const ok = typeof e.memberId === 'string' && EVENT_KIND_VALUES.includes(e.kind as MembershipEventKind) && typeof e.date === 'string';
  return ok ? 'ok' : 'invalid';
}

function entryState(t: unknown): RowState {
  if (!isRow(t)) return 'invalid';
  if (!isLive(t)) return 'deleted';
  const ok =
    typeof t.date === 'string' &&
    typeof t.accountCode === 'string' &&
    findAccount(t.accountCode) !== undefined &&
    isAmount(t.amountFen) &&
    (t.payableFen === undefined || t.payableFen === null || isAmount(t.payableFen));
  return ok ? 'ok' : 'invalid';
}

const sortEvents = (events: MembershipEvent[]) =>
  events.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function countMember(stats: UpwardStats, raw: Member, events: readonly MembershipEvent[], period: StatsPeriod): void {
  const member: Member = { ...raw, gender: raw.gender ?? '', isMigrantWorker: raw.isMigrantWorker ?? false, joinDate: raw.joinDate ?? '' };
  const standing = standingOf(member, events);
  if (isMemberOn(standing, period.to)) {
    stats.members++;
    if (member.gender === '女') stats.women++;
    if (member.isMigrantWorker) stats.farmerWorkers++;
    if (isInServiceOn(events, member, period.to)) stats.inService++;
  }
  for (const p of standing.member) {
    if (inPeriod(p.from, period)) {
      stats.joined++;
      if (p.startKind !== 'transfer-in') stats.newMembers++;
    }
    if (p.to !== '' && inPeriod(p.to, period)) stats.left++;
  }
}

export function addStats(a: UpwardStats, b: UpwardStats): UpwardStats {
  const out = { ...ZERO_STATS };
  for (const key of STAT_KEYS) out[key] = a[key] + b[key];
  return out;
}

export const ZERO_STATS: UpwardStats = {
  members: 0,
  women: 0,
  farmerWorkers: 0,
  inService: 0,
  joined: 0,
  newMembers: 0,
  left: 0,
  duesCollectedFen: 0,
  incomeFen: 0,
  spendingFen: 0,
  invalidRows: 0,
};

export const STAT_KEYS = Object.keys(ZERO_STATS) as (keyof UpwardStats)[];

/** Only the figures of a row that carries more (an overview row), for adding up. */
export const pickStats = (s: UpwardStats): UpwardStats => {
  const out = { ...ZERO_STATS };
  for (const key of STAT_KEYS) out[key] = s[key];
  return out;
};
