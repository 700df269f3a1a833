import { Card, Table } from 'antd';
import type { AdminOverview } from '../../../shared/sync/admin';
import { yuan } from './format';

type OrgRow = AdminOverview['orgs'][number];

/** The admin's part of the organisation tree, each organisation with the totals of the unions below it. */
export function OrgTotals({ orgs, year }: { orgs: OrgRow[]; year: number }) {
  return (
    <Card title="组织及下级汇总" size="small">
      <Table<OrgRow>
        rowKey="id"
        dataSource={orgs}
        pagination={false}
        size="small"
        columns={[
          {
            title: '组织',
            key: 'name',
            render: (_: unknown, o: OrgRow) => <span style={{ paddingLeft: o.depth * 24 }}>{`${o.name}（${o.code}）`}</span>,
          },
          { title: '工会', key: 'unions', align: 'right', render: (_: unknown, o: OrgRow) => o.totals.unions },
          { title: '会员', key: 'members', align: 'right', render: (_: unknown, o: OrgRow) => o.totals.members },
          { title: '在职', key: 'inService', align: 'right', render: (_: unknown, o: OrgRow) => o.totals.inService },
          { title: '女会员', key: 'women', align: 'right', render: (_: unknown, o: OrgRow) => o.totals.women },
          { title: '农民工会员', key: 'farmerWorkers', align: 'right', render: (_: unknown, o: OrgRow) => o.totals.farmerWorkers },
          {
            title: `${year}年会费收缴（元）`,
            key: 'dues',
            align: 'right',
            render: (_: unknown, o: OrgRow) => yuan(o.totals.duesCollectedFen),
          },
          { title: '经费收入（元）', key: 'income', align: 'right', render: (_: unknown, o: OrgRow) => yuan(o.totals.incomeFen) },
          { title: '经费支出（元）', key: 'spending', align: 'right', render: (_: unknown, o: OrgRow) => yuan(o.totals.spendingFen) },
          {
            title: '已报送',
            key: 'submitted',
            align: 'right',
            render: (_: unknown, o: OrgRow) => `${o.totals.submitted} / ${o.totals.unions}`,
          },
        ]}
      />
    </Card>
  );
}
