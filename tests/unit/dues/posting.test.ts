import { describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { checkDuesAgreement } from '../../../shared/dues/agreement';
import { applyDuesBatch } from '../../../shared/dues/apply';
import { DuesError } from '../../../shared/dues/data';
import { planSinglePayment, planReversal } from '../../../shared/dues/payments';
import { describePosting, planMonthPosting } from '../../../shared/dues/posting';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { duesBook } from './fixture';

function setup() {
  const f = duesBook();
  const a = f.addMember('张三', '办公室');
  const b = f.addMember('李四', '财务科');
  const retired = f.addMember('王五', '财务科', { status: 'retired' });
  const noBase = f.addMember('赵六', '车间');
  f.base(a.id, 2025, 4999);
  f.base(b.id, 2025, 5000);
  f.base(retired.id, 2025, 6000);
  const ctx = { deviceId: 'test', clock: new HybridLogicalClock('test', () => Date.UTC(2025, 5, 1)) };
  return { ...f, a, b, retired, noBase, ctx };
}

const post = (s: ReturnType<typeof setup>, month: string, batchId: string) =>
  planMonthPosting(s.book, { month, paidDate: `${month}-15`, rule: DEFAULT_DUES_RULE, batchId });

describe('登记本月会费', () => {
  it('posts each paying member once with one 401 entry for the batch', () => {
    const s = setup();
    const plan = post(s, '2025-03', 'batch-1');
    expect(plan.posted).toBe(2);
    expect(plan.exempt).toBe(1);
    expect(plan.missingBase).toEqual(['赵六']);
    expect(plan.payments.map((p) => p.amountFen).sort()).toEqual([2495, 2500]);
    expect(plan.transaction).toMatchObject({ accountCode: '401', amountFen: 4995, duesBatchId: 'batch-1', place: 'bank' });
    applyDuesBatch(s.book, plan, s.ctx);
    expect(s.book.transactions).toHaveLength(1);
    expect(s.book.transactions[0]?.voucherNumber).toBe('记-001');
    expect(describePosting(plan)).toContain('登记 2 人，跳过已缴 0 人');
  });

  it('is idempotent: a second run posts nothing and counts the skipped', () => {
    const s = setup();
    applyDuesBatch(s.book, post(s, '2025-03', 'batch-1'), s.ctx);
    const again = post(s, '2025-03', 'batch-2');
    expect(again.posted).toBe(0);
    expect(again.skipped).toBe(2);
    expect(again.transaction).toBeNull();
    applyDuesBatch(s.book, again, s.ctx);
    expect(s.book.duesPayments).toHaveLength(2);
    expect(s.book.transactions).toHaveLength(1);
  });

  it('skips a member who already paid the month in cash', () => {
    const s = setup();
    applyDuesBatch(
      s.book,
      planSinglePayment(s.book, {
        memberId: s.a.id,
        months: ['2025-03'],
        method: '现金',
        paidDate: '2025-03-02',
        receiptNumber: '2025-0001',
        rule: DEFAULT_DUES_RULE,
        batchId: 'cash-1',
      }),
      s.ctx,
    );
    const plan = post(s, '2025-03', 'batch-1');
    expect(plan.posted).toBe(1);
    expect(plan.skipped).toBe(1);
  });

  it('refuses a closed month and a bad month', () => {
    const s = setup();
    s.builder.insert('monthCloses', { month: '2025-03', closed: true, reopenReason: '', closedAt: '' });
    expect(() =>
      planMonthPosting(s.book, {
        month: '2025-03',
        paidDate: '2025-03-15',
        rule: DEFAULT_DUES_RULE,
        batchId: 'x',
        monthCloses: s.book.monthCloses,
      }),
    ).toThrow(/已结账/);
    expect(() => post(s, '2025-13', 'x')).toThrow(DuesError);
  });
});

describe('single payments', () => {
  it('pays several months against one receipt and one cash entry', () => {
    const s = setup();
    const batch = planSinglePayment(s.book, {
      memberId: s.b.id,
      months: ['2025-05', '2025-04', '2025-06'],
      method: '现金',
      paidDate: '2025-06-10',
      receiptNumber: '2025-0007',
      rule: DEFAULT_DUES_RULE,
      batchId: 'r7',
    });
    expect(batch.payments.map((p) => p.month)).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(batch.payments.every((p) => p.receiptNumber === '2025-0007' && p.method === '现金')).toBe(true);
    expect(batch.transaction).toMatchObject({
      place: 'cash',
      amountFen: 7500,
      summary: '收李四 2025年4月—6月会费（现金，收据 2025-0007）',
    });
  });

  it('refuses the whole payment when one month cannot be paid', () => {
    const s = setup();
    applyDuesBatch(s.book, post(s, '2025-04', 'b'), s.ctx);
    const input = { memberId: s.b.id, method: '现金' as const, paidDate: '2025-06-10', rule: DEFAULT_DUES_RULE, batchId: 'r' };
    expect(() => planSinglePayment(s.book, { ...input, months: ['2025-03', '2025-04'], receiptNumber: 'A1' })).toThrow(
      '李四 2025年4月的会费已经缴过',
    );
    expect(() => planSinglePayment(s.book, { ...input, memberId: s.retired.id, months: ['2025-03'], receiptNumber: 'A1' })).toThrow(
      '免缴会费（退休）',
    );
    expect(() => planSinglePayment(s.book, { ...input, months: ['2025-03'], receiptNumber: ' ' })).toThrow('请填写收据号');
  });

  it('refuses a receipt number used before', () => {
    const s = setup();
    const input = { method: '现金' as const, paidDate: '2025-06-10', rule: DEFAULT_DUES_RULE, receiptNumber: '2025-0001' };
    applyDuesBatch(s.book, planSinglePayment(s.book, { ...input, memberId: s.a.id, months: ['2025-01'], batchId: 'r1' }), s.ctx);
    expect(() => planSinglePayment(s.book, { ...input, memberId: s.b.id, months: ['2025-01'], batchId: 'r2' })).toThrow(
      '收据号 2025-0001 已经用过',
    );
  });
});

describe('reversal and the 401 agreement', () => {
  it('reverses one member-month with a negative payment and a negative 401 entry, keeping the original', () => {
    const s = setup();
    applyDuesBatch(s.book, post(s, '2025-03', 'b1'), s.ctx);
    const original = s.book.duesPayments.find((p) => p.memberId === s.a.id)!;
    const reversal = planReversal(s.book, { paymentId: original.id, date: '2025-04-02', reason: '重复扣款', batchId: 'rev1' });
    applyDuesBatch(s.book, reversal, s.ctx);
    const rev = s.book.duesPayments.find((p) => p.reversalOf === original.id)!;
    expect(rev.amountFen).toBe(-2495);
    expect(s.book.duesPayments).toContain(original);
    const negative = s.book.transactions.find((t) => t.duesBatchId === 'rev1')!;
    expect(negative).toMatchObject({ accountCode: '401', amountFen: -2495, date: '2025-04-02' });
    expect(negative.summary).toContain('重复扣款');
    expect(() => planReversal(s.book, { paymentId: original.id, date: '2025-04-03', reason: '再来', batchId: 'x' })).toThrow('已经冲销过');
    expect(() => planReversal(s.book, { paymentId: rev.id, date: '2025-04-03', reason: '再来', batchId: 'x' })).toThrow('冲销记录');
    // The month is unpaid again, so the next posting run picks it up.
    expect(post(s, '2025-03', 'b2').posted).toBe(1);
  });

  it('keeps the year 401 total equal to the dues collected through postings, payments and reversals', () => {
    const s = setup();
    for (const month of ['2025-01', '2025-02', '2025-03']) applyDuesBatch(s.book, post(s, month, `b-${month}`), s.ctx);
    s.base(s.noBase.id, 2025, 3219.5);
    applyDuesBatch(
      s.book,
      planSinglePayment(s.book, {
        memberId: s.noBase.id,
        months: ['2025-01'],
        method: '转账',
        paidDate: '2025-03-20',
        receiptNumber: 'R1',
        rule: DEFAULT_DUES_RULE,
        batchId: 'r1',
      }),
      s.ctx,
    );
    const first = s.book.duesPayments[0]!;
    applyDuesBatch(s.book, planReversal(s.book, { paymentId: first.id, date: '2025-03-30', reason: '错扣', batchId: 'rev' }), s.ctx);
    const agreement = checkDuesAgreement(s.book.duesPayments, s.book.transactions, 2025);
    expect(agreement.ok).toBe(true);
    expect(agreement.duesFen).toBe(3 * 4995 + 1605 - first.amountFen);
    expect(agreement.ledger401Fen).toBe(agreement.duesFen);
    // A 401 entry typed by hand, or a batch whose entry was removed, is reported.
    s.book.transactions[0]!.deleted = 1;
    const broken = checkDuesAgreement(s.book.duesPayments, s.book.transactions, 2025);
    expect(broken.ok).toBe(false);
    expect(broken.differenceFen).toBe(-4995);
    expect(broken.problems[0]).toContain('没有记入 401 会费收入');
  });
});
