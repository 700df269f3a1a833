import { Form, Select } from 'antd';
import { CUSTODY_ACCOUNT, RECEIVABLE_ACCOUNT } from '../../../../shared/accounts/chart';
import type { AdvanceState } from '../../../../shared/finance/held';
import { formatYuan } from '../../../../shared/money/fen';
import type { MoneyFlow } from '../../../../shared/model/records';

/**
 * What 记一笔 books: income or spending (the usual), or one of the balance-sheet movements that are
 * neither — 代管经费 received or paid out, an advance paid, settled with receipts, or its rest returned.
 */
export type EntryKind = 'entry' | 'custody-in' | 'custody-out' | 'advance' | 'settle' | 'return';

const KIND_OPTIONS: { value: EntryKind; label: string }[] = [
  { value: 'entry', label: '收入或支出' },
  { value: 'custody-in', label: '代管经费：收到（如职工互助金）' },
  { value: 'custody-out', label: '代管经费：付出' },
  { value: 'advance', label: '借出/预付（记其他应收款）' },
  { value: 'settle', label: '借款报销（凭票据记支出）' },
  { value: 'return', label: '退回借款余额' },
];

/** The account and flow a kind fixes; 'entry' and 'settle' take the account the user picks. */
export function kindAccount(kind: EntryKind): { accountCode: string; flow: MoneyFlow } | null {
  if (kind === 'custody-in') return { accountCode: CUSTODY_ACCOUNT, flow: 'in' };
  if (kind === 'custody-out') return { accountCode: CUSTODY_ACCOUNT, flow: 'out' };
  if (kind === 'advance') return { accountCode: RECEIVABLE_ACCOUNT, flow: 'out' };
  if (kind === 'return') return { accountCode: RECEIVABLE_ACCOUNT, flow: 'in' };
  return null;
}

export const namesAdvance = (kind: EntryKind) => kind === 'settle' || kind === 'return';

export function EntryKindField() {
  return (
    <Form.Item name="kind" label="类型" tooltip="代管经费和借款不计收入、支出：代管经费记为负债，借款记为其他应收款，凭票据报销时才记支出">
      <Select options={KIND_OPTIONS} />
    </Form.Item>
  );
}

/** The open advance a settlement or a return names. */
export function AdvanceField({ advances }: { advances: readonly AdvanceState[] | undefined }) {
  return (
    <Form.Item name="advanceId" label="借款" rules={[{ required: true, message: '请选择结算哪一笔借款' }]}>
      <Select
        placeholder={advances && advances.length === 0 ? '没有未结的借款' : '选择未结的借款'}
        showSearch={{ optionFilterProp: 'label' }}
        options={(advances ?? []).map((a) => ({
          value: a.advance.id,
          label: `${a.advance.voucherNumber} ${a.advance.date} ${a.advance.summary}（未结 ${formatYuan(a.openFen)} 元）`,
        }))}
      />
    </Form.Item>
  );
}
