import { Card, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { UnusualEntry, UnusualReason } from '../../../../shared/audit/unusual';
import { formatYuan } from '../../../../shared/money/fen';

const LABELS: Record<UnusualReason, { text: string; color: string }> = {
  'cash-large': { text: '大额现金', color: 'orange' },
  'no-attachment': { text: '无票据', color: 'gold' },
  'round-repeat': { text: '整数重复', color: 'purple' },
};

type Filter = UnusualReason | 'all';

/** 需关注的凭证: the spending vouchers the 经审委员会 would pick out first, each with its reasons. */
export function UnusualCard({ entries }: { entries: readonly UnusualEntry[] }) {
  const [filter, setFilter] = useState<Filter>('all');
  const count = (r: UnusualReason) => entries.filter((e) => e.reasons.includes(r)).length;
  const shown = filter === 'all' ? entries : entries.filter((e) => e.reasons.includes(filter));
  return (
    <Card
      size="small"
      title="需关注的凭证"
      data-testid="audit-unusual"
      extra={
        entries.length > 0 && (
          <Segmented<Filter>
            size="small"
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: `全部 ${entries.length}` },
              ...(Object.keys(LABELS) as UnusualReason[]).map((r) => ({ value: r, label: `${LABELS[r].text} ${count(r)}` })),
            ]}
          />
        )
      }
    >
      {entries.length === 0 ? (
        <Typography.Text type="secondary">没有大额现金支付、无票据或对同一收款人的整数金额重复支付。</Typography.Text>
      ) : (
        <Table<UnusualEntry>
          size="small"
          rowKey="transactionId"
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          dataSource={shown}
          scroll={{ x: 760 }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '凭证号', dataIndex: 'voucherNumber', width: 90 },
            { title: '摘要', dataIndex: 'summary', width: 200 },
            {
              title: '金额（元）',
              dataIndex: 'amountFen',
              width: 110,
              align: 'right',
              render: (v: number) => formatYuan(v, { grouping: true }),
            },
            {
              title: '原因',
              render: (_, e) =>
                e.reasons.map((r, i) => (
                  <div key={r}>
                    <Tag color={LABELS[r].color}>{LABELS[r].text}</Tag>
                    {e.notes[i]}
                  </div>
                )),
            },
          ]}
        />
      )}
    </Card>
  );
}
