import { describe, expect, it } from 'vitest';
import { auditReview } from '../../../shared/audit/review';
import { payeeOf, unusualEntries } from '../../../shared/audit/unusual';
import { BookBuilder } from '../../../shared/book/builder';
import { newUnionProfile } from '../../../shared/book/new-union';
import type { MoneyPlace, Transaction } from '../../../shared/model/records';

/** A year of hand-made spending, each entry written to raise (or not raise) one reason. */
function book() {
  let tick = 0;
  let n = 0;
  const b = new BookBuilder(
    'test-device',
    () => Date.UTC(2026, 0, 1) + tick++,
    () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  );
  b.insert('union', newUnionProfile({ name: '测试工会委员会', chair: '张主席', treasurer: '李会计' }));
  b.insert('openingBalances', {
    year: 2026,
    month: '2026-01',
    booksStart: false,
    duesBeforeFen: 0,
    cashFen: 1_000_000,
    bankFen: 5_000_000,
  });
  let v = 0;
  const tx = (date: string, place: MoneyPlace, accountCode: string, amountFen: number, summary: string, extra: Partial<Transaction> = {}) =>
    b.insert('transactions', {
      date,
      place,
      accountCode,
      amountFen,
      summary,
      voucherNumber: `记-${String(++v).padStart(3, '0')}`,
      attachmentIds: ['scan'],
      reversalOf: '',
      activityId: '',
      welfareId: '',
      duesBatchId: '',
      ...extra,
    });
  const rows = {
    income: tx('2026-01-05', 'bank', '401', 500_000, '会费收入', { attachmentIds: [] }),
    cashBig: tx('2026-02-01', 'cash', '50102', 120_000, '购买活动用品'),
    cashSmall: tx('2026-02-02', 'cash', '50102', 99_999, '购买奖品'),
    bankBig: tx('2026-02-03', 'bank', '50102', 500_000, '场地费'),
    bare: tx('2026-03-01', 'bank', '50504', 3_000, '办公用品', { attachmentIds: [] }),
    hardship1: tx('2026-04-01', 'bank', '50404', 200_000, '困难帮扶慰问：刘超'),
    hardship2: tx('2026-09-01', 'bank', '50404', 200_000, '困难帮扶：刘超'),
    hardshipOther: tx('2026-09-02', 'bank', '50404', 200_000, '困难帮扶慰问：肖倩萍'),
    wrong: tx('2026-05-01', 'cash', '50102', 150_000, '误记现金支出', { attachmentIds: [] }),
    dues: tx('2026-06-01', 'bank', '50504', 10_000, '会费批量记账', { attachmentIds: [], duesBatchId: 'batch' }),
    later: tx('2027-01-03', 'cash', '50102', 300_000, '下一年度', { attachmentIds: [] }),
  };
  tx('2026-05-02', 'cash', '50102', -150_000, '冲销：误记现金支出', { reversalOf: rows.wrong.id, attachmentIds: [] });
  return { tables: b.book, rows };
}

describe('需关注的凭证', () => {
  const { tables, rows } = book();
  const found = unusualEntries(tables.transactions, '2026-01-01', '2026-12-31');
  const byId = new Map(found.map((u) => [u.transactionId, u]));

  it('names a cash payment at or over 1,000 元, and not one below it or one through the bank', () => {
    expect(byId.get(rows.cashBig.id)?.reasons).toEqual(['cash-large']);
    expect(byId.get(rows.cashBig.id)?.notes[0]).toBe('现金支付 1,200.00 元，达到现金结算起点 1,000.00 元，应通过银行转账');
    expect(byId.has(rows.cashSmall.id)).toBe(false);
    expect(byId.has(rows.bankBig.id)).toBe(false);
  });

  it('names spending without a receipt, but not income, dues postings, reversals or the entry they reverse', () => {
    expect(byId.get(rows.bare.id)?.reasons).toEqual(['no-attachment']);
    for (const r of [rows.income, rows.dues, rows.wrong]) expect(byId.has(r.id), r.summary).toBe(false);
    expect(found.some((u) => u.summary.startsWith('冲销'))).toBe(false);
  });

  it('names round sums paid more than once to one payee, with their count and total', () => {
    expect(payeeOf('困难帮扶慰问：刘超')).toBe('刘超');
    expect(payeeOf('办公用品')).toBe('办公用品');
    expect(byId.get(rows.hardship1.id)?.reasons).toEqual(['round-repeat']);
    expect(byId.get(rows.hardship2.id)?.notes).toEqual(['整数金额，同一收款人“刘超”本期共 2 笔，合计 4,000.00 元']);
    expect(byId.has(rows.hardshipOther.id)).toBe(false);
  });

  it('reads only the period, in date order, and is part of the year’s 经费审查', () => {
    expect(byId.has(rows.later.id)).toBe(false);
    expect(found.map((u) => u.date)).toEqual([...found.map((u) => u.date)].sort());
    expect(found).toHaveLength(4);
    const review = auditReview(tables, 2026, '2026-12-31');
    expect(review.unusual).toEqual(found);
  });
});
