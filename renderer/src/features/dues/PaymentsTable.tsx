import { Button, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { findPaymentLines, type PaymentLine } from '../../../../shared/dues/payment-list';
import { formatYuan } from '../../../../shared/money/fen';

interface Props {
  /** The year's lines (usePaymentLines), newest first. */
  lines: readonly PaymentLine[];
  onReceipt: (line: PaymentLine) => void;
  onReverse: (line: PaymentLine) => void;
}

/** 缴费记录: every payment and reversal of the year's months, newest first; reversals keep the history visible. */
export function PaymentsTable({ lines, onReceipt, onReverse }: Props) {
  const [search, setSearch] = useState('');
  const shown = useMemo(() => findPaymentLines(lines, search), [lines, search]);

  const columns: ColumnsType<PaymentLine> = [
    { title: '缴费日期', render: (_, r) => r.paidDate, width: 110 },
    { title: '会费月份', render: (_, r) => `${Number(r.month.slice(5))}月`, width: 80 },
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '部门', dataIndex: 'department', width: 110 },
    {
      title: '金额（元）',
      align: 'right',
      width: 100,
      render: (_, r) => <span style={{ color: r.amountFen < 0 ? '#cf1322' : undefined }}>{formatYuan(r.amountFen)}</span>,
    },
    { title: '方式', render: (_, r) => r.method, width: 80 },
    { title: '收据号', render: (_, r) => r.receiptNumber || '—', width: 110 },
    {
      title: '状态',
      width: 90,
      render: (_, r) => (r.reversalOf ? <Tag color="red">冲销记录</Tag> : r.reversed ? <Tag>已冲销</Tag> : <Tag color="green">有效</Tag>),
    },
    {
      title: '操作',
      width: 150,
      render: (_, r) => (
        <Space size={0}>
          {r.receiptNumber && !r.reversalOf && (
            <Button type="link" size="small" onClick={() => onReceipt(r)}>
              收据
            </Button>
          )}
          {!r.reversalOf && !r.reversed && (
            <Button type="link" size="small" danger onClick={() => onReverse(r)}>
              冲销
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        placeholder="按姓名或收据号查找"
        allowClear
        onSearch={setSearch}
        onChange={(e) => !e.target.value && setSearch('')}
        style={{ maxWidth: 280 }}
      />
      <Table<PaymentLine>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={shown}
        pagination={{ defaultPageSize: 20, showTotal: (n) => `共 ${n} 条` }}
        data-testid="dues-payments"
      />
    </Space>
  );
}
