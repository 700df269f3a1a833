import { thisYear } from '../../../../shared/clock/today';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Select, Space, Statistic, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { ACTIVITY_CATEGORIES } from '../../../../shared/activities/categories';
import { summarizeActivities } from '../../../../shared/activities/summary';
import type { Activity } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { ActivityDrawer } from './ActivityDrawer';
import { useOpenParam } from '../search/useOpenParam';
import { ActivityTable } from './ActivityTable';
import { ActivityTimeline } from './ActivityTimeline';
import { removeActivity } from '../../../../shared/engine/ops/activities';
import { useActivities, useActivity, useActivityYears, useExpenseByActivity } from './queries';
import { YearSelect } from '../../components/YearSelect';

function matches(a: Activity, text: string): boolean {
  if (!text) return true;
  return [a.title, a.place, a.organiser, a.description, a.category].some((f) => f.includes(text));
}

/** 活动: what the union did this year — list, timeline, and per-category counts and person-times. */
export function ActivitiesPage() {
  const { store } = useServices();
  const { message } = App.useApp();
  const years = useActivityYears();
  const [year, setYear] = useState<number>(() => thisYear());
  const removing = useSubmit();
  const [category, setCategory] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [drawer, setDrawer] = useState<{ open: boolean; id: string | null }>({ open: false, id: null });
  const editing = useActivity(drawer.id);

  const all = useActivities(year);
  const shown = useMemo(
    () => (all ?? []).filter((a) => (!category || a.category === category) && matches(a, text.trim())),
    [all, category, text],
  );
  const expenses = useExpenseByActivity(useMemo(() => shown.map((a) => a.id), [shown]));
  const summary = useMemo(() => summarizeActivities(shown), [shown]);
  const categories = useMemo(() => [...new Set([...ACTIVITY_CATEGORIES, ...(all ?? []).map((a) => a.category)])], [all]);

  const open = (a: Activity | null) => setDrawer({ open: true, id: a?.id ?? null });
  useOpenParam('open', (id) => setDrawer({ open: true, id }));
  const remove = async (a: Activity) => {
    await removeActivity(store, a.id);
    message.success(`已删除活动“${a.title}”`);
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <YearSelect value={year} years={years ?? [year]} onChange={setYear} />
          <Select
            aria-label="类别"
            placeholder="全部类别"
            allowClear
            value={category}
            onChange={setCategory}
            options={categories.map((c) => ({ value: c, label: c }))}
            style={{ width: 180 }}
          />
          <Input.Search
            aria-label="搜索活动"
            placeholder="搜索名称、地点、内容"
            allowClear
            onChange={(e) => setText(e.target.value)}
            style={{ width: 240 }}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)}>
          新增活动
        </Button>
      </Flex>

      <Card size="small">
        <Flex vertical gap={12}>
          <Flex gap={48} wrap>
            <Statistic title="活动次数" value={summary.count} suffix="次" data-testid="activity-count" />
            <Statistic title="参加人次" value={summary.personTimes} suffix="人次" data-testid="activity-person-times" />
          </Flex>
          <Space wrap>
            {summary.byCategory.map((c) => (
              <Tag key={c.category} color="blue">
                {c.category} {c.count}次 / {c.personTimes}人次
              </Tag>
            ))}
          </Space>
        </Flex>
      </Card>

      <Tabs
        items={[
          {
            key: 'list',
            label: '活动列表',
            children: (
              <ActivityTable activities={shown} expenses={expenses} onOpen={open} onRemove={(a) => void removing.submit(() => remove(a))} />
            ),
          },
          { key: 'timeline', label: '年度时间线', children: <ActivityTimeline activities={shown} year={year} onOpen={open} /> },
        ]}
      />

      <ActivityDrawer
        activity={editing ?? null}
        open={drawer.open && (drawer.id === null || !!editing)}
        onClose={() => setDrawer({ open: false, id: null })}
        onSaved={(a) => setDrawer({ open: true, id: a.id })}
      />
    </Flex>
  );
}
