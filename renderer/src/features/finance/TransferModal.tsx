import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { TRANSFER_ACCOUNT } from '../../../../shared/accounts/chart';
import { transferTarget } from '../../../../shared/finance/effect';
import { negativeCashMessage } from '../../../../shared/engine/rules/cash';
import { formatYuan } from '../../../../shared/money/fen';
import type { MoneyPlace, Transaction } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { confirmLargeAmount } from '../../components/confirm';
import { afterToday } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { YuanInput, yuanRule, yuanToFen } from '../../components/YuanInput';
import { changeEntry, transferMoney } from '../../../../shared/engine/ops/entries';
import { useCashShortfall } from './useCashShortfall';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';

interface FormValues {
  date: Dayjs;
  /** Where the money comes from: bank is 提现, cash is 存现. */
  from: MoneyPlace;
  amount: string;
  summary?: string;
}

export interface TransferModalProps {
  open: boolean;
  /** A transfer entry being corrected, or null for a new one. */
  editing: Transaction | null;
  defaultDate: string;
  onClose: () => void;
}

const DIRECTIONS = [
  { value: 'bank', label: '提现（银行存款 → 库存现金）' },
  { value: 'cash', label: '存现（库存现金 → 银行存款）' },
];
const FIELD_NAMES = { amountFen: 'amount', place: 'from' } as const;
const into = (from: MoneyPlace): MoneyPlace => (from === 'bank' ? 'cash' : 'bank');
const DEFAULT_SUMMARY: Record<MoneyPlace, string> = { bank: '从银行提取备用金（提现）', cash: '现金存入银行（存现）' };

/** 提现/存现: moves money between the cash box and the bank; neither income nor spending changes. */
export function TransferModal({ open, editing, defaultDate, onClose }: TransferModalProps) {
  const { store } = useServices();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const saving = useSubmit({ form, fields: FIELD_NAMES, session: open && (editing?.id ?? 'new') });
  const requestClose = useGuardedClose({ open, form, save: () => saving.submit(save), close: onClose });
  const date = Form.useWatch('date', form);
  const from = Form.useWatch('from', form) ?? 'bank';
  const amount = Form.useWatch('amount', form);
  const shortfall = useCashShortfall(
    { date: date?.format('YYYY-MM-DD') ?? '', place: from, accountCode: TRANSFER_ACCOUNT[into(from)], amountFen: yuanToFen(amount) },
    editing ?? undefined,
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? {
            date: dayjs(editing.date),
            from: editing.place,
            amount: formatYuan(editing.amountFen, { grouping: false }),
            summary: editing.summary,
          }
        : { date: dayjs(defaultDate), from: 'bank' },
    );
  }, [open, editing, defaultDate, form]);

  async function save(v: FormValues) {
    const amountFen = yuanToFen(v.amount) ?? Number.NaN;
    const options = await confirmLargeAmount(modal, '金额', amountFen);
    if (!options) return false;
    const input = { date: v.date.format('YYYY-MM-DD'), from: v.from, amountFen, summary: v.summary?.trim() ?? '' };
    const label = v.from === 'bank' ? '提现' : '存现';
    if (editing) {
      const summary = input.summary || DEFAULT_SUMMARY[input.from];
      const patch = { date: input.date, place: input.from, accountCode: TRANSFER_ACCOUNT[into(input.from)], amountFen, summary };
      await changeEntry(store, editing.id, patch, 'finance', options);
      message.success(`已修改 ${editing.voucherNumber}`);
    } else {
      const tx = await transferMoney(store, input, options);
      message.success(`已记${label} ${formatYuan(amountFen)} 元（${tx.voucherNumber}）`);
    }
    onClose();
  }

  return (
    <Modal
      open={open}
      title={editing ? `修改 ${editing.voucherNumber}（${transferTarget(editing.accountCode) === 'cash' ? '提现' : '存现'}）` : '提现/存现'}
      okText="保存"
      confirmLoading={saving.busy}
      onOk={() => void saving.submit(save)}
      onCancel={requestClose}
      destroyOnHidden
      // Wide enough for both directions side by side; at 560 the second wrapped under the first.
      width={640}
    >
      <Typography.Paragraph type="secondary">
        库存现金与银行存款之间的划转，不是收入也不是支出：两本日记账各记一笔，收入支出表不变。
      </Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 4 }}>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} disabledDate={afterToday} />
        </Form.Item>
        <Form.Item name="from" label="方向" rules={[{ required: true, message: '请选择提现或存现' }]}>
          <Radio.Group options={DIRECTIONS} optionType="button" />
        </Form.Item>
        <Form.Item name="amount" label="金额（元）" required rules={[yuanRule('金额')]}>
          <YuanInput placeholder="例如 2000.00" style={{ width: 220 }} />
        </Form.Item>
        {shortfall && (
          <Form.Item wrapperCol={{ offset: 4 }}>
            <Alert type="warning" showIcon data-testid="cash-warning" title={negativeCashMessage(shortfall)} />
          </Form.Item>
        )}
        <Form.Item name="summary" label="摘要" rules={[{ max: 100, message: '摘要不超过 100 个字' }]}>
          <Input placeholder={DEFAULT_SUMMARY[from]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
