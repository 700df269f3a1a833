import { live, type BookTables } from '../model/book';
import type { IsoDate, MembershipEvent } from '../model/records';
import { isInServiceOn, isMemberOn, standingOf, type Standing } from './membership';
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

/**
 * Members on the counting day and the year's movements up to it, taken from the same membership
 * periods, so the text always adds up: members at the year's start + joined − left = members now.
 * Retiring keeps the membership (it stops the dues), so it is counted apart. 入会率 counts members
 * in work against the employees.
 */
export function memberFacts(
  book: Pick<BookTables, 'members' | 'memberships' | 'union'>,
  year: number,
  asOf: IsoDate,
  index: MemberIndex,
): MemberFacts {
  const before = `${year - 1}-12-31`;
  const facts: MemberFacts = {
    atYearStart: 0,
    total: 0,
    inService: 0,
    women: 0,
    womenInService: 0,
    farmerWorkers: 0,
    joined: 0,
    newMembers: 0,
    transferredIn: 0,
    left: 0,
    transferredOut: 0,
    quit: 0,
    died: 0,
    retired: 0,
    joinRate: 0,
  };
  const inWindow = (date: IsoDate) => date > before && date <= asOf;
  for (const m of live(book.members)) {
    const standing = index.standings.get(m.id);
    if (!standing) continue;
    const events = index.events.get(m.id) ?? [];
    if (isMemberOn(standing, before)) facts.atYearStart++;
    if (isMemberOn(standing, asOf)) {
      facts.total++;
      const working = isInServiceOn(events, m, asOf);
      if (working) facts.inService++;
      if (m.gender === '女') {
        facts.women++;
        if (working) facts.womenInService++;
      }
      if (m.isMigrantWorker) facts.farmerWorkers++;
    }
    for (const p of standing.member) {
      if (inWindow(p.from)) {
        facts.joined++;
        if (p.startKind === 'transfer-in') facts.transferredIn++;
        else facts.newMembers++;
      }
      if (p.to !== '' && inWindow(p.to)) {
        facts.left++;
        if (p.endKind === 'transfer-out') facts.transferredOut++;
        else if (p.endKind === 'death') facts.died++;
        else facts.quit++;
      }
    }
    for (const e of events) if (e.kind === 'retire' && inWindow(e.date)) facts.retired++;
  }
  const employees = live(book.union)[0]?.employeeCount ?? 0;
  facts.joinRate = ratio(facts.inService, employees);
  return facts;
}

/** a ÷ b, 0 when there is nothing to divide by (a template shows no rate then). */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}
