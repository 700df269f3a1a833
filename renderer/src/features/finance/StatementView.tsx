import { DownloadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { FinanceBook } from '../../../../shared/finance/balances';
import { spendingByMonth } from '../../../../shared/finance/monthly';
import type { Period } from '../../../../shared/finance/period';
import { grantNotes } from '../../../../shared/finance/special-grants';
import { computeStatement } from '../../../../shared/finance/statement';
import { statementRows, type StatementRow } from '../../../../shared/finance/statement-lines';
import { Money } from './Money';
import { SpendingCharts } from './SpendingCharts';

const PERIOD_OPTIONS = [{ value: 0, label: '全年' }, ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))];

/** 收入支出表 for the year or a month, with the charts, and its .xlsx export. */
export function StatementView({ book, year, onExport }: { book: FinanceBook; year: number; onExport: (p: Period) => void }) {
  const [month, setMonth] = useState(0);
  const period: Period = month ? { year, month } : { year };
  const statement = useMemo(() => computeStatement(book, month ? { year, month } : { year }), [book, year, month]);
  const months = useMemo(() => spendingByMonth(book.transactions, year), [book, year]);
  const monthly = month !== 0;
  // The same label may appear twice (其中：库存现金 under 期初 and 期末): rows are keyed by position.
  const rows = useMemo(() => statementRows(statement).map((r, i) => ({ ...r, key: String(i) })), [statement]);
  const notes = grantNotes(statement.specialGrants);
  return (
    <Space className="print-target" orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select aria-label="报表期间" style={{ width: 100 }} value={month} options={PERIOD_OPTIONS} onChange={setMonth} />
        <Typography.Text strong data-testid="statement-title">
          收入支出表（{statement.label}）
        </Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={() => onExport(period)}>
          导出收入支出表
        </Button>
      </Space>
      <Table<StatementRow>
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: '项目',
            render: (_, l) => (
              <span style={{ paddingLeft: `calc(${l.indent * 18}px + ${l.hang ? 3 : 0}em)`, fontWeight: l.strong ? 600 : undefined }}>
                {l.label}
              </span>
            ),
          },
          { title: '科目编码', dataIndex: 'code', width: 100 },
          { title: monthly ? '本月数' : '本年数', width: 160, align: 'right', render: (_, l) => <Money fen={l.amountFen} /> },
          ...(monthly
            ? [
                {
                  title: '本年累计数',
                  width: 160,
                  align: 'right' as const,
                  render: (_: unknown, l: StatementRow) => <Money fen={l.yearToDateFen} />,
                },
              ]
            : []),
        ]}
        onRow={(l) =>
          ({
            'data-testid': l.strong ? `statement-${l.label.slice(2)}` : l.label === '含应付上级经费' ? 'statement-应付上级经费' : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {notes.length > 0 && (
        <div data-testid="statement-notes">
          <Typography.Text strong>附注：专项补助收支情况</Typography.Text>
          {notes.map((n) => (
            <Typography.Paragraph key={n} style={{ margin: 0 }}>
              {n}
            </Typography.Paragraph>
          ))}
        </div>
      )}
      <SpendingCharts lines={statement.expense.lines} months={months} title={statement.label} />
    </Space>
  );
}
