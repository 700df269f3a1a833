import { Button, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { DuesIndex } from '../../../../shared/dues/data';
import { isReversed } from '../../../../shared/dues/payments';
import { formatYuan } from '../../../../shared/money/fen';
import type { DuesPayment } from '../../../../shared/model/records';

interface Row {
  payment: DuesPayment;
  name: string;
  department: string;
  reversed: boolean;
}

interface Props {
  index: DuesIndex;
  year: number;
  onReceipt: (payment: DuesPayment) => void;
  onReverse: (payment: DuesPayment, name: string) => void;
}

/** 缴费记录: every payment and reversal of the year's months, newest first; reversals keep the history visible. */
export function PaymentsTable({ index, year, onReceipt, onReverse }: Props) {
  const [search, setSearch] = useState('');
  const rows = useMemo(() => {
    const out: Row[] = [];
    const prefix = `${year}-`;
    for (const [memberId, list] of index.paymentsOf) {
      const member = index.timelineOf.get(memberId)?.member;
      for (const payment of list) {
        if (!payment.month.startsWith(prefix)) continue;
        out.push({
          payment,
          name: member?.name ?? '（已删除会员）',
          department: member?.department ?? '',
          reversed: isReversed(index, payment),
        });
      }
    }
    return out.sort(
      (a, b) =>
        b.payment.paidDate.localeCompare(a.payment.paidDate) ||
        b.payment.month.localeCompare(a.payment.month) ||
        a.name.localeCompare(b.name, 'zh-Hans-CN'),
    );
  }, [index, year]);
  const shown = search ? rows.filter((r) => r.name.includes(search) || r.payment.receiptNumber.includes(search)) : rows;

  const columns: ColumnsType<Row> = [
    { title: '缴费日期', render: (_, r) => r.payment.paidDate, width: 110 },
    { title: '会费月份', render: (_, r) => `${Number(r.payment.month.slice(5))}月`, width: 80 },
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '部门', dataIndex: 'department', width: 110 },
    {
      title: '金额（元）',
      align: 'right',
      width: 100,
      render: (_, r) => <span style={{ color: r.payment.amountFen < 0 ? '#cf1322' : undefined }}>{formatYuan(r.payment.amountFen)}</span>,
    },
    { title: '方式', render: (_, r) => r.payment.method, width: 80 },
    { title: '收据号', render: (_, r) => r.payment.receiptNumber || '—', width: 110 },
    {
      title: '状态',
      width: 90,
      render: (_, r) =>
        r.payment.reversalOf ? <Tag color="red">冲销记录</Tag> : r.reversed ? <Tag>已冲销</Tag> : <Tag color="green">有效</Tag>,
    },
    {
      title: '操作',
      width: 150,
      render: (_, r) => (
        <Space size={0}>
          {r.payment.receiptNumber && !r.payment.reversalOf && (
            <Button type="link" size="small" onClick={() => onReceipt(r.payment)}>
              收据
            </Button>
          )}
          {!r.payment.reversalOf && !r.reversed && (
            <Button type="link" size="small" danger onClick={() => onReverse(r.payment, r.name)}>
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
      <Table<Row>
        size="small"
        rowKey={(r) => r.payment.id}
        columns={columns}
        dataSource={shown}
        pagination={{ defaultPageSize: 20, showTotal: (n) => `共 ${n} 条` }}
        data-testid="dues-payments"
      />
    </Space>
  );
}
