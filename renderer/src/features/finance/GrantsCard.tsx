import { Card, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { grantBalances, purposeName, type GrantBalance } from '../../../../shared/finance/special-grants';
import type { CarriedGrant, Transaction } from '../../../../shared/model/records';
import { Money } from './Money';

/** 专项补助 of the year at a glance: per purpose, what came, what was spent on it, what remains. Hidden while there is none. */
export function GrantsCard({
  transactions,
  year,
  carried,
}: {
  transactions: readonly Transaction[];
  year: number;
  /** What remained of each 专项 on 1 January: a grant received last year may be spent this year. */
  carried: readonly CarriedGrant[];
}) {
  const grants = useMemo(() => grantBalances(transactions, `${year}-12-31`, `${year}-01-01`, carried), [transactions, year, carried]);
  const anyCarried = grants.some((g) => g.carriedFen !== 0);
  if (grants.length === 0) return null;
  return (
    <Card size="small" title="专项补助收支" data-testid="special-grants">
      <Table<GrantBalance>
        size="small"
        pagination={false}
        rowKey="purpose"
        dataSource={grants}
        columns={[
          { title: '专项', render: (_, g) => purposeName(g.purpose) },
          ...(anyCarried
            ? [
                {
                  title: '上年结转',
                  width: 130,
                  align: 'right' as const,
                  render: (_: unknown, g: GrantBalance) => <Money fen={g.carriedFen} />,
                },
              ]
            : []),
          { title: '收到', width: 130, align: 'right', render: (_, g) => <Money fen={g.receivedFen} /> },
          { title: '已支出', width: 130, align: 'right', render: (_, g) => <Money fen={g.spentFen} /> },
          {
            title: '剩余',
            width: 130,
            align: 'right',
            render: (_, g) =>
              g.remainingFen < 0 ? (
                <Typography.Text type="danger">
                  超支 <Money fen={-g.remainingFen} />
                </Typography.Text>
              ) : (
                <Money fen={g.remainingFen} />
              ),
          },
        ]}
      />
    </Card>
  );
}
