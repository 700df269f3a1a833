import { ImportOutlined, RetweetOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { baseOf, type DuesIndex } from '../../../../shared/dues/data';
import { monthDuty } from '../../../../shared/dues/eligibility';
import { monthsOfYear } from '../../../../shared/dues/months';
import { monthlyDues } from '../../../../shared/dues/rule';
import { formatYuan } from '../../../../shared/money/fen';
import type { DuesRule, WageBase } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { YuanInput, yuanToFen } from '../../components/YuanInput';
import { errorText } from './format';
import { carryForwardBases, saveWageBases } from '../../../../shared/engine/ops/dues';
import { WageImportModal } from './WageImportModal';

interface Row {
  memberId: string;
  name: string;
  department: string;
  previous: number | null;
  current: number | null;
}

/** 工资基数 per member for one year: edit in place, 从上年结转, or 导入工资基数 from a spreadsheet. */
export function WageBaseGrid({
  index,
  wageBases,
  year,
  rule,
}: {
  index: DuesIndex;
  wageBases: readonly WageBase[];
  year: number;
  rule: DuesRule;
}) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [importing, setImporting] = useState(false);
  const carrying = useSubmit();
  const [search, setSearch] = useState('');
  const rows = useMemo(() => {
    const months = monthsOfYear(year);
    return index.timelines
      .filter((t) => months.some((m) => monthDuty(t, m).kind !== 'not-member'))
      .map((t): Row => ({
        memberId: t.member.id,
        name: t.member.name,
        department: t.member.department,
        previous: baseOf(index, t.member.id, year - 1),
        current: baseOf(index, t.member.id, year),
      }))
      .sort((a, b) => a.department.localeCompare(b.department, 'zh-Hans-CN') || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  }, [index, year]);
  const shown = search ? rows.filter((r) => r.name.includes(search) || r.department.includes(search)) : rows;
  const missing = rows.filter((r) => r.current === null).length;

  async function save(row: Row, text: string) {
    if (text.trim() === '') return;
    const fen = yuanToFen(text);
    if (fen === null) {
      message.error(`${row.name} 的工资基数“${text}”不是有效金额（元，最多两位小数）`);
      return;
    }
    // Each cell saves on its own as the user tabs through the grid; the engine bounds the amount.
    try {
      const n = await saveWageBases(store, [{ memberId: row.memberId, year, baseFen: fen }]);
      if (n > 0) message.success(`已保存 ${row.name} ${year} 年工资基数 ${formatYuan(fen)} 元`);
    } catch (error) {
      message.error(errorText(error));
    }
  }

  async function carry() {
    const n = await carryForwardBases(store, year);
    message.success(n > 0 ? `已从 ${year - 1} 年结转 ${n} 人的工资基数` : `没有需要结转的会员（${year} 年已有基数的不会被覆盖）`);
  }

  const columns: ColumnsType<Row> = [
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '部门', dataIndex: 'department', width: 140 },
    {
      title: `${year - 1}年基数`,
      dataIndex: 'previous',
      align: 'right',
      width: 120,
      render: (v: number | null) => (v === null ? '—' : formatYuan(v)),
    },
    {
      title: `${year}年基数（元）`,
      dataIndex: 'current',
      width: 160,
      render: (v: number | null, row) => (
        <YuanInput
          key={`${row.memberId}:${v ?? ''}`}
          aria-label={`${row.name}工资基数`}
          defaultValue={v === null ? undefined : formatYuan(v, { grouping: false })}
          placeholder="未填写"
          style={{ width: 140 }}
          onBlur={(e) => void save(row, e.target.value)}
          onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
        />
      ),
    },
    {
      title: '月应缴（元）',
      align: 'right',
      width: 110,
      render: (_, row) => (row.current === null ? '—' : formatYuan(monthlyDues(row.current, rule))),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<RetweetOutlined />} onClick={() => void carrying.submit(carry)} loading={carrying.busy}>
          从上年结转
        </Button>
        <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
          导入工资基数
        </Button>
        <Input.Search
          placeholder="按姓名或部门查找"
          allowClear
          onSearch={setSearch}
          onChange={(e) => !e.target.value && setSearch('')}
          style={{ width: 240 }}
        />
        <Typography.Text type={missing > 0 ? 'warning' : 'secondary'}>
          {year} 年 {rows.length} 名会员{missing > 0 ? `，${missing} 人尚未填写工资基数` : '，均已填写工资基数'}
        </Typography.Text>
      </Space>
      <Table<Row>
        size="small"
        rowKey="memberId"
        columns={columns}
        dataSource={shown}
        pagination={{ defaultPageSize: 20, showTotal: (n) => `共 ${n} 人` }}
        data-testid="wage-base-grid"
      />
      <WageImportModal
        open={importing}
        onClose={() => setImporting(false)}
        year={year}
        wageBases={wageBases}
        members={index.timelines.map((t) => t.member)}
      />
    </Space>
  );
}
