import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arrearsOn } from '../../../shared/dues/arrears';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { buildYearGrid, formatRate } from '../../../shared/dues/grid';
import { dueThrough } from '../../../shared/dues/overdue';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { booksStartMonth } from '../../../shared/finance/books-start';
import { buildDocument } from '../../../shared/documents/generate';
import { blockText } from '../../../shared/documents/model';
import { computeAnnualFacts, documentDate } from '../../../shared/facts/annual';
import { balancesAt } from '../../../shared/finance/balances';
import { monthlyUnion } from './as-of-book';

const summary = readFileSync('templates/annual-summary.md', 'utf8');
const textOf = (facts: ReturnType<typeof computeAnnualFacts>) => buildDocument(summary, facts).model.blocks.map(blockText).join('\n');

describe('a union that posts each month’s dues in that month, written on any day of December', () => {
  // Posted through the document date: on 12-01 and 12-10 December is not posted yet; from 12-15 it is.
  it.each(['2026-12-01', '2026-12-10', '2026-12-14', '2026-12-15', '2026-12-20', '2026-12-31'])('states no arrears on %s', (date) => {
    const book = monthlyUnion({ postedThrough: date });
    const facts = computeAnnualFacts(book, 2026, { date });
    expect(facts.dues).toMatchObject({ arrearsFen: 0, arrearsMembers: 0, collectionRate: 1, owedFrom: '2026-01', owedThrough: '2026-11' });
    // Jan–Nov are owed and paid; December, posted or not, is not owed yet
    expect(facts.dues.dueFen).toBe(4 * 11 * 3000);
    expect(facts.dues.notYetDueFen).toBe(date >= '2026-12-15' ? 4 * 3000 : 0);
    const text = textOf(facts);
    expect(text).toContain('收缴率100.0%，没有欠缴');
    expect(text).not.toMatch(/欠缴\d|人欠缴/);
    // the 会费 page counts the same way
    expect(arrearsOn(book, { asOf: date, fromMonth: '2026-01', rule: DEFAULT_DUES_RULE })).toEqual([]);
  });

  it('counts December once it is over (a summary dated in January for the past year)', () => {
    const late = computeAnnualFacts(monthlyUnion({ postedThrough: '2026-11-30' }), 2026, { date: '2027-01-05' });
    expect(late.period).toMatchObject({ asOf: '2026-12-31', wholeYear: true });
    expect(late.dues).toMatchObject({ owedThrough: '2026-12', arrearsMembers: 4, arrearsFen: 4 * 3000 });
  });
});

describe('a union whose books start in November', () => {
  const book = monthlyUnion({ booksStart: '2026-11', duesBeforeFen: 120_000, postedThrough: '2026-12-01' });
  const facts = computeAnnualFacts(book, 2026, { date: '2026-12-01' });

  it('owes nothing for the months before its books, and counts what it collected before them', () => {
    expect(facts.dues).toMatchObject({
      owedFrom: '2026-11',
      owedThrough: '2026-11',
      dueFen: 4 * 3000,
      arrearsFen: 0,
      arrearsMembers: 0,
      collectionRate: 1,
      beforeBooksFen: 120_000,
      // November's deduction is posted; December's has not happened yet
      collectedFen: 120_000 + 4 * 3000,
    });
    expect(facts.period.booksStart).toBe('2026-11-01');
    expect(facts.finance.openingDate).toBe('2026-11-01');
    expect(arrearsOn(book, { asOf: '2026-12-01', fromMonth: '2026-11', rule: DEFAULT_DUES_RULE })).toEqual([]);
  });

  it('says so in the summary and the finance report', () => {
    const text = textOf(facts);
    expect(text).toContain('实收会费1320元（含本账簿开账前已收1200元）');
    expect(text).toContain('11月应缴会费120元，已缴120元，收缴率100.0%，没有欠缴');
    expect(text).toContain('本账簿自2026年11月1日开账');
    const report = buildDocument(readFileSync('templates/finance-report.md', 'utf8'), facts).model.blocks.map(blockText).join('\n');
    expect(report).toContain('本账簿自2026年11月1日开账，开账时库存现金1000元、银行存款2万元，此前的收支未记入本账');
  });
});

describe('the 会费 page and the documents count dues alike', () => {
  it.each([
    ['a union that posts monthly', monthlyUnion({ postedThrough: '2026-12-15' }), '2026-12-20'],
    ['a union whose books start in November', monthlyUnion({ booksStart: '2026-11', postedThrough: '2026-12-01' }), '2026-12-01'],
    ['the demo', generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-12', today: '2026-12-01' }), '2026-12-01'],
  ])('%s', (_, book, date) => {
    const facts = computeAnnualFacts(book, 2026, { date });
    const grid = buildYearGrid(book, 2026, DEFAULT_DUES_RULE, dueThrough(2026, date), booksStartMonth(book.openingBalances));
    expect(grid.expectedFen).toBe(facts.dues.dueFen);
    expect(grid.collectedDueFen).toBe(facts.dues.paidDueFen);
    expect(formatRate(grid.collectionRate)).toBe(`${(facts.dues.collectionRate * 100).toFixed(1)}%`);
  });
});

describe('a union that has not begun collecting dues', () => {
  it('owes nothing: no start of books and no dues record yet', () => {
    const book = monthlyUnion({ postedThrough: '2026-01-01' });
    book.openingBalances = [];
    const facts = computeAnnualFacts(book, 2026, { date: '2026-12-01' });
    expect(facts.dues).toMatchObject({ dueFen: 0, arrearsFen: 0, arrearsMembers: 0, owedFrom: '', owedThrough: '' });
    expect(textOf(facts)).not.toContain('欠缴');
  });
});

describe('everything is counted to the document date', () => {
  const book = monthlyUnion({ postedThrough: '2026-12-31' });

  it('leaves an activity after the date out of what was done and writes it as a plan', () => {
    const early = computeAnnualFacts(book, 2026, { date: '2026-12-01' });
    expect(early.activities.count).toBe(1);
    expect(early.activities.planned.map((p) => [p.date, p.title])).toEqual([['2026-12-18', '迎新年联欢会']]);
    expect(textOf(early)).toContain('另有1项活动计划于12月开展：“迎新年联欢会”');
    // a plan that was never held is not counted as done, even once its day has passed
    const late = computeAnnualFacts(book, 2026, { date: '2026-12-31' });
    expect(late.activities.count).toBe(1);
    expect(late.activities.planned).toEqual([]);
  });

  it('counts welfare, money and members to the same day, and names that day', () => {
    const early = computeAnnualFacts(book, 2026, { date: '2026-12-01' });
    expect(early.welfare.personTimes).toBe(0);
    expect(computeAnnualFacts(book, 2026, { date: '2026-12-10' }).welfare.personTimes).toBe(1);
    const atDate = balancesAt(book, '2026-12-01');
    expect(early.finance.closingFen).toBe(atDate.cashFen + atDate.bankFen);
    expect(early.finance.incomeFen).toBe(4 * 11 * 3000);
    const text = textOf(early);
    expect(text).toContain('截至2026年12月1日，单位有职工5人，工会会员4人');
    expect(text).toContain('现将2026年1月1日至12月1日的工作总结如下');
    expect(text).toContain('截至12月1日结余');
    expect(text).not.toContain('年末结余');
    expect(text).toMatch(/按月代扣工会委员会\n2026年12月1日$/);
  });

  it('dates a document today in the current year and on 31 December for a past one', () => {
    const now = new Date('2026-12-01T03:00:00Z');
    expect(documentDate(2026, now)).toBe('2026-12-01');
    expect(documentDate(2025, now)).toBe('2025-12-31');
    // 23:30 UTC on 30 November is already 1 December in China
    expect(documentDate(2026, new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
  });

  it('refuses a date before the year', () => {
    expect(() => computeAnnualFacts(book, 2026, { date: '2025-12-31' })).toThrow('成文日期 2025-12-31 早于 2026 年');
    expect(() => computeAnnualFacts(book, 2026, { date: '2026-02-30' })).toThrow('成文日期不存在');
  });
});
