import { Alert, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { memo, useMemo, useState } from 'react';
import { previewRows, type ImportPlan, type PreviewAction, type PreviewRow } from '../../../../shared/roster/plan';

const ACTION_TAGS: Record<PreviewAction, { color: string; text: string }> = {
  insert: { color: 'green', text: '新增' },
  update: { color: 'blue', text: '更新' },
  rejected: { color: 'red', text: '不导入' },
};

/**
 * Step 3: every data row with what will happen to it and, for a row that will not be imported, why.
 * Memoised on the plan: progress ticks during the import must not re-render a 5,000-row table.
 */
export const ImportPreviewStep = memo(function ImportPreviewStep({ plan }: { plan: ImportPlan | null }) {
  const [only, setOnly] = useState<'all' | 'rejected'>('all');
  const rows = useMemo(() => (plan ? previewRows(plan) : []), [plan]);
  if (!plan) return null;
  const shown = only === 'rejected' ? rows.filter((r) => r.action === 'rejected') : rows;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space size={40}>
        <Statistic title="新增会员" value={plan.toInsert.length} suffix="人" />
        <Statistic title="更新已有会员" value={plan.toUpdate.length} suffix="人" />
        <Statistic
          title="不导入"
          value={plan.rejected.length}
          suffix="行"
          valueStyle={plan.rejected.length ? { color: '#cf1322' } : undefined}
        />
      </Space>
      <Typography.Text type="secondary">
        已有会员按身份证号匹配，重复导入只会更新，不会重复添加。工资基数记为 {plan.year} 年的月工资基数。
      </Typography.Text>
      {plan.rejected.length > 0 ? (
        <Alert type="warning" showIcon title={`${plan.rejected.length} 行有问题，不会导入。可以点“保存未导入的行”，改好后再导入一次。`} />
      ) : null}
      <Segmented
        value={only}
        onChange={(v) => setOnly(v as 'all' | 'rejected')}
        options={[
          { value: 'all', label: `全部 ${rows.length} 行` },
          { value: 'rejected', label: `只看不导入的 ${plan.rejected.length} 行` },
        ]}
      />
      <Table<PreviewRow>
        virtual
        size="small"
        rowKey="row"
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={shown}
        data-testid="import-preview"
        columns={[
          { title: '行号', dataIndex: 'row', width: 70 },
          { title: '姓名', dataIndex: 'name', width: 110 },
          {
            title: '处理',
            dataIndex: 'action',
            width: 90,
            render: (a: PreviewAction) => <Tag color={ACTION_TAGS[a].color}>{ACTION_TAGS[a].text}</Tag>,
          },
          { title: '原因', dataIndex: 'reason', render: (r: string) => (r ? <Typography.Text type="danger">{r}</Typography.Text> : null) },
        ]}
      />
    </Space>
  );
});
