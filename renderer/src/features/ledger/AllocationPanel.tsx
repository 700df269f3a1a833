import { App, Button, Card, DatePicker, Form, InputNumber, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { payUpward, receiveAllocation } from '../../../../shared/engine/ops/allocation';
import { allocationShareOf, splitAllocation } from '../../../../shared/finance/allocation';
import { formatYuan, parseYuan } from '../../../../shared/money/fen';
import type { MoneyPlace } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { todayIso } from '../finance/format';
import { useUnion } from '../union/queries';

interface Values {
  date: Dayjs;
  place: MoneyPlace;
  amount: number;
  share: number;
}

/** 收到拨缴经费 (split in one step into 402 and 应付上级经费) and 上缴上级经费, side by side. */
export function AllocationPanel() {
  const { store } = useServices();
  const { message } = App.useApp();
  const union = useUnion();
  const [receipt] = Form.useForm<Values>();
  const [upward] = Form.useForm<Omit<Values, 'share'>>();
  const receiving = useSubmit({ form: receipt, fields: { amountFen: 'amount', date: 'date' } });
  const paying = useSubmit({ form: upward, fields: { amountFen: 'amount', date: 'date' } });
  const defaultShare = allocationShareOf(union ?? undefined) / 100;
  const amount = Form.useWatch('amount', receipt);
  const share = Form.useWatch('share', receipt) ?? defaultShare;
  const fen = amount === undefined || amount === null ? null : parseYuan(amount);
  const split = fen ? splitAllocation(fen, Math.round(share * 100)) : null;
  const initial = { date: dayjs(todayIso()), place: 'bank' as const };
  return (
    <Space align="start" wrap size="large">
      <Card title="收到拨缴经费" size="small" style={{ width: 420 }}>
        <Typography.Paragraph type="secondary">
          单位（或税务部门）拨来全额工会经费时，按留成比例一步分为 402 拨缴经费收入和应付上级经费。只收到留成部分时，请在“收支”中记一笔
          402。 留成比例以本省实施细则为准。
        </Typography.Paragraph>
        <Form form={receipt} layout="vertical" initialValues={{ ...initial, share: defaultShare }}>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="place" label="资金">
            <Radio.Group
              options={[
                { value: 'bank', label: '银行存款' },
                { value: 'cash', label: '库存现金' },
              ]}
            />
          </Form.Item>
          <Form.Item name="amount" label="收到金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
            <InputNumber style={{ width: '100%' }} min={0} precision={2} />
          </Form.Item>
          <Form.Item name="share" label="留成比例（%）">
            <InputNumber style={{ width: '100%' }} min={0} max={100} precision={2} />
          </Form.Item>
          <Typography.Paragraph data-testid="allocation-split">
            {split
              ? `402 拨缴经费收入 ${formatYuan(split.shareFen)} 元，应付上级经费 ${formatYuan(split.payableFen)} 元`
              : '填写金额后显示分成'}
          </Typography.Paragraph>
          <Button
            type="primary"
            loading={receiving.busy}
            onClick={() =>
              receiving.submit<Values>(async (v) => {
                const tx = await receiveAllocation(store, {
                  date: v.date.format('YYYY-MM-DD'),
                  place: v.place,
                  amountFen: parseYuan(v.amount) ?? Number.NaN,
                  shareBasisPoints: Math.round((v.share ?? defaultShare) * 100),
                });
                message.success(`已记账 ${tx.voucherNumber}`);
                receipt.resetFields(['amount']);
              })
            }
          >
            登记收到的拨缴经费
          </Button>
        </Form>
      </Card>
      <Card title="上缴上级经费" size="small" style={{ width: 360 }}>
        <Typography.Paragraph type="secondary">冲减应付上级经费，不计入支出；不能超过当日应上缴的金额。</Typography.Paragraph>
        <Form form={upward} layout="vertical" initialValues={initial}>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="place" label="资金">
            <Radio.Group
              options={[
                { value: 'bank', label: '银行存款' },
                { value: 'cash', label: '库存现金' },
              ]}
            />
          </Form.Item>
          <Form.Item name="amount" label="上缴金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
            <InputNumber style={{ width: '100%' }} min={0} precision={2} />
          </Form.Item>
          <Button
            loading={paying.busy}
            onClick={() =>
              paying.submit<Omit<Values, 'share'>>(async (v) => {
                const tx = await payUpward(store, {
                  date: v.date.format('YYYY-MM-DD'),
                  place: v.place,
                  amountFen: parseYuan(v.amount) ?? Number.NaN,
                });
                message.success(`已记账 ${tx.voucherNumber}`);
                upward.resetFields(['amount']);
              })
            }
          >
            登记上缴
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
