import { describe, expect, it } from 'vitest';
import { fitWithin } from '../../../shared/activities/photo-size';
import { activityTimeline, personTimes, summarizeActivities } from '../../../shared/activities/summary';
import type { Activity } from '../../../shared/model/records';

let n = 0;
const activity = (over: Partial<Activity>): Activity => ({
  id: `a${++n}`,
  updatedAt: '',
  deviceId: '',
  deleted: 0,
  title: '活动',
  category: '文体活动',
  startDate: '2025-05-01',
  endDate: '2025-05-01',
  place: '',
  organiser: '',
  participantIds: [],
  headCount: 0,
  description: '',
  photoIds: [],
  transactionIds: [],
  planned: false,
  ...over,
});

describe('person-times', () => {
  it('is the picked members, or the head-count when that is the larger total', () => {
    expect(personTimes(activity({ participantIds: ['m1', 'm2', 'm3'] }))).toBe(3);
    expect(personTimes(activity({ headCount: 40 }))).toBe(40);
    expect(personTimes(activity({ participantIds: ['m1', 'm2'], headCount: 30 }))).toBe(30);
    // A head-count smaller than the picked list is a typo: the named people were there.
    expect(personTimes(activity({ participantIds: ['m1', 'm2', 'm3'], headCount: 2 }))).toBe(3);
    expect(personTimes(activity({}))).toBe(0);
  });
});

describe('activity summary', () => {
  const list = [
    activity({ category: '文体活动', startDate: '2025-03-08', headCount: 50 }),
    activity({ category: '文体活动', startDate: '2025-10-01', participantIds: ['a', 'b'] }),
    activity({ category: '政治学习/主题教育', startDate: '2025-07-01', headCount: 20 }),
    activity({ category: '读书会', startDate: '2025-04-23', headCount: 12 }),
    activity({ category: '文体活动', startDate: '2024-12-31', headCount: 99 }),
    activity({ category: '文体活动', startDate: '2025-06-01', headCount: 77, deleted: 1 }),
  ];

  it('counts activities and person-times per category for the year, skipping deleted ones', () => {
    const s = summarizeActivities(list, 2025);
    expect(s.count).toBe(4);
    expect(s.personTimes).toBe(84);
    expect(s.byCategory).toEqual([
      { category: '政治学习/主题教育', count: 1, personTimes: 20 },
      { category: '文体活动', count: 2, personTimes: 52 },
      { category: '读书会', count: 1, personTimes: 12 },
    ]);
    expect(summarizeActivities(list).count).toBe(5);
  });

  it('lays the year out month by month in date order', () => {
    const t = activityTimeline(list, 2025);
    expect(t.map((m) => m.month)).toEqual(['2025-03', '2025-04', '2025-07', '2025-10']);
    expect(t[0]!.activities[0]!.startDate).toBe('2025-03-08');
    expect(activityTimeline(list, 2023)).toEqual([]);
  });
});

describe('photo size', () => {
  it('fits the longer side within 1600 px and never enlarges', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 3, 1600)).toEqual({ width: 1600, height: 1 });
  });
});
