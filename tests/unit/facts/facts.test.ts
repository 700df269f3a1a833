import { describe, expect, it } from 'vitest';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import { smallBook } from './small-book';

describe('annual facts of a hand-made book (2025)', () => {
  const facts = computeAnnualFacts(smallBook(), 2025);

  it('counts members at the year end and the year’s movements', () => {
    // 甲 乙 丙 戊 are members on 2025-12-31 (丁 left, 己 deleted); 丙 is retired
    expect(facts.members).toEqual({
      total: 4,
      inService: 3,
      women: 2,
      farmerWorkers: 1,
      joined: 2, // 乙 by event, 戊 by 入会日期
      left: 1, // 丁
      retired: 1, // 丙
      joinRate: 3 / 10,
    });
  });

  it('computes dues owed, collected and in arrears', () => {
    // owed: 甲 12×2500 + 乙 10×1500 + 丙 6×2000 + 丁 4×1000 = 61,000
    // paid: 30,000 + 9×1500 (June reversed) + 12,000 + 4,000 = 59,500; 甲's 2024-12 payment is not 2025's
    expect(facts.dues).toEqual({
      payingMembers: 4,
      dueFen: 61_000,
      collectedFen: 59_500,
      collectionRate: 59_500 / 61_000,
      arrearsFen: 1_500,
      arrearsMembers: 1,
    });
  });

  it('owes dues only up to the month of the writing date', () => {
    const june = computeAnnualFacts(smallBook(), 2025, { today: '2025-06-30' });
    // 甲 6×2500 + 乙 4×1500 (Mar–Jun) + 丙 6×2000 + 丁 4×1000 = 37,000; 乙's June is reversed
    expect(june.dues.dueFen).toBe(37_000);
    expect(june.dues.arrearsFen).toBe(1_500);
    expect(june.today).toBe('2025-06-30');
  });

  it('groups the year’s activities by category in the usual order', () => {
    expect(facts.activities.count).toBe(3);
    expect(facts.activities.personTimes).toBe(2 + 30 + 3);
    expect(facts.activities.photoCount).toBe(1);
    expect(facts.activities.categories.map((c) => [c.name, c.count, c.personTimes])).toEqual([
      ['文体活动', 2, 32],
      ['教育培训', 1, 3],
    ]);
    const [first] = facts.activities.categories[0]!.items;
    expect(first).toMatchObject({ date: '2025-04-10', title: '职工篮球赛', personTimes: 2 });
    expect(first!.photos).toEqual([{ attachmentId: facts.activities.photos[0]!.attachmentId, caption: '篮球赛现场' }]);
  });

  it('sums welfare by kind, leaving out kinds with no visits', () => {
    expect(facts.welfare).toEqual({
      personTimes: 3,
      amountFen: 90_000,
      kinds: [
        { kind: '生日', personTimes: 2, amountFen: 40_000 },
        { kind: '住院', personTimes: 1, amountFen: 50_000 },
      ],
    });
  });

  it('carries the balance forward and adds reversals with their sign', () => {
    const f = facts.finance;
    // opening: 2024 row 1,200,000 + 2024 income 50,000
    expect(f.openingFen).toBe(1_250_000);
    expect(f.incomeFen).toBe(259_500);
    // 30,000 − 5,000 (reversal) + 40,000 + 50,000
    expect(f.expenseFen).toBe(115_000);
    expect(f.surplusFen).toBe(144_500);
    expect(f.closingFen).toBe(1_394_500);
    expect(f.closingCashFen).toBe(200_000 - 115_000);
    expect(f.closingBankFen).toBe(1_000_000 + 50_000 + 259_500);
    expect(f.income.map((g) => [g.code, g.amountFen, g.budgetFen])).toEqual([
      ['401', 59_500, 60_000],
      ['402', 200_000, 200_000],
    ]);
    expect(f.income[0]!.share).toBeCloseTo(59_500 / 259_500, 10);
    expect(f.expense).toHaveLength(1);
    expect(f.expense[0]).toMatchObject({ code: '501', amountFen: 115_000, budgetFen: 100_000, executionRate: 1.15 });
    expect(f.expense[0]!.items).toEqual([
      { code: '50102', name: '文体活动支出', amountFen: 25_000 },
      { code: '50105', name: '会员活动支出', amountFen: 90_000 },
    ]);
    expect(f.incomeBudgetFen).toBe(260_000);
    expect(f.expenseBudgetFen).toBe(100_000);
    expect(f.incomeExecutionRate).toBeCloseTo(259_500 / 260_000, 10);
  });

  it('takes the union profile and the year’s narrative', () => {
    expect(facts.union).toMatchObject({ name: '测试单位工会委员会', chair: '张主席', employeeCount: 10 });
    expect(facts.notes).toEqual({ highlights: '亮点一', problems: '问题一\n问题二', nextYearPlan: '计划一' });
    expect(facts.yearEnd).toBe('2025-12-31');
  });

  it('gives an empty year zeros and empty lists, not errors', () => {
    const empty = computeAnnualFacts(smallBook(), 2030);
    expect(empty.activities.categories).toEqual([]);
    expect(empty.welfare.kinds).toEqual([]);
    expect(empty.dues.dueFen).toBe(0);
    expect(empty.dues.collectionRate).toBe(0);
    expect(empty.finance.openingFen).toBe(1_250_000 + 144_500 + 99_999);
    expect(empty.notes.problems).toBe('');
  });
});
