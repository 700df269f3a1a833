import { Card, Col, Descriptions, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { FirstScreenShown } from '../../app/first-screen';
import { thisYear } from '../../../../shared/clock/today';
import { formatYuan } from '../../../../shared/money/fen';
import { useUnion } from '../union/queries';
import { useDesk, useDeskCounts } from './desk-queries';
import { MoneyCard } from './MoneyCard';
import { TodoList } from './TodoList';

// The charting library stays out of the start-up bundle: it loads once 概览 has its figures.
const DeskCharts = lazy(() => import('./DeskCharts'));

/** 概览: the chair's desk — what to do now and why, the money, the year against its budget, and the year in charts. */
export function OverviewPage() {
  const union = useUnion();
  const counts = useDeskCounts();
  const desk = useDesk(counts !== undefined);
  const year = desk?.year ?? thisYear();
  const loading = counts === undefined;
  const stats: [string, string | number | undefined, string, string][] = [
    ['会员人数', counts?.members, '人', 'stat-members'],
    ['女会员', counts?.women, '人', 'stat-women'],
    [`${year}年会费收缴`, counts ? formatYuan(counts.duesThisYearFen) : '', '元', 'stat-dues'],
    [`${year}年活动`, counts?.activitiesThisYear, '项', 'stat-activities'],
    [`${year}年慰问`, counts?.welfareThisYear, '人次', 'stat-welfare'],
    [`${year}年收支笔数`, counts?.transactionsThisYear, '笔', 'stat-transactions'],
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="overview-union-name">
          {union?.name}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="所在单位">{union?.employer || '—'}</Descriptions.Item>
          <Descriptions.Item label="上级工会">{union?.upperUnion || '—'}</Descriptions.Item>
          <Descriptions.Item label="工会主席">{union?.chair || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {desk ? <TodoList todos={desk.todos} /> : <Skeleton active />}
        </Col>
        <Col xs={24} xl={10}>
          {desk ? <MoneyCard balances={desk.balances} budgets={desk.budgets} year={desk.year} /> : <Skeleton active />}
        </Col>
      </Row>
      {/* Once its six figures are in, 概览 is the first screen the user waited for. */}
      {!loading && <FirstScreenShown />}
      <Row gutter={[12, 12]}>
        {stats.map(([title, value, suffix, id]) => (
          <Col xs={8} xl={4} key={id}>
            <Card size="small">
              <Statistic title={title} value={value} loading={loading} suffix={suffix} data-testid={id} />
            </Card>
          </Col>
        ))}
      </Row>
      {desk && (
        <Suspense fallback={<Skeleton active />}>
          <DeskCharts year={desk.year} months={desk.months} flow={desk.flow} turnout={desk.turnout} />
        </Suspense>
      )}
    </Space>
  );
}
