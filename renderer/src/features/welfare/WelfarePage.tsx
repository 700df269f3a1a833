import { thisYear } from '../../../../shared/clock/today';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { resolvePreset } from '../../../../shared/limits/presets';
import { formatYuan } from '../../../../shared/money/fen';
import type { WelfareKind, WelfareVisit } from '../../../../shared/model/records';
import { WELFARE_KINDS } from '../../../../shared/welfare/kinds';
import { summarizeWelfare } from '../../../../shared/welfare/summary';
import { useRoster } from '../activities/queries';
import { useServices } from '../../app/services';
import { useUnion } from '../union/queries';
import { useLinkedTransactions, useWelfare, useWelfareYears } from './queries';
import { ReverseWelfareModal } from './ReverseWelfareModal';
import { WelfareDrawer } from './WelfareDrawer';
import { useOpenParam } from '../search/useOpenParam';
import { WelfareTable } from './WelfareTable';
import { YearSelect } from '../../components/YearSelect';

/** 慰问: who the union cared for, with totals; each visit with money is paired with its expense in 收支. */
export function WelfarePage() {
  const { db } = useServices();
  const union = useUnion();
  const roster = useRoster();
  const years = useWelfareYears();
  const [year, setYear] = useState(() => thisYear());
  const [kind, setKind] = useState<WelfareKind | undefined>();
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ open: boolean; visit: WelfareVisit | null }>({ open: false, visit: null });
  const [reversing, setReversing] = useState<WelfareVisit | null>(null);

  useOpenParam('open', (id) => {
    void db.welfare.get(id).then((visit) => {
      if (!visit || visit.deleted !== 0) return;
      setYear(Number(visit.date.slice(0, 4)));
      setEditing({ open: true, visit });
    });
  });

  const all = useWelfare(year);
  const names = useMemo(() => new Map((roster ?? []).map((m) => [m.id, m.name])), [roster]);
  const shown = useMemo(() => {
    const q = text.trim();
    return (all ?? []).filter((v) => (!kind || v.kind === kind) && (!q || (names.get(v.memberId) ?? '').includes(q) || v.note.includes(q)));
  }, [all, kind, text, names]);
  const linked = useLinkedTransactions(useMemo(() => shown.map((v) => v.transactionId), [shown]));
  const summary = useMemo(() => summarizeWelfare(shown), [shown]);

  if (!union) return <Spin />;
  const preset = resolvePreset(union.spendingPreset, union.spendingLimits);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <YearSelect value={year} years={years ?? [year]} onChange={setYear} />
          <Select
            aria-label="慰问类别"
            placeholder="全部类别"
            allowClear
            value={kind}
            onChange={setKind}
            options={WELFARE_KINDS.map((k) => ({ value: k, label: k }))}
            style={{ width: 140 }}
          />
          <Input.Search
            aria-label="搜索慰问"
            placeholder="搜索会员姓名、备注"
            allowClear
            onChange={(e) => setText(e.target.value)}
            style={{ width: 220 }}
          />
        </Space>
        <Space>
          <Typography.Text type="secondary">开支标准：{preset.name}</Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, visit: null })}>
            登记慰问
          </Button>
        </Space>
      </Flex>

      <Card size="small">
        <Flex vertical gap={12}>
          <Flex gap={48} wrap>
            <Statistic title="慰问次数" value={summary.count} suffix="次" data-testid="welfare-count" />
            <Statistic title="慰问人数" value={summary.people} suffix="人" />
            <Statistic title="慰问金额" value={formatYuan(summary.totalFen)} suffix="元" data-testid="welfare-total" />
          </Flex>
          <Space wrap>
            {summary.byKind.map((k) => (
              <Tag key={k.kind} color="orange">
                {k.kind} {k.count}次 {formatYuan(k.totalFen)}元
              </Tag>
            ))}
          </Space>
        </Flex>
      </Card>

      <WelfareTable
        visits={shown}
        names={names}
        linked={linked}
        onEdit={(v) => setEditing({ open: true, visit: v })}
        onReverse={setReversing}
      />

      <WelfareDrawer
        visit={editing.visit}
        place={editing.visit ? linked?.get(editing.visit.transactionId)?.place : undefined}
        union={union}
        open={editing.open}
        onClose={() => setEditing({ open: false, visit: null })}
      />
      <ReverseWelfareModal
        visit={reversing}
        memberName={reversing ? (names.get(reversing.memberId) ?? '') : ''}
        onClose={() => setReversing(null)}
      />
    </Flex>
  );
}
