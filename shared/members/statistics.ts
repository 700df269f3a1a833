import type { IsoDate, Member, MembershipEvent } from '../model/records';
import { isOnRoll, JOINING_KINDS, LEAVING_KINDS } from './status';

export interface MemberStatistics {
  /** 会员总数: members on the roll (active, retired, unemployed). */
  total: number;
  female: number;
  migrantWorkers: number;
  /** 本年新入会: joins and transfers in dated in the year. */
  joinedThisYear: number;
  /** 本年减少: transfers out, leaving and deaths dated in the year. */
  leftThisYear: number;
}

/**
 * The figures of the statistics strip. A member with no join event (e.g. typed in before history
 * was kept) counts as joined in the year of their 入会日期.
 */
export function memberStatistics(members: readonly Member[], events: readonly MembershipEvent[], year: number): MemberStatistics {
  const live = members.filter((m) => m.deleted === 0);
  const onRoll = live.filter((m) => isOnRoll(m.status));
  const prefix = `${year}-`;
  const liveEvents = events.filter((e) => e.deleted === 0);
  const withJoinEvent = new Set(liveEvents.filter((e) => JOINING_KINDS.includes(e.kind)).map((e) => e.memberId));
  const joinedByEvent = new Set(
    liveEvents.filter((e) => JOINING_KINDS.includes(e.kind) && e.date.startsWith(prefix)).map((e) => e.memberId),
  );
  const joinedByDate = live.filter((m) => !withJoinEvent.has(m.id) && m.joinDate.startsWith(prefix)).length;
  const left = new Set(liveEvents.filter((e) => LEAVING_KINDS.includes(e.kind) && e.date.startsWith(prefix)).map((e) => e.memberId));
  return {
    total: onRoll.length,
    female: onRoll.filter((m) => m.gender === '女').length,
    migrantWorkers: onRoll.filter((m) => m.isMigrantWorker).length,
    joinedThisYear: joinedByEvent.size + joinedByDate,
    leftThisYear: left.size,
  };
}

export interface AgeBand {
  label: string;
  count: number;
}

/** Bands the upward statistics use for young workers (35 and under) and the ages before retirement. */
const BANDS: readonly { label: string; max: number }[] = [
  { label: '35岁及以下', max: 35 },
  { label: '36-45岁', max: 45 },
  { label: '46-55岁', max: 55 },
  { label: '56岁及以上', max: Number.POSITIVE_INFINITY },
];

export function ageOn(birthDate: IsoDate, on: IsoDate): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Members on the roll by age on `on`; members without a birth date form a last 未知 band (shown only when non-empty). */
export function ageBands(members: readonly Member[], on: IsoDate): AgeBand[] {
  const counts = BANDS.map((b) => ({ label: b.label, count: 0 }));
  let unknown = 0;
  for (const m of members) {
    if (m.deleted !== 0 || !isOnRoll(m.status)) continue;
    const age = ageOn(m.birthDate, on);
    if (age === null) {
      unknown++;
      continue;
    }
    const index = BANDS.findIndex((b) => age <= b.max);
    const band = counts[index];
    if (band) band.count++;
  }
  return unknown > 0 ? [...counts, { label: '未知', count: unknown }] : counts;
}
