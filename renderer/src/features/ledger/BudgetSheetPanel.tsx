import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { setBudgets } from '../../../../shared/engine/ops/periods';
import { budgetTable, type BudgetTable, type BudgetTableLine } from '../../../../shared/finance/budget-table';
import { budgetXlsx } from '../../../../shared/finance/budget-xlsx';
import { formatYuan } from '../../../../shared/money/fen';
import type { Budget } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { YuanInput, yuanToFen } from '../../components/YuanInput';
import { FILTERS } from '../../platform';
import { todayIso } from '../finance/format';
import { useUnion } from '../union/queries';
import { loadBudgetBook } from './load';

type Row =
  | { kind: 'line'; line: BudgetTableLine; byParts: boolean }
  | { kind: 'total'; label: string; lastYearFen: number; section: 'income' | 'expense' };

const plain = (fen: number) => formatYuan(fen, { grouping: false });

/** Accounts whose budget is kept on sub-accounts (set in 收支 → 预算): shown, not edited here. */
function keptByParts(budgets: readonly Budget[], code: string): boolean {
  return budgets.some((b) => b.deleted === 0 && b.accountCode !== code && b.accountCode.startsWith(code));
}

/**
 * 工会经费收支预算表 for the year after `year`: every top-level account prefilled from this year's
 * actuals (or the budget already set), edited per account, saved in one step through the engine
 * (which names the account of any line it refuses and then writes nothing), and exported as the
 * command line exports it.
 */
export function BudgetSheetPanel({ year }: { year: number }) {
  const next = year + 1;
  const { db, store, platform } = useServices();
  const { message } = App.useApp();
  const union = useUnion();
  const book = useLiveQuery(() => loadBudgetBook(db, next), [db, next]);
  const table = useMemo(() => (book ? budgetTable(book, next) : null), [book, next]);
  const [form] = Form.useForm<Record<string, string>>();
  const values = Form.useWatch([], form) as Record<string, string> | undefined;
  const saving = useSubmit({ form });
  const exporting = useSubmit();
  // After a save (or a sync) the form shows the saved figures again.
  const savedKey = book?.budgets.map((b) => `${b.id}:${b.accountCode}=${b.amountFen}/${b.deleted}`).join(',');
  useEffect(() => form.resetFields(), [form, next, savedKey]);
  if (!book || !table) return null;

  const lines = [...table.income, ...table.expense];
  const editable = lines.filter((l) => !keptByParts(book.budgets, l.code));
  const initial = Object.fromEntries(editable.map((l) => [l.code, plain(l.budgetFen)]));
  const draftFen = (l: BudgetTableLine): number | null =>
    keptByParts(book.budgets, l.code) ? l.budgetFen : yuanToFen(values?.[l.code] ?? initial[l.code] ?? '');
  const sectionTotal = (section: BudgetTableLine[]) => section.reduce((s, l) => s + (draftFen(l) ?? 0), 0);

  const save = () =>
    saving.submit(async (v: Record<string, string>) => {
      const entries = editable
        .map((l) => ({ accountCode: l.code, amountFen: yuanToFen(v[l.code] ?? ''), stored: !l.prefilled }))
        // an unused account with no budget stays without a row
        .filter((e) => e.stored || e.amountFen !== 0)
        .map(({ accountCode, amountFen }) => ({ accountCode, amountFen }));
      await setBudgets(store, next, entries);
      message.success(`${next}年预算已保存`);
    });

  const exportXlsx = (t: BudgetTable) =>
    exporting.submit(async () => {
      const bytes = await budgetXlsx(t, {
        unionName: union?.name ?? '',
        chair: union?.chair ?? '',
        treasurer: union?.treasurer ?? '',
        madeOn: todayIso(),
      });
      if (await platform.saveFile(`${next}年工会经费收支预算表.xlsx`, bytes, FILTERS.xlsx)) message.success('已导出');
    });

  const rows = (section: 'income' | 'expense', ls: BudgetTableLine[]): Row[] => [
    {
      kind: 'total',
      section,
      label: section === 'income' ? '一、收入合计' : '二、支出合计',
      lastYearFen: ls.reduce((s, l) => s + l.lastYearFen, 0),
    },
    ...ls.map((line): Row => ({ kind: 'line', line, byParts: keptByParts(book.budgets, line.code) })),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<SaveOutlined />} loading={saving.busy} onClick={() => void save()}>
          保存{next}年预算
        </Button>
        <Button icon={<DownloadOutlined />} loading={exporting.busy} onClick={() => void exportXlsx(table)}>
          导出预算表
        </Button>
      </Space>
      <Typography.Text type="secondary">
        {next}年预算数未编制的科目按{year}年实际数预填，逐项修改后保存；导出的是已保存的预算表。按明细科目编制的预算请在“收支 →
        预算”中修改。
      </Typography.Text>
      <Form form={form} initialValues={initial} component={false}>
        <Table<Row>
          size="small"
          pagination={false}
          data-testid="budget-sheet"
          rowKey={(r) => (r.kind === 'line' ? r.line.code : r.label)}
          dataSource={[...rows('income', table.income), ...rows('expense', table.expense)]}
          columns={[
            {
              title: '项目',
              render: (_, r) =>
                r.kind === 'total' ? (
                  <strong>{r.label}</strong>
                ) : (
                  <Space size={4}>
                    <span>
                      {r.line.code} {r.line.name}
                    </span>
                    {r.line.prefilled && r.line.budgetFen !== 0 && <Tag>按{year}年实际预填</Tag>}
                  </Space>
                ),
            },
            {
              title: `${year}年实际数（元）`,
              align: 'right',
              width: 170,
              render: (_, r) => formatYuan(r.kind === 'total' ? r.lastYearFen : r.line.lastYearFen),
            },
            {
              title: `${next}年预算数（元）`,
              width: 220,
              render: (_, r) => {
                if (r.kind === 'total')
                  return <strong>{formatYuan(sectionTotal(r.section === 'income' ? table.income : table.expense))}</strong>;
                if (r.byParts) return <Typography.Text>{formatYuan(r.line.budgetFen)}（按明细科目）</Typography.Text>;
                return (
                  <Form.Item name={r.line.code} style={{ margin: 0 }}>
                    <YuanInput aria-label={`${r.line.code} ${r.line.name} ${next}年预算数`} style={{ width: 180 }} />
                  </Form.Item>
                );
              },
            },
            {
              title: '增减（元）',
              align: 'right',
              width: 150,
              render: (_, r) => {
                if (r.kind === 'total') return null;
                const fen = draftFen(r.line);
                return fen === null ? '—' : formatYuan(fen - r.line.lastYearFen);
              },
            },
          ]}
        />
      </Form>
    </Space>
  );
}
