import { Card, Flex, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { ageBands, memberStatistics } from '../../../../shared/members/statistics';
import type { Member, MembershipEvent } from '../../../../shared/model/records';
import { AgeBandChart } from './AgeBandChart';

interface Props {
  members: readonly Member[];
  events: readonly MembershipEvent[];
  year: number;
  today: string;
  loading: boolean;
}

export function StatsStrip({ members, events, year, today, loading }: Props) {
  const stats = useMemo(() => memberStatistics(members, events, year), [members, events, year]);
  const bands = useMemo(() => ageBands(members, today), [members, today]);
  const items = [
    { key: 'total', title: '会员总数', value: stats.total },
    { key: 'female', title: '女会员', value: stats.female },
    { key: 'migrant', title: '农民工会员', value: stats.migrantWorkers },
    { key: 'joined', title: `${year}年新入会`, value: stats.joinedThisYear },
    { key: 'left', title: `${year}年减少`, value: stats.leftThisYear },
  ];
  return (
    <Card size="small">
      <Flex wrap gap="large" align="center" justify="space-between">
        <Flex wrap gap={40}>
          {items.map((s) => (
            <Statistic key={s.key} title={s.title} value={s.value} suffix="人" loading={loading} data-testid={`member-stat-${s.key}`} />
          ))}
        </Flex>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            年龄结构（在册会员）
          </Typography.Text>
          <AgeBandChart bands={bands} />
        </div>
      </Flex>
    </Card>
  );
}
