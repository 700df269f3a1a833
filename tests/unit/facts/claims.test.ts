import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/documents/generate';
import { blockText } from '../../../shared/documents/model';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import type { AnnualFacts } from '../../../shared/facts/types';
import type { BookTables } from '../../../shared/model/book';
import type { Transaction } from '../../../shared/model/records';
import { monthlyUnion } from './as-of-book';

const textOf = (template: string, facts: AnnualFacts) =>
  buildDocument(readFileSync(`templates/${template}.md`, 'utf8'), facts)
    .model.blocks.map(blockText)
    .join('\n');

let n = 0;
function entry(book: BookTables, date: string, accountCode: string, amountFen: number, summary: string, links: Partial<Transaction> = {}) {
  const t: Transaction = {
    id: `claim-${++n}`,
    updatedAt: `2026-12-31T00:00:00.000Z-${String(n).padStart(4, '0')}`,
    deviceId: 'test',
    deleted: 0,
    date,
    place: 'bank',
    accountCode,
    amountFen,
    summary,
    voucherNumber: '',
    attachmentIds: [],
    reversalOf: '',
    activityId: '',
    welfareId: '',
    duesBatchId: '',
    ...links,
  };
  book.transactions.push(t);
  return t;
}

/**
 * The books of the issue: 503 a little over its budget, 504 and 505 spent with no budget, a birthday
 * visit above the spending rule, and a 401 entry that no dues record explains.
 */
function troubledBook(): BookTables {
  const book = monthlyUnion({ postedThrough: '2026-11-30' });
  const member = book.members[0]!;
  book.budgets.push({ id: 'b-503', updatedAt: '1', deviceId: 't', deleted: 0, year: 2026, accountCode: '503', amountFen: 600_000 });
  book.budgets.push({ id: 'b-501', updatedAt: '1', deviceId: 't', deleted: 0, year: 2026, accountCode: '501', amountFen: 900_000 });
  entry(book, '2026-05-10', '50301', 620_000, '岗位技能比武奖品');
  entry(book, '2026-06-10', '50102', 300_000, '职工羽毛球赛费用');
  entry(book, '2026-07-10', '50404', 200_000, '困难职工帮扶：赵一', { place: 'cash' });
  entry(book, '2026-08-10', '50502', 80_000, '召开会员大会');
  entry(book, '2026-09-30', '401', 5_000, '补记会费');
  const visit = entry(book, '2026-03-05', '50105', 40_000, '生日慰问：赵一', { welfareId: 'w-over' });
  book.welfare.push({
    id: 'w-over',
    updatedAt: '1',
    deviceId: 't',
    deleted: 0,
    memberId: member.id,
    kind: '生日',
    subKind: '',
    date: '2026-03-05',
    form: 'goods',
    amountFen: 40_000,
    note: '',
    transactionId: visit.id,
  });
  return book;
}

describe('claims only the books support', () => {
  const facts = computeAnnualFacts(troubledBook(), 2026, { date: '2026-12-01' });

  it('finds the lines over budget and without budget, the visit over the rule and the unexplained 401 entry', () => {
    expect(facts.finance.overBudget).toEqual([
      {
        code: '503',
        name: '职工服务支出',
        budgetFen: 600_000,
        amountFen: 620_000,
        differenceFen: 20_000,
        executionRate: 620_000 / 600_000,
      },
    ]);
    expect(facts.finance.withoutBudget.map((l) => [l.code, l.amountFen])).toEqual([
      ['504', 200_000],
      ['505', 80_000],
    ]);
    expect(facts.welfare.overLimit).toEqual([{ kind: '生日慰问', date: '2026-03-05', amountFen: 40_000, rule: '生日慰问每次不超过300元' }]);
    expect(facts.dues.unreconciledFen).toBe(5_000);
  });

  it('the finance report names them instead of asserting that spending kept to the budget', () => {
    const report = textOf('finance-report', facts);
    expect(report).not.toMatch(/均在预算范围内|没有无预算|均未超出预算/);
    expect(report).toContain('超出预算的支出1项：503职工服务支出预算6000元，实际支出6200元，超出200元（执行率103.3%）');
    expect(report).toContain('未编制预算的支出2项：504维权支出2000元（困难职工帮扶）；505业务支出800元（召开会员大会）。');
    expect(report).toContain('会费收缴记录与“401会费收入”账面数相差50元，需核对。');
  });

  it('the summary states the visit over the rule and claims no reminder the books do not record', () => {
    const summary = textOf('annual-summary', facts);
    expect(summary).not.toMatch(/严格按照上级工会规定的标准|均未超出规定的标准|已逐一提醒|逐一提醒/);
    expect(summary).toContain(
      '今年以来有1人次慰问超出安徽省总工会《基层工会经费收支管理实施细则》规定的标准：3月5日生日慰问400元（生日慰问每次不超过300元）。',
    );
    expect(summary).toContain('503职工服务支出超出预算200元，维权支出和业务支出未编制预算');
    expect(summary).not.toContain('取得了良好效果');
  });

  it('a book that keeps to its budget and rules says so, because the facts show it', () => {
    const clean = monthlyUnion({ postedThrough: '2026-11-30' });
    clean.budgets.push({ id: 'b', updatedAt: '1', deviceId: 't', deleted: 0, year: 2026, accountCode: '501', amountFen: 900_000 });
    entry(clean, '2026-06-10', '50102', 300_000, '职工羽毛球赛费用');
    const cleanFacts = computeAnnualFacts(clean, 2026, { date: '2026-12-01' });
    expect(textOf('finance-report', cleanFacts)).toContain('各支出科目均未超出预算，也没有无预算的支出。');
  });
});
