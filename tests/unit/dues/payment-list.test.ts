import { describe, expect, it } from 'vitest';
import { findPaymentLines, GONE_MEMBER, packPaymentLines, paymentLines, unpackPaymentLines } from '../../../shared/dues/payment-list';
import type { DuesPayment } from '../../../shared/model/records';
import { duesBook } from './fixture';

function book() {
  const f = duesBook();
  const zhang = f.addMember('张三', '办公室');
  const li = f.addMember('李四', '车间');
  const an = f.addMember('安琪', '车间');
  const gone = f.addMember('赵六', '车间');
  // a member since deleted (the builder's record is the book's row)
  gone.deleted = 1;
  const pay = (memberId: string, month: string, paidDate: string, amountFen: number, more: Partial<DuesPayment> = {}) =>
    f.builder.insert('duesPayments', {
      memberId,
      month,
      amountFen,
      paidDate,
      method: '工资代扣',
      receiptNumber: '',
      reversalOf: '',
      batchId: `b-${paidDate}`,
      ...more,
    }) as DuesPayment;
  // one posting: three people, same date and month
  const posted = [zhang, li, an].map((m) => pay(m.id, '2025-03', '2025-03-20', 3000));
  const cash = pay(li.id, '2025-02', '2025-04-02', 2500, { method: '现金', receiptNumber: '2025-0007', batchId: 'r7' });
  const reversal = pay(li.id, '2025-02', '2025-04-05', -2500, { method: '现金', reversalOf: cash.id, batchId: 'rev' });
  pay(gone.id, '2025-01', '2025-01-20', 3000);
  // not this year's months, and a tombstone
  pay(zhang.id, '2024-12', '2025-01-05', 3000);
  const dropped = pay(an.id, '2025-05', '2025-05-20', 3000);
  dropped.deleted = 1;
  return { ...f, zhang, li, an, posted, cash, reversal };
}

describe('缴费记录 of a year', () => {
  it('lists the year’s live payments and reversals, newest paid first, a posting’s lines by name', () => {
    const f = book();
    const lines = paymentLines(f.book.members, f.book.duesPayments, 2025);
    expect(lines.map((l) => [l.paidDate, l.name])).toEqual([
      ['2025-04-05', '李四'],
      ['2025-04-02', '李四'],
      // 安 (ān) before 李 (lǐ) before 张 (zhāng): the names' pinyin order
      ['2025-03-20', '安琪'],
      ['2025-03-20', '李四'],
      ['2025-03-20', '张三'],
      ['2025-01-20', GONE_MEMBER],
    ]);
  });

  it('marks a payment its live reversal cancels, and the reversal itself', () => {
    const f = book();
    const lines = paymentLines(f.book.members, f.book.duesPayments, 2025);
    const cash = lines.find((l) => l.id === f.cash.id)!;
    expect(cash).toMatchObject({ reversed: true, receiptNumber: '2025-0007', method: '现金', amountFen: 2500, department: '车间' });
    expect(lines.find((l) => l.id === f.reversal.id)).toMatchObject({ reversalOf: f.cash.id, reversed: false, amountFen: -2500 });
    expect(lines.filter((l) => l.reversed)).toHaveLength(1);
  });

  it('finds lines by name or receipt number', () => {
    const f = book();
    const lines = paymentLines(f.book.members, f.book.duesPayments, 2025);
    expect(findPaymentLines(lines, '0007').map((l) => l.id)).toEqual([f.cash.id]);
    expect(findPaymentLines(lines, ' 张三 ')).toHaveLength(1);
    expect(findPaymentLines(lines, '')).toBe(lines);
  });

  it('crosses threads packed and comes back the same lines', () => {
    const f = book();
    const lines = paymentLines(f.book.members, f.book.duesPayments, 2025);
    const packed = packPaymentLines(lines);
    expect(packed.amountFen).toBeInstanceOf(Float64Array);
    // the posting's shared date, month and method are each sent once
    expect(packed.texts.filter((t) => t === '2025-03-20')).toHaveLength(1);
    expect(unpackPaymentLines(structuredClone(packed))).toEqual(lines);
    expect(unpackPaymentLines(structuredClone(packPaymentLines([])))).toEqual([]);
  });
});
