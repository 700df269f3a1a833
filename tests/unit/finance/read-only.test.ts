import { describe, expect, it } from 'vitest';
import type { Transaction } from '../../../shared/model/records';
import { readOnlyReason } from '../../../renderer/src/features/finance/read-only';
import { handBook } from './fixture';

const entries = handBook().transactions;
const sport = entries.find((t) => t.voucherNumber === '记-002' && t.date.startsWith('2025'))!;
const reversal = entries.find((t) => t.reversalOf === sport.id)!;
const plain = entries.find((t) => t.voucherNumber === '记-003' && t.date.startsWith('2025'))!;
const reversals = new Map<string, Transaction>([[sport.id, reversal]]);

describe('which entries 收支 offers no 修改 or 冲销 for, and why', () => {
  it('a reversed entry names the reversal; the reversal itself is settled too', () => {
    expect(readOnlyReason(sport, reversals)).toBe('记-002 已被 记-005 冲销，不能再修改或冲销；如需更正，请重新记一笔');
    expect(readOnlyReason(reversal, reversals)).toBe('记-005 是红字冲销记录，不能修改，也不能再冲销');
  });

  it('an entry made by 会费 or 慰问 is changed on its own page', () => {
    expect(readOnlyReason({ ...plain, duesBatchId: 'batch' }, reversals)).toContain('请在“会费”页的缴费记录中冲销');
    expect(readOnlyReason({ ...plain, welfareId: 'visit' }, reversals)).toContain('请在“慰问”页修改或撤销');
  });

  it('an ordinary entry of 收支 stays editable', () => {
    expect(readOnlyReason(plain, reversals)).toBeNull();
  });
});
