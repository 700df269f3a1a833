import { personTimes } from '../activities/summary';
import { lastDayOfMonth, monthsOfYear } from '../dues/months';
import { isMemberOn, standingOf } from '../facts/membership';
import type { Activity, IsoDate, IsoMonth, Member, MembershipEvent } from '../model/records';

export interface MemberFlowMonth {
  month: IsoMonth;
  /** 入会 and 转入 in the month. */
  joined: number;
  /** 转出, 退会 and 去世 in the month. */
  left: number;
  /** Members at the month's end (for months not yet ended: today). */
  members: number;
}

/** Who came and went each month of a year, up to `today`, and the count at each month's end. */
export function memberFlow(
  members: readonly Pick<Member, 'id' | 'deleted' | 'joinDate' | 'status'>[],
  memberships: readonly MembershipEvent[],
  year: number,
  today: IsoDate,
): MemberFlowMonth[] {
  const byMember = new Map<string, MembershipEvent[]>();
  for (const e of memberships) {
    if (e.deleted !== 0) continue;
    byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e]);
  }
  const standings = members.filter((m) => m.deleted === 0).map((m) => standingOf(m, byMember.get(m.id) ?? []));
  return monthsOfYear(year)
    .filter((month) => `${month}-01` <= today)
    .map((month) => {
      const end = lastDayOfMonth(month) < today ? lastDayOfMonth(month) : today;
      let joined = 0;
      let left = 0;
      let count = 0;
      for (const s of standings) {
        for (const p of s.member) {
          if (p.from.startsWith(month)) joined++;
          if (p.to.startsWith(month)) left++;
        }
        if (isMemberOn(s, end)) count++;
      }
      return { month, joined, left, members: count };
    });
}

export interface ActivityTurnout {
  id: string;
  title: string;
  date: IsoDate;
  personTimes: number;
}

/** The year's held activities in date order with their attendance (人次); plans are left out. */
export function activityTurnout(activities: readonly Activity[], year: number): ActivityTurnout[] {
  return activities
    .filter((a) => a.deleted === 0 && !a.planned && a.startDate.startsWith(`${year}-`))
    .sort((x, y) => x.startDate.localeCompare(y.startDate))
    .map((a) => ({ id: a.id, title: a.title, date: a.startDate, personTimes: personTimes(a) }));
}
