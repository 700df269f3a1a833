import { thisYear } from '../../../../shared/clock/today';
import { Card, Col, Descriptions, Row, Space, Statistic, Typography } from 'antd';
import { formatYuan } from '../../../../shared/money/fen';
import { ArrearsAlert } from '../dues/ArrearsAlert';
import { useUnion } from '../union/queries';
import { useOverviewCounts } from './queries';

export function OverviewPage() {
  const union = useUnion();
  const year = thisYear();
  const counts = useOverviewCounts(year);
  const loading = counts === undefined;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="overview-union-name">
          {union?.name}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="所在单位">{union?.employer || '—'}</Descriptions.Item>
          <Descriptions.Item label="上级工会">{union?.upperUnion || '—'}</Descriptions.Item>
          <Descriptions.Item label="工会主席">{union?.chair || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ArrearsAlert />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <Card>
            <Statistic title="会员人数" value={counts?.members} loading={loading} suffix="人" data-testid="stat-members" />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card>
            <Statistic title="女会员" value={counts?.women} loading={loading} suffix="人" data-testid="stat-women" />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card>
            <Statistic
              title={`${year}年会费收缴`}
              value={counts ? formatYuan(counts.duesThisYearFen) : ''}
              loading={loading}
              suffix="元"
              data-testid="stat-dues"
            />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card>
            <Statistic
              title={`${year}年活动`}
              value={counts?.activitiesThisYear}
              loading={loading}
              suffix="项"
              data-testid="stat-activities"
            />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card>
            <Statistic title={`${year}年慰问`} value={counts?.welfareThisYear} loading={loading} suffix="人次" data-testid="stat-welfare" />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card>
            <Statistic
              title={`${year}年收支笔数`}
              value={counts?.transactionsThisYear}
              loading={loading}
              suffix="笔"
              data-testid="stat-transactions"
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
