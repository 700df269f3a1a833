import type { Activity } from '../model/records';
import { ACTIVITY_CATEGORIES } from './categories';

/**
 * Person-times (人次) of one activity. The head-count, when given, is the total attendance and
 * includes the members picked from the roster; without it the picked members are the count.
 */
export function personTimes(a: Pick<Activity, 'participantIds' | 'headCount'>): number {
  return Math.max(a.headCount || 0, a.participantIds.length);
}

export interface CategoryTotal {
  category: string;
  count: number;
  personTimes: number;
}

export interface ActivitySummary {
  count: number;
  personTimes: number;
  /** Default categories first, in their order, then any others the union added. */
  byCategory: CategoryTotal[];
}

export function inYear(a: Pick<Activity, 'startDate'>, year: number): boolean {
  return a.startDate.startsWith(`${year}-`);
}

export function summarizeActivities(activities: readonly Activity[], year?: number): ActivitySummary {
  const live = activities.filter((a) => a.deleted === 0 && (year === undefined || inYear(a, year)));
  const order = new Map<string, number>(ACTIVITY_CATEGORIES.map((c, i) => [c, i]));
  const totals = new Map<string, CategoryTotal>();
  for (const a of live) {
    const t = totals.get(a.category) ?? { category: a.category, count: 0, personTimes: 0 };
    t.count += 1;
    t.personTimes += personTimes(a);
    totals.set(a.category, t);
  }
  const byCategory = [...totals.values()].sort(
    (x, y) => (order.get(x.category) ?? 99) - (order.get(y.category) ?? 99) || x.category.localeCompare(y.category, 'zh-CN'),
  );
  return { count: live.length, personTimes: byCategory.reduce((s, c) => s + c.personTimes, 0), byCategory };
}

export interface TimelineMonth {
  month: string;
  activities: Activity[];
}

/** The year's activities month by month, in date order; months without activities are left out. */
export function activityTimeline(activities: readonly Activity[], year: number): TimelineMonth[] {
  const live = activities.filter((a) => a.deleted === 0 && inYear(a, year)).sort((x, y) => x.startDate.localeCompare(y.startDate));
  const months = new Map<string, Activity[]>();
  for (const a of live) {
    const m = a.startDate.slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), a]);
  }
  return [...months.entries()].map(([month, list]) => ({ month, activities: list }));
}
