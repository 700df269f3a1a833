import { Card, Col, Empty, Progress, Row, Space, Statistic, Typography } from 'antd';
import { findAccount } from '../../../../shared/accounts/chart';
import { totalOf, type PlaceBalances } from '../../../../shared/finance/balances';
import { formatRate, type BudgetExecution } from '../../../../shared/finance/budgets';
import { formatYuan } from '../../../../shared/money/fen';

/** Cash and bank today, and how far the year's budget has gone. */
export function MoneyCard({ balances, budgets, year }: { balances: PlaceBalances; budgets: BudgetExecution[]; year: number }) {
  const rows: [string, number, string][] = [
    ['库存现金', balances.cashFen, 'desk-cash'],
    ['银行存款', balances.bankFen, 'desk-bank'],
    ['合计', totalOf(balances), 'desk-total'],
  ];
  const income = budgets.filter((b) => findAccount(b.budget.accountCode)?.kind === 'income');
  const spending = budgets.filter((b) => findAccount(b.budget.accountCode)?.kind === 'expense');
  return (
    <Card title="资金与预算" size="small">
      <Row gutter={12}>
        {rows.map(([label, fen, id]) => (
          <Col span={8} key={id}>
            <Statistic
              title={`${label}（元）`}
              value={formatYuan(fen)}
              styles={{ content: { fontSize: 20, color: fen < 0 ? '#cf1322' : undefined } }}
              data-testid={id}
            />
          </Col>
        ))}
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {year}年预算执行
      </Typography.Title>
      {budgets.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="今年还没有录入预算（收支 → 预算）" />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="desk-budget">
          <BudgetBar title="收入完成" rows={income} />
          <BudgetBar title="支出使用" rows={spending} />
        </Space>
      )}
    </Card>
  );
}

function BudgetBar({ title, rows }: { title: string; rows: BudgetExecution[] }) {
  if (rows.length === 0) return null;
  const budget = rows.reduce((s, r) => s + r.budget.amountFen, 0);
  const actual = rows.reduce((s, r) => s + r.actualFen, 0);
  const rate = budget === 0 ? null : actual / budget;
  return (
    <div>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text>{title}</Typography.Text>
        <Typography.Text type="secondary">
          {formatYuan(actual)} / {formatYuan(budget)} 元（{formatRate(rate)}）
        </Typography.Text>
      </Space>
      <Progress
        percent={Math.round((rate ?? 0) * 1000) / 10}
        showInfo={false}
        status={rate !== null && rate > 1 ? 'exception' : 'normal'}
      />
    </div>
  );
}
