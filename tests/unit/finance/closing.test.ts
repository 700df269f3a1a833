import { describe, expect, it } from 'vitest';
import { closeHistory, closeProblem, isMonthClosed, latestClose, reopenProblem } from '../../../shared/finance/closing';
import { entryProblems, reversalProblem } from '../../../shared/finance/entry';
import type { MonthClose, Transaction } from '../../../shared/model/records';

let stamp = 0;
const close = (month: string, closed: boolean, reopenReason = ''): MonthClose => ({
  id: `c${++stamp}`,
  updatedAt: `${String(1_700_000_000_000 + stamp).padStart(15, '0')}-000000-dev`,
  deviceId: 'dev',
  deleted: 0,
  month,
  closed,
  reopenReason,
  closedAt: '2025-04-01T00:00:00.000Z',
});

describe('month close rules', () => {
  it('the latest record decides: closed, then reopened with a reason, is open', () => {
    const closes = [close('2025-01', true), close('2025-01', false, '科目记错')];
    expect(isMonthClosed(closes, '2025-01-15')).toBe(false);
    expect(latestClose(closes, '2025-01')?.reopenReason).toBe('科目记错');
    const again = [...closes, close('2025-01', true)];
    expect(isMonthClosed(again, '2025-01')).toBe(true);
    expect(closeHistory(again, '2025-01').map((c) => c.closed)).toEqual([true, false, true]);
  });
  it('a tombstoned close does not count', () => {
    const c = close('2025-02', true);
    expect(isMonthClosed([{ ...c, deleted: 1 }], '2025-02')).toBe(false);
  });
  it('closes months in order and never a month not yet ended', () => {
    expect(closeProblem([], '2025-02', '2025-06-01')).toBe('请先结账2025年1月');
    expect(closeProblem([], '2025-01', '2025-06-01')).toBeNull();
    expect(closeProblem([], '2025-06', '2025-06-20')).toBe('2025年6月还没有结束，不能结账');
    expect(closeProblem([close('2025-01', true)], '2025-01', '2025-06-01')).toBe('2025年1月已经结账');
    expect(closeProblem([], '2025-13', '2026-06-01')).toBe('月份格式不对：2025-13');
  });
  it('reopening needs a reason and the later closed months reopened first', () => {
    const closes = [close('2025-01', true), close('2025-02', true)];
    expect(reopenProblem(closes, '2025-02', ' ')).toBe('请填写反结账原因（至少两个字）');
    expect(reopenProblem(closes, '2025-01', '更正错账')).toBe('请先反结账2025年2月');
    expect(reopenProblem(closes, '2025-02', '更正错账')).toBeNull();
    expect(reopenProblem(closes, '2025-03', '更正错账')).toBe('2025年3月没有结账');
  });
});

describe('entry checks', () => {
  it('names each bad field in Chinese', () => {
    const problems = entryProblems({ date: '2025-02-30x', place: '', accountCode: '501', amountFen: 0, summary: ' ' });
    expect(problems.map((p) => p.message)).toEqual([
      '日期：请填写有效日期',
      '资金：请选择库存现金或银行存款',
      '科目：501 有明细科目，请选到明细科目',
      '金额：必须大于 0；更正已记的金额请用红字冲销',
      '摘要：请填写摘要',
    ]);
    expect(entryProblems({ date: '2025-02-03', place: 'cash', accountCode: '50105', amountFen: 1, summary: '生日蛋糕' })).toEqual([]);
  });
  it('a reversal cannot be reversed, and an entry is reversed once', () => {
    const base = {
      updatedAt: '',
      deviceId: '',
      deleted: 0 as const,
      date: '2025-01-01',
      place: 'cash' as const,
      accountCode: '50105',
      summary: '',
      attachmentIds: [],
      activityId: '',
      welfareId: '',
      duesBatchId: '',
    };
    const original: Transaction = { ...base, id: 'a', amountFen: 100, voucherNumber: '记-001', reversalOf: '' };
    const reversal: Transaction = { ...base, id: 'b', amountFen: -100, voucherNumber: '记-002', reversalOf: 'a' };
    expect(reversalProblem(original, [])).toBeNull();
    expect(reversalProblem(original, [reversal])).toBe('记-001 已经冲销过（记-002）');
    expect(reversalProblem(reversal, [])).toBe('记-002 本身是冲销记录，不能再冲销');
  });
});
