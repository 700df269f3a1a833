import { CheckCircleTwoTone, CloseCircleTwoTone, MinusCircleTwoTone } from '@ant-design/icons';
import { App, Button, Checkbox, List, Select, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { closeThrough } from '../../../../shared/engine/ops/periods';
import { booksStartMonth } from '../../../../shared/finance/books-start';
import { closeChecklist, openMonthsThrough } from '../../../../shared/finance/close-checklist';
import { monthLabel } from '../../../../shared/finance/period';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { todayIso } from '../finance/format';

/** 结账至: pick a month, read the check list, close every open month up to it in one step. */
export function CloseThroughPanel({ year }: { year: number }) {
  const { db, store } = useServices();
  const { message } = App.useApp();
  const today = todayIso();
  const lastClosable = year < Number(today.slice(0, 4)) ? 12 : Number(today.slice(5, 7)) - 1;
  const [month, setMonth] = useState<number | null>(null);
  const [skipBank, setSkipBank] = useState(false);
  const to = `${year}-${String(month ?? Math.max(lastClosable, 1)).padStart(2, '0')}`;
  const data = useLiveQuery(async () => {
    const [monthCloses, openingBalances, transactions, duesPayments, bankLines, bankMatches, bankSkips] = await Promise.all([
      db.monthCloses.toArray(),
      db.openingBalances.toArray(),
      db.transactions.toArray(),
      db.duesPayments.toArray(),
      db.bankLines.toArray(),
      db.bankMatches.toArray(),
      db.bankSkips.toArray(),
    ]);
    return { monthCloses, openingBalances, transactions, duesPayments, bankLines, bankMatches, bankSkips };
  }, [db]);
  const preview = useMemo(() => {
    if (!data) return undefined;
    const months = openMonthsThrough(to, data.monthCloses, booksStartMonth(data.openingBalances), data.transactions);
    if (months.length === 0) return `${monthLabel(to)}及以前的月份都已结账`;
    return { months, checks: closeChecklist(data, months, { skipBank }) };
  }, [data, to, skipBank]);
  const closing = useSubmit();
  if (lastClosable < 1) return <Typography.Text type="secondary">{year}年还没有可以结账的月份。</Typography.Text>;
  const blocked = typeof preview !== 'object' || preview.checks.some((c) => !c.ok && !c.skipped);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>结账至</span>
        <Select
          aria-label="结账至"
          value={Number(to.slice(5, 7))}
          style={{ width: 120 }}
          onChange={setMonth}
          options={Array.from({ length: lastClosable }, (_, i) => ({ value: i + 1, label: `${year}年${i + 1}月` }))}
        />
        <Checkbox checked={skipBank} onChange={(e) => setSkipBank(e.target.checked)}>
          本次不做银行对账
        </Checkbox>
      </Space>
      {typeof preview === 'string' ? (
        <Typography.Text type="secondary">{preview}</Typography.Text>
      ) : preview ? (
        <>
          <Typography.Text>
            将结账：{monthLabel(preview.months[0]!)}
            {preview.months.length > 1 ? `至${monthLabel(preview.months[preview.months.length - 1]!)}` : ''}（共 {preview.months.length}{' '}
            个月）
          </Typography.Text>
          <List
            size="small"
            bordered
            data-testid="close-checklist"
            dataSource={preview.checks}
            renderItem={(c) => (
              <List.Item>
                <Space>
                  {c.ok ? (
                    <CheckCircleTwoTone twoToneColor="#52c41a" />
                  ) : c.skipped ? (
                    <MinusCircleTwoTone twoToneColor="#faad14" />
                  ) : (
                    <CloseCircleTwoTone twoToneColor="#cf1322" />
                  )}
                  <strong>{c.label}</strong>
                  <Typography.Text type="secondary">
                    {c.detail}
                    {c.skipped ? '（本次跳过）' : ''}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      ) : null}
      <Button
        type="primary"
        disabled={blocked}
        loading={closing.busy}
        onClick={() =>
          closing.submit(async () => {
            const done = await closeThrough(store, to, { skipBank });
            message.success(`已结账 ${done.months.length} 个月，至${monthLabel(to)}`);
          })
        }
      >
        结账至{monthLabel(to)}
      </Button>
    </Space>
  );
}
