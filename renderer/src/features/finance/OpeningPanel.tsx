import { Alert, App, Button, Card, Descriptions, Form, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { totalOf } from '../../../../shared/finance/balances';
import { monthText } from '../../../../shared/engine/rules/dates';
import { formatYuan } from '../../../../shared/money/fen';
import type { OpeningBalance } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { YuanInput, yuanRule, yuanToFen } from '../../components/YuanInput';
import { BooksStartModal } from './BooksStartModal';
import type { YearOpening } from './load';
import { clearOpeningBalance, setOpeningBalance } from '../../../../shared/engine/ops/periods';

const FIELD_NAMES = { cashFen: 'cash', bankFen: 'bank' } as const;

/** 开账 (the start of books), shown and corrected here. */
function BooksStartCard({ start }: { start: OpeningBalance | null }) {
  const [open, setOpen] = useState(false);
  return (
    <Card
      size="small"
      title="开账"
      data-testid="books-start"
      extra={<Button onClick={() => setOpen(true)}>{start ? '修改开账' : '开账'}</Button>}
    >
      {start ? (
        <Descriptions size="small" column={4}>
          <Descriptions.Item label="开账月份">{monthText(start.month)}</Descriptions.Item>
          <Descriptions.Item label="库存现金">{formatYuan(start.cashFen)} 元</Descriptions.Item>
          <Descriptions.Item label="银行存款">{formatYuan(start.bankFen)} 元</Descriptions.Item>
          <Descriptions.Item label="开账前已收会费">{formatYuan(start.duesBeforeFen)} 元</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          尚未开账：年中开始使用本软件的，请填写开账月份和当时的库存现金、银行存款，之前的月份不计欠缴。
        </Typography.Paragraph>
      )}
      <BooksStartModal open={open} current={start ?? undefined} onClose={() => setOpen(false)} />
    </Card>
  );
}

/** 上年结余 of the year: carried forward from last year's closing unless typed in here; the start year's is the 开账 figure. */
export function OpeningPanel({ year, opening, start }: { year: number; opening: YearOpening; start: OpeningBalance | null }) {
  const { store } = useServices();
  const { message } = App.useApp();
  const { own, balances: current } = opening;
  const [form] = Form.useForm<{ cash: string; bank: string }>();
  const saving = useSubmit({ form, fields: FIELD_NAMES });
  const clearing = useSubmit();
  const startYear = start ? Number(start.month.slice(0, 4)) : null;
  const fixedByStart = startYear !== null && year <= startYear;

  const save = async (v: { cash: string; bank: string }) => {
    await setOpeningBalance(store, year, yuanToFen(v.cash) ?? Number.NaN, yuanToFen(v.bank) ?? Number.NaN);
    message.success(`${year}年上年结余已保存`);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <BooksStartCard start={start} />
      <Descriptions
        size="small"
        bordered
        column={3}
        title={`${year}年上年结余（${fixedByStart ? '开账余额' : own ? '手工录入' : '由上年期末结转'}）`}
      >
        <Descriptions.Item label="库存现金">{formatYuan(current.cashFen)}</Descriptions.Item>
        <Descriptions.Item label="银行存款">{formatYuan(current.bankFen)}</Descriptions.Item>
        <Descriptions.Item label="合计">{formatYuan(totalOf(current))}</Descriptions.Item>
      </Descriptions>
      {fixedByStart ? (
        <Alert
          type="info"
          showIcon
          title={
            year === startYear
              ? `${year}年是开账年度，年初余额即开账余额；如需更正，请点上面的“修改开账”。`
              : `${year}年早于开账年度（${startYear}年），本账簿不记这一年。`
          }
        />
      ) : (
        <>
          <Form
            key={`${year}-${current.cashFen}-${current.bankFen}`}
            form={form}
            layout="inline"
            initialValues={{
              cash: formatYuan(current.cashFen, { grouping: false }),
              bank: formatYuan(current.bankFen, { grouping: false }),
            }}
          >
            <Form.Item name="cash" label="库存现金" rules={[yuanRule('库存现金')]}>
              <YuanInput style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="bank" label="银行存款" rules={[yuanRule('银行存款')]}>
              <YuanInput style={{ width: 170 }} />
            </Form.Item>
            <Button loading={saving.busy} onClick={() => void saving.submit(save)}>
              录入上年结余
            </Button>
            {own && (
              <Popconfirm
                title="删除手工录入的数字，改为由上年期末结转？"
                okText="删除"
                cancelText="取消"
                onConfirm={() => clearing.submit(() => clearOpeningBalance(store, year))}
              >
                <Button type="link" danger>
                  改为自动结转
                </Button>
              </Popconfirm>
            )}
          </Form>
          <Typography.Text type="secondary">没有开账的账簿，启用本软件的第一年请录入上年结余；以后各年自动取上年期末结余。</Typography.Text>
        </>
      )}
    </Space>
  );
}
