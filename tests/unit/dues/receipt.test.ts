import { describe, expect, it } from 'vitest';
import { buildReceipt, nextReceiptNumber } from '../../../shared/dues/receipt';
import { monthsLabel } from '../../../shared/dues/months';
import type { DuesPayment } from '../../../shared/model/records';

const payment = (month: string, amountFen: number): DuesPayment => ({
  id: month,
  updatedAt: '',
  deviceId: '',
  deleted: 0,
  memberId: 'm',
  month,
  amountFen,
  paidDate: '2025-06-10',
  method: '现金',
  receiptNumber: '2025-0012',
  reversalOf: '',
  batchId: 'b',
});

describe('会费收据', () => {
  it('carries the amount in figures and in capitals', () => {
    const receipt = buildReceipt({ name: '测试工会', treasurer: '王晓燕' }, { name: '李四', department: '财务科' }, [
      payment('2025-04', 1250),
      payment('2025-05', 1250),
    ]);
    expect(receipt).toMatchObject({
      receiptNumber: '2025-0012',
      amountFen: 2500,
      amountFigures: '¥25.00',
      amountCapitals: '人民币贰拾伍元整',
      monthsText: '2025年4月—5月',
      paidDateText: '2025年6月10日',
      payee: '王晓燕',
    });
    expect(buildReceipt({ name: '', treasurer: '' }, { name: '', department: '' }, [payment('2025-04', 1250)]).amountCapitals).toBe(
      '人民币壹拾贰元伍角整',
    );
  });

  it('numbers receipts per year after the highest used', () => {
    expect(nextReceiptNumber([], 2025)).toBe('2025-0001');
    expect(nextReceiptNumber(['2025-0003', '2025-0011', '2024-0099', '手写7'], 2025)).toBe('2025-0012');
  });

  it('writes month lists as people do', () => {
    expect(monthsLabel(['2025-03', '2025-01', '2025-02', '2025-07', '2026-01'])).toBe('2025年1月—3月、7月、2026年1月');
  });
});
