import { Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CellState, GridCell, GridRow, YearGrid } from '../../../../shared/dues/grid';
import { formatYuan } from '../../../../shared/money/fen';

const CELL_STYLE: Record<CellState, { background: string; color: string; text: (c: GridCell) => string; label: string }> = {
  paid: { background: '#f6ffed', color: '#389e0d', text: (c) => formatYuan(c.paidFen), label: '已缴' },
  unpaid: { background: '#fff1f0', color: '#cf1322', text: () => '未缴', label: '未缴' },
  exempt: { background: '#f5f5f5', color: '#8c8c8c', text: (c) => c.exemptReason || '免', label: '免缴' },
  none: { background: 'transparent', color: '#bfbfbf', text: () => '—', label: '非会员月份' },
  future: { background: 'transparent', color: '#bfbfbf', text: () => '', label: '未到期' },
};

/** Members × 12 months, coloured paid / unpaid / exempt, with the month totals as the summary row. */
export function YearGridTable({ grid }: { grid: YearGrid }) {
  const columns: ColumnsType<GridRow> = [
    { title: '姓名', dataIndex: 'name', fixed: 'left', width: 72 },
    { title: '部门', dataIndex: 'department', width: 88, ellipsis: true },
    {
      title: '月应缴',
      dataIndex: 'monthlyFen',
      width: 68,
      align: 'right',
      render: (fen: number, row) => (row.baseFen === null ? <Tooltip title="没有本年工资基数">—</Tooltip> : formatYuan(fen)),
    },
    ...Array.from({ length: 12 }, (_, i) => ({
      title: `${i + 1}月`,
      key: `m${i + 1}`,
      width: 56,
      align: 'center' as const,
      onCell: (row: GridRow) => ({ style: { background: CELL_STYLE[row.cells[i]?.state ?? 'none'].background, padding: '4px 2px' } }),
      render: (_: unknown, row: GridRow) => {
        const cell = row.cells[i];
        if (!cell) return null;
        const style = CELL_STYLE[cell.state];
        return (
          <span data-state={cell.state} title={`${row.name} ${i + 1}月：${style.label}`} style={{ color: style.color, fontSize: 12 }}>
            {style.text(cell)}
          </span>
        );
      },
    })),
    { title: '全年合计', dataIndex: 'totalFen', width: 84, align: 'right', fixed: 'right', render: (fen: number) => formatYuan(fen) },
    { title: '备注', dataIndex: 'note', width: 96, ellipsis: true },
  ];
  return (
    <Table<GridRow>
      size="small"
      bordered
      rowKey="memberId"
      columns={columns}
      dataSource={grid.rows}
      scroll={{ x: 1080 }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `共 ${n} 人` }}
      data-testid="dues-year-grid"
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <strong>各月合计</strong>
            </Table.Summary.Cell>
            {grid.monthTotals.map((fen, i) => (
              <Table.Summary.Cell key={i} index={3 + i} align="center">
                {/* Whole yuan fit the narrow month column; the exact amount is in the tooltip. */}
                <span style={{ fontSize: 12, whiteSpace: 'nowrap' }} title={`${formatYuan(fen)} 元`}>
                  {fen === 0 ? '' : Math.round(fen / 100).toLocaleString('zh-CN')}
                </span>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={15} align="right">
              <strong data-testid="dues-grid-total">{formatYuan(grid.totalFen)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={16} />
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
