import { DownloadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { FinanceBook } from '../../../../shared/finance/balances';
import { totalOf } from '../../../../shared/finance/balances';
import { spendingByMonth } from '../../../../shared/finance/monthly';
import type { Period } from '../../../../shared/finance/period';
import { computeStatement, type Statement } from '../../../../shared/finance/statement';
import { Money } from './Money';
import { SpendingCharts } from './SpendingCharts';

interface Line {
  key: string;
  label: string;
  code: string;
  amountFen: number;
  yearToDateFen: number;
  strong?: boolean;
  indent?: number;
  /** Second line under 其中：, aligned with the text after it. */
  hang?: boolean;
}

export function statementLines(s: Statement): Line[] {
  const out: Line[] = [];
  const push = (label: string, amountFen: number, yearToDateFen: number, strong = false, code = '', indent = 0, hang = false) =>
    out.push({ key: `${out.length}`, label, code, amountFen, yearToDateFen, strong, indent, hang });
  for (const [title, sec] of [
    ['一、收入合计', s.income],
    ['二、支出合计', s.expense],
  ] as const) {
    push(title, sec.totalFen, sec.yearToDateFen, true);
    for (const l of sec.lines) push(l.name, l.amountFen, l.yearToDateFen, false, l.code, l.level + 1);
  }
  push('三、本期结余', s.surplusFen, s.yearToDateSurplusFen, true);
  push('四、期初结余', totalOf(s.opening), totalOf(s.yearOpening), true);
  push('其中：库存现金', s.opening.cashFen, s.yearOpening.cashFen, false, '', 1);
  push('银行存款', s.opening.bankFen, s.yearOpening.bankFen, false, '', 1, true);
  push('五、期末结余', totalOf(s.closing), totalOf(s.closing), true);
  push('其中：库存现金', s.closing.cashFen, s.closing.cashFen, false, '', 1);
  push('银行存款', s.closing.bankFen, s.closing.bankFen, false, '', 1, true);
  return out;
}

const PERIOD_OPTIONS = [{ value: 0, label: '全年' }, ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))];

/** 收入支出表 for the year or a month, with the charts, and its .xlsx export. */
export function StatementView({ book, year, onExport }: { book: FinanceBook; year: number; onExport: (p: Period) => void }) {
  const [month, setMonth] = useState(0);
  const period: Period = month ? { year, month } : { year };
  const statement = useMemo(() => computeStatement(book, month ? { year, month } : { year }), [book, year, month]);
  const months = useMemo(() => spendingByMonth(book.transactions, year), [book, year]);
  const monthly = month !== 0;
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
      <Table<Line>
        size="small"
        bordered
        pagination={false}
        dataSource={statementLines(statement)}
        columns={[
          {
            title: '项目',
            render: (_, l) => (
              <span
                style={{ paddingLeft: `calc(${(l.indent ?? 0) * 18}px + ${l.hang ? 3 : 0}em)`, fontWeight: l.strong ? 600 : undefined }}
              >
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
                  render: (_: unknown, l: Line) => <Money fen={l.yearToDateFen} />,
                },
              ]
            : []),
        ]}
        onRow={(l) => ({ 'data-testid': l.strong ? `statement-${l.label.slice(2)}` : undefined }) as React.HTMLAttributes<HTMLElement>}
      />
      <SpendingCharts lines={statement.expense.lines} months={months} title={statement.label} />
    </Space>
  );
}
