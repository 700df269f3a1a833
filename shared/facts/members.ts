import { live, type BookTables } from '../model/book';
import type { MembershipEvent } from '../model/records';
import { isMemberOn, isRetiredOn, standingOf, type Standing } from './membership';
import type { MemberFacts } from './types';

export interface MemberIndex {
  standings: Map<string, Standing>;
  events: Map<string, MembershipEvent[]>;
}

export function indexMembers(book: Pick<BookTables, 'members' | 'memberships'>): MemberIndex {
  const events = new Map<string, MembershipEvent[]>();
  for (const e of live(book.memberships)) {
    const list = events.get(e.memberId);
    if (list) list.push(e);
    else events.set(e.memberId, [e]);
  }
  const standings = new Map<string, Standing>();
  for (const m of live(book.members)) standings.set(m.id, standingOf(m, events.get(m.id) ?? []));
  return { standings, events };
}

/** Members at the year's last day, and the year's movements. 入会率 counts in-service members only. */
export function memberFacts(book: Pick<BookTables, 'members' | 'memberships' | 'union'>, year: number, index: MemberIndex): MemberFacts {
  const yearEnd = `${year}-12-31`;
  const prefix = String(year);
  const facts: MemberFacts = { total: 0, inService: 0, women: 0, farmerWorkers: 0, joined: 0, left: 0, retired: 0, joinRate: 0 };
  for (const m of live(book.members)) {
    const standing = index.standings.get(m.id);
    const events = index.events.get(m.id) ?? [];
    if (standing && isMemberOn(standing, yearEnd)) {
      facts.total++;
      if (!isRetiredOn(events, m, yearEnd)) facts.inService++;
      if (m.gender === '女') facts.women++;
      if (m.isMigrantWorker) facts.farmerWorkers++;
    }
    if (events.length === 0) {
      if (m.joinDate.startsWith(prefix)) facts.joined++;
      continue;
    }
    for (const e of events) {
      if (!e.date.startsWith(prefix)) continue;
      if (e.kind === 'join' || e.kind === 'transfer-in') facts.joined++;
      else if (e.kind === 'transfer-out' || e.kind === 'leave' || e.kind === 'death') facts.left++;
      else if (e.kind === 'retire') facts.retired++;
    }
  }
  const employees = live(book.union)[0]?.employeeCount ?? 0;
  facts.joinRate = ratio(facts.inService, employees);
  return facts;
}

/** a ÷ b, 0 when there is nothing to divide by (a template shows no rate then). */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}
