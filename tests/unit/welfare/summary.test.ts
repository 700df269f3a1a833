import { describe, expect, it } from 'vitest';
import type { MonthClose, Transaction, WelfareVisit } from '../../../shared/model/records';
import { expenseForVisit, planExpenseEdit } from '../../../shared/welfare/pairing';
import { summarizeWelfare } from '../../../shared/welfare/summary';

const visit = (over: Partial<WelfareVisit>): WelfareVisit => ({
  id: 'v',
  updatedAt: '',
  deviceId: '',
  deleted: 0,
  memberId: 'm1',
  kind: '生日',
  subKind: '',
  date: '2025-06-01',
  form: 'goods',
  amountFen: 20_000,
  note: '',
  transactionId: '',
  ...over,
});

describe('welfare totals', () => {
  it('counts visits, distinct people and money per kind, leaving out tombstones', () => {
    const s = summarizeWelfare([
      visit({ id: '1' }),
      visit({ id: '2', memberId: 'm2' }),
      visit({ id: '3', kind: '住院', subKind: '手术', form: 'cash', amountFen: 100_000 }),
      visit({ id: '4', kind: '住院', amountFen: 999_999, deleted: 1 }),
    ]);
    expect(s).toEqual({
      count: 3,
      people: 2,
      totalFen: 140_000,
      byKind: [
        { kind: '生日', count: 2, people: 2, totalFen: 40_000 },
        { kind: '住院', count: 1, people: 1, totalFen: 100_000 },
      ],
    });
  });
});

describe('expense plan of an edit', () => {
  const tx = (over: Partial<Transaction>): Transaction => ({
    id: 't',
    updatedAt: '',
    deviceId: '',
    deleted: 0,
    date: '2025-06-01',
    place: 'bank',
    accountCode: '50105',
    amountFen: 20_000,
    summary: '生日慰问：王芳',
    voucherNumber: '记-001',
    attachmentIds: [],
    reversalOf: '',
    activityId: '',
    welfareId: 'v',
    duesBatchId: '',
    ...over,
  });
  const closed: MonthClose[] = [
    { id: 'c', updatedAt: '', deviceId: '', deleted: 0, month: '2025-06', closed: true, reopenReason: '', closedAt: '' },
  ];

  it('changes nothing when the money is the same, even in a closed month', () => {
    expect(planExpenseEdit(visit({ note: '新备注' }), tx({}), '王芳', 'bank', closed)).toEqual({ action: 'none' });
  });

  it('patches only the fields that differ', () => {
    expect(planExpenseEdit(visit({ amountFen: 30_000 }), tx({}), '王芳', 'cash', [])).toEqual({
      action: 'update',
      transactionId: 't',
      patch: { amountFen: 30_000, place: 'cash' },
    });
  });

  it('refuses in a closed month with the Chinese message', () => {
    expect(planExpenseEdit(visit({ amountFen: 30_000 }), tx({}), '王芳', 'bank', closed)).toEqual({
      action: 'refuse',
      message: '2025年6月已结账，不能修改；如需更正，请做红字冲销，或先填写原因后反结账。',
    });
  });

  it('books hardship help and 送温暖 to their 504 sub-accounts', () => {
    expect(expenseForVisit(visit({ kind: '困难帮扶' }), '王芳', 'bank')?.accountCode).toBe('50404');
    expect(expenseForVisit(visit({ kind: '送温暖', subKind: '冬送温暖' }), '王芳', 'bank')).toMatchObject({
      accountCode: '50405',
      summary: '送温暖（冬送温暖）慰问：王芳',
    });
    expect(expenseForVisit(visit({ amountFen: 0 }), '王芳', 'bank')).toBeNull();
  });
});
