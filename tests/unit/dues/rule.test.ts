import { describe, expect, it } from 'vitest';
import { buildTimelines, monthDuty } from '../../../shared/dues/eligibility';
import { DEFAULT_DUES_RULE, describeDuesRule, monthlyDues } from '../../../shared/dues/rule';
import { monthsOfYear } from '../../../shared/dues/months';
import { duesBook } from './fixture';

describe('monthly dues at the national default', () => {
  it('floors the base to 10 yuan before taking 0.5 %', () => {
    expect(monthlyDues(499_900)).toBe(2495); // 4,999 yuan → 4,990 counted → 24.95
    expect(monthlyDues(500_000)).toBe(2500); // 5,000 yuan → 25.00
    expect(monthlyDues(499_999)).toBe(2495); // 4,999.99 yuan: the tail under 10 yuan is not counted
    expect(monthlyDues(500_999)).toBe(2500);
    expect(monthlyDues(501_000)).toBe(2505);
    expect(monthlyDues(999)).toBe(0);
    expect(monthlyDues(0)).toBe(0);
  });

  it('honours a local rule that rounds to the jiao', () => {
    const rule = { rateBasisPoints: 50, baseFloorFen: 1, rounding: 'jiao-round' as const };
    expect(monthlyDues(499_999, rule)).toBe(2500);
    expect(monthlyDues(498_900, { ...rule, rounding: 'jiao-floor' })).toBe(2490);
    expect(monthlyDues(498_900, { ...rule, rounding: 'jiao-ceil' })).toBe(2500);
  });

  it('states the rule in words', () => {
    expect(describeDuesRule(DEFAULT_DUES_RULE)).toBe(
      '按月工资基数的 0.5% 缴纳会费，工资基数不足 10 元的尾数不计，计算到分；退休、失业会员免缴。',
    );
  });
});

describe('who owes which month', () => {
  it('exempts retired, unemployed and 免缴 members', () => {
    const { book, addMember } = duesBook();
    const retired = addMember('老张', '办公室', { status: 'retired' });
    const jobless = addMember('小刘', '办公室', { status: 'unemployed' });
    const exempt = addMember('小赵', '办公室', { exempt: '长期病休' });
    const active = addMember('小王', '办公室');
    const timelines = new Map(buildTimelines(book.members, book.memberships).map((t) => [t.member.id, t]));
    const duty = (id: string) => monthDuty(timelines.get(id)!, '2025-03');
    expect(duty(retired.id)).toEqual({ kind: 'exempt', reason: '退休', note: '' });
    expect(duty(jobless.id)).toEqual({ kind: 'exempt', reason: '失业', note: '' });
    expect(duty(exempt.id)).toEqual({ kind: 'exempt', reason: '免缴', note: '长期病休' });
    expect(duty(active.id)).toEqual({ kind: 'due' });
  });

  it('counts only the months of membership for someone who joins and leaves mid-year', () => {
    const { book, addMember, event } = duesBook();
    const m = addMember('钱七', '车间', { status: 'transferred-out' });
    event(m.id, 'join', '2025-03-20');
    event(m.id, 'transfer-out', '2025-09-05');
    const [timeline] = buildTimelines(book.members, book.memberships);
    const due = monthsOfYear(2025).filter((month) => monthDuty(timeline!, month).kind === 'due');
    expect(due).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08']);
  });

  it('stops dues from the month of retirement but keeps the member', () => {
    const { book, addMember, event } = duesBook();
    const m = addMember('孙八', '车间', { status: 'retired' });
    event(m.id, 'join', '2010-01-01');
    event(m.id, 'retire', '2025-07-01');
    const [timeline] = buildTimelines(book.members, book.memberships);
    expect(monthDuty(timeline!, '2025-06').kind).toBe('due');
    expect(monthDuty(timeline!, '2025-07')).toMatchObject({ kind: 'exempt', reason: '退休' });
  });

  it('uses the join date when no history is recorded', () => {
    const { book, addMember } = duesBook();
    const m = addMember('周九', '车间');
    m.joinDate = '2025-05-10';
    const [timeline] = buildTimelines(book.members, book.memberships);
    expect(monthDuty(timeline!, '2025-04').kind).toBe('not-member');
    expect(monthDuty(timeline!, '2025-05').kind).toBe('due');
  });
});
