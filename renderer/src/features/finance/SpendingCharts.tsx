import { Card, Col, Empty, Row, Typography } from 'antd';
import { ACCOUNTS, findAccount } from '../../../../shared/accounts/chart';
import type { MonthSpending } from '../../../../shared/finance/monthly';
import type { StatementLine } from '../../../../shared/finance/statement';
import { formatWanYuan, formatYuan } from '../../../../shared/money/fen';

const COLORS: Record<string, string> = {
  '501': '#1677ff',
  '503': '#13a8a8',
  '504': '#fa8c16',
  '505': '#722ed1',
  '507': '#8c8c8c',
  '510': '#eb2f96',
};
const EXPENSE_TOPS = ACCOUNTS.filter((a) => a.kind === 'expense' && a.parent === '').map((a) => a.code);

/** Spending by top-level account as horizontal bars (plain CSS). */
function AccountBars({ lines }: { lines: readonly StatementLine[] }) {
  const tops = lines.filter((l) => l.level === 0 && l.amountFen > 0);
  const max = Math.max(1, ...tops.map((l) => l.amountFen));
  if (tops.length === 0) return <Empty description="本期没有支出" />;
  return (
    <div role="img" aria-label="按科目支出">
      {tops.map((l) => (
        <div key={l.code} style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '6px 0' }}>
          <span style={{ width: 104, flex: 'none' }}>{l.name}</span>
          <div style={{ flex: 1, background: '#f5f5f5', height: 16 }}>
            <div style={{ width: `${(l.amountFen / max) * 100}%`, background: COLORS[l.code] ?? '#1677ff', height: 16 }} />
          </div>
          <span style={{ width: 110, textAlign: 'right', flex: 'none' }}>{formatYuan(l.amountFen)}</span>
        </div>
      ))}
    </div>
  );
}

/** Month-by-month spending, stacked by top-level account, with income as a thin bar beside it (SVG). */
function MonthColumns({ months }: { months: readonly MonthSpending[] }) {
  const W = 640;
  const H = 220;
  const pad = { left: 48, bottom: 24, top: 10 };
  const max = Math.max(1, ...months.map((m) => Math.max(m.expenseFen, m.incomeFen)));
  const slot = (W - pad.left) / months.length;
  const y = (fen: number) => ((H - pad.bottom - pad.top) * fen) / max;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="逐月收支">
      {[0, 0.5, 1].map((t) => (
        <g key={t}>
          <line x1={pad.left} x2={W} y1={H - pad.bottom - y(max * t)} y2={H - pad.bottom - y(max * t)} stroke="#eee" />
          <text x={pad.left - 4} y={H - pad.bottom - y(max * t) + 4} fontSize={10} textAnchor="end" fill="#888">
            {formatWanYuan(max * t)}万
          </text>
        </g>
      ))}
      {months.map((m, i) => {
        const x = pad.left + i * slot + slot * 0.15;
        let base = H - pad.bottom;
        return (
          <g key={m.month}>
            <title>{`${Number(m.month.slice(5))}月 收入 ${formatYuan(m.incomeFen)} 元，支出 ${formatYuan(m.expenseFen)} 元`}</title>
            {EXPENSE_TOPS.map((code) => {
              const v = Math.max(0, m.byAccount[code] ?? 0);
              if (v === 0) return null;
              base -= y(v);
              return <rect key={code} x={x} y={base} width={slot * 0.45} height={y(v)} fill={COLORS[code]} />;
            })}
            <rect
              x={x + slot * 0.47}
              y={H - pad.bottom - y(Math.max(0, m.incomeFen))}
              width={slot * 0.2}
              height={y(Math.max(0, m.incomeFen))}
              fill="#52c41a"
            />
            <text x={x + slot * 0.33} y={H - 8} fontSize={11} textAnchor="middle" fill="#555">
              {Number(m.month.slice(5))}月
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function SpendingCharts({
  lines,
  months,
  title,
}: {
  lines: readonly StatementLine[];
  months: readonly MonthSpending[];
  title: string;
}) {
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card size="small" title={`${title}支出（按科目）`}>
          <AccountBars lines={lines} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title="逐月收支">
          <MonthColumns months={months} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {EXPENSE_TOPS.map((code) => (
              <span key={code} style={{ marginRight: 10 }}>
                <span style={{ display: 'inline-block', width: 10, height: 10, background: COLORS[code], marginRight: 3 }} />
                {findAccount(code)?.name}
              </span>
            ))}
            <span>
              <span style={{ display: 'inline-block', width: 10, height: 10, background: '#52c41a', marginRight: 3 }} />
              收入
            </span>
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
