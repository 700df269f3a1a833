import { Alert, Select, Space, Table, Typography } from 'antd';
import { cellText } from '../../../../shared/roster/cells';
import { ROSTER_COLUMNS, type RosterField } from '../../../../shared/roster/columns';
import type { RosterImportState } from './useRosterImport';

const FIELD_OPTIONS = [
  { value: '', label: '（不导入）' },
  ...ROSTER_COLUMNS.map((c) => ({ value: c.field, label: c.field === 'seq' ? '序号（不导入）' : c.label })),
];

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Step 2: each column of the file with its header, two sample values and the field it feeds, which the user can change. */
export function ImportMappingStep({ state }: { state: RosterImportState }) {
  const { parsed, mapping, setColumnField, problems } = state;
  if (!parsed) return null;
  const samples = parsed.dataRows.slice(0, 2);
  const rows = parsed.headers.map((header, i) => ({
    key: i,
    i,
    header,
    samples: samples.map((r) => cellText(r.cells[i])).filter((t) => t !== ''),
  }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        表头在第 {parsed.headerRowNumber} 行（工作表“{parsed.sheetName}”），共 {parsed.dataRows.length} 行会员数据
        {parsed.skipped.length > 0 ? `；已跳过 ${parsed.skipped.map((s) => `第 ${s.rowNumber} 行“${s.text.slice(0, 8)}”`).join('、')}` : ''}
        。 请核对每一列对应的会员信息，不对的可以改。
      </Typography.Text>
      {problems.length > 0 ? <Alert type="warning" showIcon title={problems.join('；')} /> : null}
      <Table
        size="small"
        pagination={false}
        scroll={{ y: 380 }}
        dataSource={rows}
        columns={[
          { title: '列', dataIndex: 'i', width: 50, render: (i: number) => columnLetter(i) },
          { title: '文件中的表头', dataIndex: 'header', width: 170 },
          {
            title: '示例',
            dataIndex: 'samples',
            render: (s: string[]) => <Typography.Text type="secondary">{s.join('，')}</Typography.Text>,
          },
          {
            title: '导入为',
            key: 'field',
            width: 180,
            render: (_: unknown, r) => (
              <Select
                aria-label={`第 ${columnLetter(r.i)} 列“${r.header}”导入为`}
                style={{ width: 160 }}
                value={mapping[r.i] ?? ''}
                options={FIELD_OPTIONS}
                onChange={(v: string) => setColumnField(r.i, v === '' ? null : (v as RosterField))}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
