import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { ArrearsRow } from '../../../../shared/dues/arrears';
import { ARREARS_WARNING_MONTHS } from '../../../../shared/dues/arrears';
import { monthLabel, monthsLabel } from '../../../../shared/dues/months';
import { formatYuan } from '../../../../shared/money/fen';

/**
 * 欠缴: members with unpaid months, the longest run first; five in a row is flagged before the
 * six-month rule applies. The same count the annual summary states (shared/dues/arrears).
 */
export function ArrearsList({ rows, fromMonth, throughMonth }: { rows: ArrearsRow[]; fromMonth: string; throughMonth: string }) {
  const warned = rows.filter((r) => r.consecutive >= ARREARS_WARNING_MONTHS).length;
  const totalFen = rows.reduce((s, r) => s + r.unpaidFen, 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary" data-testid="arrears-window">
        统计 {monthLabel(fromMonth)} 至 {monthLabel(throughMonth)} 的会费（当月会费到月底才计为欠缴；开账之前的月份和应缴为 0
        的会员不计）。会员无正当理由连续 6 个月不交纳会费、不参加工会组织生活的，视为自动退会。
      </Typography.Text>
      {rows.length > 0 && (
        <Typography.Text data-testid="arrears-total">
          共 {rows.length} 人欠缴 {formatYuan(totalFen)} 元。
        </Typography.Text>
      )}
      {warned > 0 && (
        <Alert type="warning" showIcon title={`${warned} 名会员已连续 ${ARREARS_WARNING_MONTHS} 个月或以上未缴会费，请及时提醒。`} />
      )}
      <Table<ArrearsRow>
        size="small"
        rowKey="memberId"
        dataSource={rows}
        pagination={{ defaultPageSize: 20, showTotal: (n) => `共 ${n} 人` }}
        locale={{ emptyText: '没有欠缴会费的会员' }}
        data-testid="dues-arrears"
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '部门', dataIndex: 'department', width: 120 },
          {
            title: '连续未缴',
            dataIndex: 'consecutive',
            width: 110,
            render: (n: number) => (n >= ARREARS_WARNING_MONTHS ? <Tag color="red">{n} 个月</Tag> : n > 0 ? `${n} 个月` : '—'),
          },
          { title: '未缴月数', width: 90, render: (_, r) => r.unpaidMonths.length },
          { title: '欠缴金额（元）', width: 120, align: 'right', render: (_, r) => formatYuan(r.unpaidFen) },
          { title: '未缴月份', render: (_, r) => monthsLabel(r.unpaidMonths) },
        ]}
      />
    </Space>
  );
}
