import { App, Button, Descriptions, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { totalOf } from '../../../../shared/finance/balances';
import { formatYuan, parseYuan } from '../../../../shared/money/fen';
import { useServices } from '../../app/services';
import { errorText } from './format';
import type { YearOpening } from './load';
import { clearOpeningBalance, setOpeningBalance } from '../../../../shared/engine/ops/periods';

/** 上年结余 of the year: carried forward from last year's closing unless typed in here. */
export function OpeningPanel({ year, opening }: { year: number; opening: YearOpening }) {
  const { store } = useServices();
  const { message } = App.useApp();
  const { own, balances: current } = opening;
  const [form] = Form.useForm<{ cash: string; bank: string }>();

  async function save(v: { cash: string; bank: string }) {
    const cash = parseYuan(v.cash ?? '');
    const bank = parseYuan(v.bank ?? '');
    if (cash === null || bank === null) return void message.error(cash === null ? '库存现金：请填写金额' : '银行存款：请填写金额');
    try {
      await setOpeningBalance(store, year, cash, bank);
      message.success(`${year}年上年结余已保存`);
    } catch (error) {
      message.error(errorText(error));
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={3} title={`${year}年上年结余（${own ? '手工录入' : '由上年期末结转'}）`}>
        <Descriptions.Item label="库存现金">{formatYuan(current.cashFen)}</Descriptions.Item>
        <Descriptions.Item label="银行存款">{formatYuan(current.bankFen)}</Descriptions.Item>
        <Descriptions.Item label="合计">{formatYuan(totalOf(current))}</Descriptions.Item>
      </Descriptions>
      <Form
        key={`${year}-${current.cashFen}-${current.bankFen}`}
        form={form}
        layout="inline"
        onFinish={save}
        initialValues={{ cash: formatYuan(current.cashFen, { grouping: false }), bank: formatYuan(current.bankFen, { grouping: false }) }}
      >
        <Form.Item name="cash" label="库存现金（元）">
          <Input style={{ width: 140 }} inputMode="decimal" />
        </Form.Item>
        <Form.Item name="bank" label="银行存款（元）">
          <Input style={{ width: 160 }} inputMode="decimal" />
        </Form.Item>
        <Button htmlType="submit">录入上年结余</Button>
        {own && (
          <Popconfirm
            title="删除手工录入的数字，改为由上年期末结转？"
            okText="删除"
            cancelText="取消"
            onConfirm={() => clearOpeningBalance(store, year).catch((e) => message.error(errorText(e)))}
          >
            <Button type="link" danger>
              改为自动结转
            </Button>
          </Popconfirm>
        )}
      </Form>
      <Typography.Text type="secondary">启用本软件的第一年请录入上年结余；以后各年自动取上年期末结余。</Typography.Text>
    </Space>
  );
}
