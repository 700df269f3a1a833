import { Alert, Segmented, Space, Statistic, Typography } from 'antd';
import { memo, useMemo, useState } from 'react';
import { previewRows, type ImportPlan, type PreviewAction, type PreviewRow } from '../../../../shared/roster/plan';
import { CELL_DANGER_TEXT, useCellButtonCss } from '../../components/cell-buttons';
import { CELL_TAG, useCellTagCss } from '../../components/cell-tag';
import { ROW_HEIGHT } from '../../components/cell-metrics';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';

const ACTION_TAGS: Record<PreviewAction, { className: string; text: string }> = {
  insert: { className: CELL_TAG.green, text: '新增' },
  update: { className: CELL_TAG.blue, text: '更新' },
  rejected: { className: CELL_TAG.red, text: '不导入' },
};

/**
 * The light virtual table rather than antd's: antd's virtual Table measures its columns' widths in
 * the page when it first draws (a whole-page layout), and with an antd Tag and Typography per row
 * the preview of a 5,000-row roster held the window for over 100 ms. Plain cells in antd's look.
 */
const COLUMNS: readonly VirtualColumn<PreviewRow>[] = [
  { key: 'row', title: '行号', width: 70, render: (r) => r.row },
  { key: 'name', title: '姓名', width: 110, ellipsis: true, render: (r) => r.name },
  {
    key: 'action',
    title: '处理',
    width: 90,
    render: (r) => <span className={ACTION_TAGS[r.action].className}>{ACTION_TAGS[r.action].text}</span>,
  },
  {
    key: 'reason',
    title: '原因',
    width: 240,
    grow: true,
    ellipsis: true,
    render: (r) =>
      r.reason ? (
        <span className={CELL_DANGER_TEXT} title={r.reason}>
          {r.reason}
        </span>
      ) : null,
  },
];

/**
 * Step 3: every data row with what will happen to it and, for a row that will not be imported, why.
 * Memoised on the plan: progress ticks during the import must not re-render a 5,000-row table.
 */
export const ImportPreviewStep = memo(function ImportPreviewStep({ plan }: { plan: ImportPlan | null }) {
  const [only, setOnly] = useState<'all' | 'rejected'>('all');
  const rows = useMemo(() => (plan ? previewRows(plan) : []), [plan]);
  const shown = useMemo(() => (only === 'rejected' ? rows.filter((r) => r.action === 'rejected') : rows), [rows, only]);
  useCellTagCss();
  useCellButtonCss();
  if (!plan) return null;
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
      <VirtualTable<PreviewRow>
        rows={shown}
        columns={COLUMNS}
        rowKey={(r) => String(r.row)}
        // At most 320 px of rows, fewer when fewer are shown (the rows not imported), as antd's table with scroll.y.
        height={Math.min(320, Math.max(shown.length, 2) * ROW_HEIGHT)}
        label="导入预览"
        data-testid="import-preview"
      />
    </Space>
  );
});
