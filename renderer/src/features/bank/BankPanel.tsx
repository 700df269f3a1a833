import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { lineEffect, type BankEntry } from '../../../../shared/bank/match';
import { bankState, reconcile, reconciliationStatus, type ReconciliationState } from '../../../../shared/bank/reconcile';
import { StatementFileError } from '../../../../shared/bank/statement';
import { importBankStatement, unmatchBank, unskipBankMonth, type BankImportReport } from '../../../../shared/engine/ops/bank';
import { monthLabel } from '../../../../shared/finance/period';
import type { BankLine, BankMatch, IsoMonth } from '../../../../shared/model/records';
import { formatYuan } from '../../../../shared/money/fen';
import { useServices } from '../../app/services';
import { FILTERS } from '../../platform';
import { errorText, todayIso } from '../finance/format';
import { useUnion } from '../union/queries';
import { exportReconciliation } from './exports';
import { MatchModal } from './MatchModal';
import { useBankBook } from './queries';
import { ReconciliationCard } from './ReconciliationCard';
import { SkipModal } from './SkipModal';

const STATE_TAG: Record<ReconciliationState, { color: string; text: string }> = {
  reconciled: { color: 'green', text: '已对平' },
  unbalanced: { color: 'red', text: '不平' },
  'no-statement': { color: 'default', text: '未导入对账单' },
  skipped: { color: 'orange', text: '已跳过' },
};

function previousMonth(today: string): IsoMonth {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Months from the first statement line or bank entry to the current month, newest first. */
function monthOptions(first: string | undefined, today: string): IsoMonth[] {
  const out: IsoMonth[] = [];
  let [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const stop = first ?? previousMonth(today);
  for (let i = 0; i < 240; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month <= stop.slice(0, 7)) break;
    [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  }
  return out;
}

type ImportStage = { percent: number; text: string } | null;

/** 银行对账: import the bank's statement, see what matched and what did not, match by hand, the 调节表. */
export function BankPanel() {
  const { store, platform } = useServices();
  const { message } = App.useApp();
  const book = useBankBook();
  const union = useUnion();
  const today = todayIso();
  const [chosenMonth, setMonth] = useState<IsoMonth | null>(null);
  const [stage, setStage] = useState<ImportStage>(null);
  const [problems, setProblems] = useState<{ file: string; list: readonly string[] } | null>(null);
  const [report, setReport] = useState<BankImportReport | null>(null);
  const [matching, setMatching] = useState<BankLine | null>(null);
  const [skipping, setSkipping] = useState(false);

  const state = useMemo(() => (book ? bankState(book) : null), [book]);
  const month = chosenMonth ?? previousMonth(today);
  const reconciliation = useMemo(() => (book ? reconcile(book, month) : null), [book, month]);
  const status = useMemo(() => (book ? reconciliationStatus(book, month) : null), [book, month]);
  if (!book || !state || !reconciliation || !status) return <Spin />;

  const firstDate = [state.lines[0]?.date, state.entries[0]?.transaction.date].filter((d): d is string => !!d).sort()[0];
  const months = monthOptions(firstDate, today);
  const start = state.lines[0]?.date;
  const openLines = state.lines.filter((l) => !state.lineOf.has(l.id));
  const openEntries = state.entries.filter((e) => !state.entryOf.has(e.transaction.id));
  const shownEntries = start ? openEntries.filter((e) => e.transaction.date >= start) : [];
  const lineById = new Map(state.lines.map((l) => [l.id, l]));
  const entryById = new Map(state.entries.map((e) => [e.transaction.id, e]));

  async function importFile() {
    const file = await platform.openFile(FILTERS.spreadsheet);
    if (!file) return;
    setProblems(null);
    setReport(null);
    setStage({ percent: 30, text: `正在读取 ${file.name}…` });
    try {
      // The engine reads the file and writes the lines and matches in one step; the bar shows the stages.
      const done = importBankStatement(store, file.name, file.data);
      setStage({ percent: 70, text: '正在导入并自动勾对…' });
      const result = await done;
      setStage({ percent: 100, text: '导入完成' });
      setReport(result);
    } catch (error) {
      setProblems({ file: file.name, list: error instanceof StatementFileError ? error.problems : [errorText(error)] });
    } finally {
      setStage(null);
    }
  }

  async function unmatch(lineId: string) {
    try {
      await unmatchBank(store, { lineId });
      message.success('已取消勾对');
    } catch (error) {
      message.error(errorText(error));
    }
  }

  async function exportFile() {
    try {
      if (await exportReconciliation(platform, book!, month, union ?? null)) message.success('已导出');
    } catch (error) {
      message.error(`导出失败：${errorText(error)}`);
    }
  }

  const skipped = status.state === 'skipped';
  const tag = STATE_TAG[status.state];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="bank-panel">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Typography.Text>对账月份</Typography.Text>
          <Select
            aria-label="对账月份"
            value={month}
            style={{ width: 140 }}
            onChange={setMonth}
            options={months.map((m) => ({ value: m, label: monthLabel(m) }))}
          />
          <Tag color={tag.color} data-testid="reconciliation-state">
            {tag.text}
          </Tag>
        </Space>
        <Space>
          {skipped ? (
            <Button onClick={() => unskipBankMonth(store, month).catch((e: unknown) => message.error(errorText(e)))}>取消跳过</Button>
          ) : (
            status.state !== 'reconciled' && <Button onClick={() => setSkipping(true)}>跳过本月对账</Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={exportFile}>
            导出调节表
          </Button>
          <Button type="primary" icon={<UploadOutlined />} onClick={importFile} loading={stage !== null}>
            导入对账单
          </Button>
        </Space>
      </Space>
      <Typography.Text type="secondary">
        {status.message}。对账单可直接导入网银导出的 .xlsx 或 .csv（收入/支出或借方/贷方、余额列）。
      </Typography.Text>
      {stage && <Progress percent={stage.percent} status="active" format={() => stage.text} />}
      {problems && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblems(null)}
          title={`对账单 ${problems.file} 未导入：请改正后重新导入`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="import-problems">
              {problems.list.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {report && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setReport(null)}
          data-testid="import-report"
          title={`已导入 ${report.fileName}：新增 ${report.imported} 行（已导入过 ${report.duplicates} 行），自动勾对 ${report.matched} 笔`}
          description={
            <>
              对账单未勾对 {report.unmatchedLines.length} 行，日记账未勾对 {report.unmatchedEntries.length} 笔。
              {report.warnings.map((w) => (
                <div key={w}>注意：{w}</div>
              ))}
            </>
          }
        />
      )}
      <ReconciliationCard r={reconciliation} />
      <Tabs
        items={[
          {
            key: 'lines',
            label: `对账单未勾对（${openLines.length}）`,
            children: (
              <Table<BankLine>
                size="small"
                rowKey="id"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={openLines}
                locale={{ emptyText: state.lines.length ? '对账单的每一行都已勾对' : '尚未导入对账单' }}
                columns={[
                  { title: '日期', dataIndex: 'date', width: 110 },
                  { title: '摘要', dataIndex: 'summary' },
                  { title: '金额（元）', key: 'amount', align: 'right', width: 130, render: (_, l) => formatYuan(lineEffect(l)) },
                  { title: '余额（元）', dataIndex: 'balanceFen', align: 'right', width: 130, render: (v: number) => formatYuan(v) },
                  { title: '行号', dataIndex: 'rowNumber', width: 70 },
                  {
                    title: '',
                    key: 'act',
                    width: 90,
                    render: (_, l) => (
                      <Button size="small" onClick={() => setMatching(l)}>
                        勾对
                      </Button>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'entries',
            label: `日记账未勾对（${shownEntries.length}）`,
            children: (
              <Table<BankEntry>
                size="small"
                rowKey={(e) => e.transaction.id}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={shownEntries}
                locale={{ emptyText: start ? '对账单开始以来的银行存款记录都已勾对' : '尚未导入对账单' }}
                columns={[
                  { title: '日期', key: 'date', width: 110, render: (_, e) => e.transaction.date },
                  { title: '凭证号', key: 'voucher', width: 90, render: (_, e) => e.transaction.voucherNumber },
                  { title: '摘要', key: 'summary', render: (_, e) => e.transaction.summary },
                  { title: '金额（元）', key: 'amount', align: 'right', width: 130, render: (_, e) => formatYuan(e.effectFen) },
                ]}
              />
            ),
          },
          {
            key: 'matched',
            label: `已勾对（${state.matches.length}）`,
            children: (
              <Table<BankMatch>
                size="small"
                rowKey="id"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={state.matches}
                columns={[
                  { title: '对账单日期', key: 'ld', width: 110, render: (_, m) => lineById.get(m.lineId)?.date },
                  { title: '对账单摘要', key: 'ls', render: (_, m) => lineById.get(m.lineId)?.summary },
                  {
                    title: '金额（元）',
                    key: 'amount',
                    align: 'right',
                    width: 120,
                    render: (_, m) => formatYuan(lineEffect(lineById.get(m.lineId)!)),
                  },
                  {
                    title: '日记账',
                    key: 'entry',
                    render: (_, m) => {
                      const t = entryById.get(m.transactionId)?.transaction;
                      return t ? `${t.voucherNumber} ${t.date} ${t.summary}` : '';
                    },
                  },
                  { title: '方式', dataIndex: 'kind', width: 70, render: (k: BankMatch['kind']) => (k === 'auto' ? '自动' : '手工') },
                  {
                    title: '',
                    key: 'act',
                    width: 100,
                    render: (_, m) => (
                      <Button size="small" onClick={() => unmatch(m.lineId)}>
                        取消勾对
                      </Button>
                    ),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <MatchModal line={matching} entries={openEntries} onClose={() => setMatching(null)} />
      <SkipModal month={month} open={skipping} onClose={() => setSkipping(false)} />
    </Space>
  );
}
