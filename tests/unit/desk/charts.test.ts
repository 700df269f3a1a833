import { describe, expect, it } from 'vitest';
import { activityTurnout, memberFlow } from '../../../shared/desk/charts';
import { duesBook } from '../dues/fixture';

describe('desk charts', () => {
  it('counts joins, leaves and members at each month end, up to today', () => {
    const fx = duesBook();
    const a = fx.addMember('张三', '办公室');
    const b = fx.addMember('李四', '财务科');
    const c = fx.addMember('王五', '后勤');
    fx.event(a.id, 'join', '2020-05-01');
    fx.event(b.id, 'join', '2025-02-10');
    fx.event(c.id, 'join', '2024-01-01');
    fx.event(c.id, 'transfer-out', '2025-03-15');
    const flow = memberFlow(fx.book.members, fx.book.memberships, 2025, '2025-04-20');
    expect(flow.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(flow.map((m) => m.joined)).toEqual([0, 1, 0, 0]);
    expect(flow.map((m) => m.left)).toEqual([0, 0, 1, 0]);
    expect(flow.map((m) => m.members)).toEqual([2, 3, 2, 2]);
  });

  it('lists held activities of the year with their attendance, plans left out', () => {
    const fx = duesBook();
    const base = { category: '文体活动', endDate: '', place: '', organiser: '', description: '', photoIds: [], transactionIds: [] };
    fx.builder.insert('activities', {
      ...base,
      title: '春季运动会',
      startDate: '2025-04-10',
      participantIds: ['x', 'y'],
      headCount: 30,
      planned: false,
    });
    fx.builder.insert('activities', {
      ...base,
      title: '读书会',
      startDate: '2025-03-02',
      participantIds: ['x', 'y', 'z'],
      headCount: 0,
      planned: false,
    });
    fx.builder.insert('activities', { ...base, title: '秋游', startDate: '2025-10-01', participantIds: [], headCount: 40, planned: true });
    fx.builder.insert('activities', {
      ...base,
      title: '去年年会',
      startDate: '2024-12-30',
      participantIds: [],
      headCount: 50,
      planned: false,
    });
    expect(activityTurnout(fx.book.activities, 2025).map((a) => [a.title, a.personTimes])).toEqual([
      ['读书会', 3],
      ['春季运动会', 30],
    ]);
  });
});
