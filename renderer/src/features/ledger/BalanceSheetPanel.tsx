import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { balanceSheetBalances, computeBalanceSheet, monthEnd, type BalanceSheetColumn } from '../../../../shared/finance/balance-sheet';
import { balanceSheetXlsx } from '../../../../shared/finance/balance-sheet-xlsx';
import { formatYuan } from '../../../../shared/money/fen';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { FILTERS } from '../../platform';
import { todayIso } from '../finance/format';
import { useUnion } from '../union/queries';
import { loadLedgerBook } from './load';

type Pick = (c: BalanceSheetColumn) => number;
const LINES: [label: string, pick: Pick, bold?: boolean][] = [
  ['库存现金', (c) => c.cashFen],
  ['银行存款', (c) => c.bankFen],
  ['其他应收款', (c) => c.receivableFen],
  ['固定资产', (c) => c.fixedAssetsFen],
  ['资产合计', (c) => c.assetsFen, true],
  ['应付上级经费', (c) => c.payableFen],
  ['代管经费', (c) => c.custodyFen],
  ['负债合计', (c) => c.liabilitiesFen, true],
  ['资产基金', (c) => c.assetFundFen],
  ['工会资金结余', (c) => c.fundBalanceFen],
  ['净资产合计', (c) => c.netAssetsFen, true],
  ['负债和净资产合计', (c) => c.liabilitiesFen + c.netAssetsFen, true],
];

/** 资产负债表 at a month-end of the year (December's end is the year's), with its .xlsx. */
export function BalanceSheetPanel({ year }: { year: number }) {
  const { db, platform } = useServices();
  const { message } = App.useApp();
  const union = useUnion();
  const today = todayIso();
  const lastMonth = year < Number(today.slice(0, 4)) ? 12 : Number(today.slice(5, 7));
  const [month, setMonth] = useState<number | null>(null);
  const shown = month ?? lastMonth;
  const book = useLiveQuery(() => loadLedgerBook(db, year), [db, year]);
  const exporting = useSubmit();
  if (!book) return null;
  const sheet = computeBalanceSheet(book, monthEnd(`${year}-${String(shown).padStart(2, '0')}`));
  const save = () =>
    exporting.submit(async () => {
      const bytes = await balanceSheetXlsx(sheet, {
        unionName: union?.name ?? '',
        chair: union?.chair ?? '',
        treasurer: union?.treasurer ?? '',
        madeOn: today,
      });
      if (await platform.saveFile(`资产负债表-${sheet.label}.xlsx`, bytes, FILTERS.xlsx)) message.success('已导出');
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="月末"
          value={shown}
          style={{ width: 140 }}
          onChange={setMonth}
          options={Array.from({ length: 12 }, (_, i) => ({
            value: i + 1,
            label: i === 11 && year < Number(today.slice(0, 4)) ? `${year}年末` : `${i + 1}月末`,
          }))}
        />
        {balanceSheetBalances(sheet) ? <Tag color="green">资产 = 负债 + 净资产</Tag> : <Tag color="red">不平衡，请运行账簿检查</Tag>}
        <Button icon={<DownloadOutlined />} loading={exporting.busy} onClick={save}>
          导出资产负债表
        </Button>
      </Space>
      <Typography.Text type="secondary">
        {sheet.label}
        。固定资产的购置已计入当期支出，资产基金与固定资产原值相等；应付上级经费是收到的拨缴经费中应上缴的部分；其他应收款是尚未报销结清的借款，代管经费是代为保管的款项（如职工互助金）。
      </Typography.Text>
      <Table
        size="small"
        rowKey="label"
        pagination={false}
        data-testid="balance-sheet"
        dataSource={LINES.map(([label, pick, bold]) => ({ label, start: pick(sheet.yearStart), end: pick(sheet.end), bold }))}
        columns={[
          { title: '项目', dataIndex: 'label', render: (v: string, r) => (r.bold ? <strong>{v}</strong> : v) },
          { title: '年初数（元）', dataIndex: 'start', align: 'right', render: (v: number) => formatYuan(v) },
          { title: '期末数（元）', dataIndex: 'end', align: 'right', render: (v: number) => formatYuan(v) },
        ]}
      />
    </Space>
  );
}
