import { Card, Col, Descriptions, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { afterFirstScreen, FirstScreenShown } from '../../app/first-screen';
import { moduleLoader } from '../../app/module-loader';
import { thisYear } from '../../../../shared/clock/today';
import { formatYuan } from '../../../../shared/money/fen';
import { useUnion } from '../union/queries';
import { useDeskCounts } from './figures';

/** The rest of the desk (to-dos, money, charts): its code loads once the first screen has been painted. */
const loadDesk = moduleLoader(() => import('./OverviewDesk'));

/** 概览: the chair's desk — what to do now and why, the money, the year against its budget, and the year in charts. */
export function OverviewPage() {
  const union = useUnion();
  const counts = useDeskCounts();
  const [desk, setDesk] = useState(loadDesk.loaded);
  useEffect(() => {
    let gone = false;
    void afterFirstScreen()
      .then(loadDesk)
      .then((m) => !gone && setDesk(() => m))
      .catch(() => undefined);
    return () => {
      gone = true;
    };
  }, []);
  const year = thisYear();
  const loading = counts === undefined;
  const stats: [string, string | number | undefined, string, string][] = [
    ['会员人数', counts?.members, '人', 'stat-members'],
    ['女会员', counts?.women, '人', 'stat-women'],
    [`${year}年会费收缴`, counts ? formatYuan(counts.duesThisYearFen) : '', '元', 'stat-dues'],
    [`${year}年活动`, counts?.activitiesThisYear, '项', 'stat-activities'],
    [`${year}年慰问`, counts?.welfareThisYear, '人次', 'stat-welfare'],
    [`${year}年收支笔数`, counts?.transactionsThisYear, '笔', 'stat-transactions'],
  ];
  const figures = (
    <Row gutter={[12, 12]}>
      {stats.map(([title, value, suffix, id]) => (
        <Col xs={8} xl={4} key={id}>
          <Card size="small">
            <Statistic title={title} value={value} loading={loading} suffix={suffix} data-testid={id} />
          </Card>
        </Col>
      ))}
    </Row>
  );
  return (
    <Flex vertical gap="middle">
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
      {/* Once its six figures are in, 概览 is the first screen the user waited for. */}
      {!loading && <FirstScreenShown />}
      {desk ? <desk.OverviewDesk figures={figures} start={!loading} /> : <DeskPlaceholder figures={figures} />}
    </Flex>
  );
}

/** The desk's place while its code loads: the same skeletons as while its rows are read. */
function DeskPlaceholder({ figures }: { figures: ReactNode }) {
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Skeleton active />
        </Col>
        <Col xs={24} xl={10}>
          <Skeleton active />
        </Col>
      </Row>
      {figures}
    </>
  );
}
