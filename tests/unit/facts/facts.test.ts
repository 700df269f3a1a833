import { describe, expect, it } from 'vitest';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import { smallBook } from './small-book';

describe('annual facts of a hand-made book (2025)', () => {
  const facts = computeAnnualFacts(smallBook(), 2025);

  it('counts members at the year end and the year’s movements, which add up', () => {
    // 甲 乙 丙 戊 are members on 2025-12-31 (丁 left, 己 deleted); 丙 is retired
    expect(facts.members).toEqual({
      atYearStart: 3, // 甲 丙 丁
      total: 4,
      inService: 3,
      women: 2,
      womenInService: 1,
      farmerWorkers: 1,
      joined: 2, // 乙 by event, 戊 by 入会日期
      newMembers: 2,
      transferredIn: 0,
      left: 1, // 丁
      transferredOut: 1,
      quit: 0,
      died: 0,
      retired: 1, // 丙
      joinRate: 3 / 10,
    });
    expect(facts.members.atYearStart + facts.members.joined - facts.members.left).toBe(facts.members.total);
  });

  it('computes dues owed, collected and in arrears, December not owed until it is over', () => {
    // owed Jan–Nov: 甲 11×2500 + 乙 9×1500 + 丙 6×2000 + 丁 4×1000 = 57,000; 乙's June is reversed
    // received in 2025: 30,000 + 10×1500 − 1500 + 12,000 + 4,000 = 59,500, of which December's 4,000 is not due yet;
    // 甲's 2024-12 payment was made in 2024
    expect(facts.dues).toEqual({
      payingMembers: 4,
      dueFen: 57_000,
      paidDueFen: 55_500,
      collectionRate: 55_500 / 57_000,
      owedFrom: '2025-01',
      owedThrough: '2025-11',
      arrearsFen: 1_500,
      arrearsMembers: 1,
      warnedMembers: 0,
      collectedFen: 59_500,
      receivedFen: 59_500,
      beforeBooksFen: 0,
      earlierYearsFen: 0,
      laterYearsFen: 0,
      notYetDueFen: 4_000,
      notYetDueFrom: '2025-12',
      notYetDueThrough: '2025-12',
      ledgerFen: 59_500,
      unreconciledFen: 0,
    });
  });

  it('owes dues only for months over by the document date', () => {
    const july = computeAnnualFacts(smallBook(), 2025, { date: '2025-07-01' });
    // Jan–Jun: 甲 6×2500 + 乙 4×1500 (Mar–Jun) + 丙 6×2000 + 丁 4×1000 = 37,000; 乙's June is reversed
    expect(july.dues.dueFen).toBe(37_000);
    expect(july.dues.arrearsFen).toBe(1_500);
    expect(july.today).toBe('2025-07-01');
    expect(july.period).toEqual({ asOf: '2025-07-01', wholeYear: false, span: '今年以来', booksStart: '' });
    // on the last day of June, June is not over yet
    expect(computeAnnualFacts(smallBook(), 2025, { date: '2025-06-30' }).dues.owedThrough).toBe('2025-05');
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

  it('sums welfare by kind, the hospital visit as 走访慰问 and the birthdays as 会员福利', () => {
    const birthday = { kind: '生日', label: '生日慰问', personTimes: 2, people: 2, amountFen: 40_000, subKinds: [] };
    const hospital = { kind: '住院', label: '住院慰问', personTimes: 1, people: 1, amountFen: 50_000, subKinds: [] };
    expect(facts.welfare).toEqual({
      personTimes: 3,
      amountFen: 90_000,
      kinds: [birthday, hospital],
      visits: { personTimes: 1, people: 1, amountFen: 50_000, kinds: [hospital] },
      benefits: { personTimes: 2, people: 2, amountFen: 40_000, kinds: [birthday] },
      overLimit: [],
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
      { code: '50102', name: '文体活动支出', amountFen: 25_000, usage: '', visits: 0, activities: 0 },
      { code: '50105', name: '会员活动支出', amountFen: 90_000, usage: '', visits: 0, activities: 0 },
    ]);
    expect(f.openingFen + f.incomeFen - f.expenseFen).toBe(f.closingFen);
    expect(f.overBudget).toEqual([
      { code: '501', name: '职工活动支出', budgetFen: 100_000, amountFen: 115_000, differenceFen: 15_000, executionRate: 1.15 },
    ]);
    expect(f.withoutBudget).toEqual([]);
    // nothing was ever closed
    expect(f.openMonths).toHaveLength(12);
    expect(f.incomeBudgetFen).toBe(260_000);
    expect(f.expenseBudgetFen).toBe(100_000);
    expect(f.incomeExecutionRate).toBeCloseTo(259_500 / 260_000, 10);
  });

  it('takes the union profile and the year’s narrative', () => {
    expect(facts.union).toMatchObject({ name: '测试单位工会委员会', chair: '张主席', employeeCount: 10 });
    expect(facts.notes).toMatchObject({ work: '亮点一', problems: '问题一\n问题二', plan: '计划一', funds: '经费一', members: '' });
    // Templates written for the three boxes of earlier versions read the same words.
    expect(facts.notes).toMatchObject({ highlights: '亮点一', nextYearPlan: '计划一' });
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
