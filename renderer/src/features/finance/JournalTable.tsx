import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { managedElsewhere } from '../../../../shared/finance/ownership';
import { closedMonthMessage, isMonthClosed } from '../../../../shared/finance/closing';
import { PLACE_LABEL, type Journal, type JournalRow } from '../../../../shared/finance/journal';
import type { MonthClose, MoneyPlace, Transaction } from '../../../../shared/model/records';
import { AccountPicker } from './AccountPicker';
import { AttachmentsTag } from './AttachmentsTag';
import { amountText } from './format';
import { Money } from './Money';

interface Filters {
  month: number | 0;
  place: MoneyPlace | '';
  account: string;
  text: string;
}

export interface JournalTableProps {
  journal: Journal;
  closes: readonly MonthClose[];
  onEdit: (t: Transaction) => void;
  onReverse: (t: Transaction) => void;
}

const MONTH_OPTIONS = [{ value: 0, label: '全年' }, ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))];

/** 收支明细账 on screen: filters, 余额 of the row's own cash or bank, and the edit / 红字冲销 actions. */
export function JournalTable({ journal, closes, onEdit, onReverse }: JournalTableProps) {
  const { message } = App.useApp();
  const [f, setF] = useState<Filters>({ month: 0, place: '', account: '', text: '' });
  const reversed = useMemo(() => new Set(journal.rows.map((r) => r.transaction.reversalOf).filter(Boolean)), [journal]);
  const rows = useMemo(() => {
    const monthKey = f.month ? `${journal.year}-${String(f.month).padStart(2, '0')}` : '';
    const text = f.text.trim();
    return journal.rows.filter((r) => {
      const t = r.transaction;
      if (monthKey && !t.date.startsWith(monthKey)) return false;
      if (f.place && t.place !== f.place) return false;
      if (f.account && !t.accountCode.startsWith(f.account)) return false;
      return !text || t.summary.includes(text) || t.voucherNumber.includes(text) || r.accountLabel.includes(text);
    });
  }, [journal, f]);

  const edit = (t: Transaction) => {
    // Checked here too so the user learns at once, not after filling the form; the mutation refuses anyway.
    const owner = managedElsewhere(t);
    if (isMonthClosed(closes, t.date)) message.error(closedMonthMessage(t.date));
    else if (t.reversalOf) message.warning('冲销记录不能修改');
    else if (owner) message.warning(owner);
    else onEdit(t);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="月份"
          style={{ width: 100 }}
          value={f.month}
          options={MONTH_OPTIONS}
          onChange={(month) => setF({ ...f, month })}
        />
        <Select
          aria-label="资金"
          style={{ width: 130 }}
          value={f.place}
          options={[
            { value: '', label: '现金和银行' },
            { value: 'cash', label: '库存现金' },
            { value: 'bank', label: '银行存款' },
          ]}
          onChange={(place) => setF({ ...f, place })}
        />
        <AccountPicker
          postableOnly={false}
          allowClear
          placeholder="全部科目"
          value={f.account}
          onChange={(account) => setF({ ...f, account })}
          style={{ width: 240 }}
        />
        <Input.Search
          allowClear
          placeholder="摘要、凭证号、科目"
          style={{ width: 220 }}
          value={f.text}
          onChange={(e) => setF((prev) => ({ ...prev, text: e.target.value }))}
          onSearch={(text) => setF((prev) => ({ ...prev, text }))}
        />
        <Typography.Text type="secondary">共 {rows.length} 笔</Typography.Text>
      </Space>
      <Table<JournalRow>
        size="small"
        rowKey={(r) => r.transaction.id}
        dataSource={rows}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200] }}
        columns={[
          { title: '日期', width: 104, render: (_, r) => r.transaction.date },
          { title: '凭证号', width: 80, render: (_, r) => r.transaction.voucherNumber },
          {
            title: '摘要',
            render: (_, r) => (
              <Space size={4}>
                <Typography.Text type={r.transaction.amountFen < 0 ? 'danger' : undefined}>{r.transaction.summary}</Typography.Text>
                {r.transaction.reversalOf && <Tag color="red">红字</Tag>}
                {reversed.has(r.transaction.id) && <Tag>已冲销</Tag>}
                <AttachmentsTag ids={r.transaction.attachmentIds} />
              </Space>
            ),
          },
          { title: '科目', width: 190, render: (_, r) => r.accountLabel },
          { title: '资金', width: 84, render: (_, r) => PLACE_LABEL[r.transaction.place] },
          { title: '收入', width: 110, align: 'right', render: (_, r) => amountText(r.incomeFen) },
          { title: '支出', width: 110, align: 'right', render: (_, r) => amountText(r.expenseFen) },
          { title: '余额', width: 120, align: 'right', render: (_, r) => <Money fen={r.placeBalanceFen} /> },
          {
            title: '操作',
            width: 120,
            render: (_, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => edit(r.transaction)}>
                  修改
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger
                  disabled={!!r.transaction.reversalOf || reversed.has(r.transaction.id)}
                  title={managedElsewhere(r.transaction) ?? undefined}
                  onClick={() => {
                    const owner = managedElsewhere(r.transaction);
                    if (owner) message.warning(owner);
                    else onReverse(r.transaction);
                  }}
                >
                  冲销
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
