import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Empty, Select, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatDate } from '../../../../shared/engine/rules/dates';
import { compareEntries } from '../../../../shared/finance/journal';
import { voucherOf, type Voucher } from '../../../../shared/finance/voucher-lines';
import { vouchersXlsx } from '../../../../shared/finance/vouchers-xlsx';
import { formatYuan } from '../../../../shared/money/fen';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { FILTERS } from '../../platform';
import { todayIso } from '../finance/format';
import { useUnion } from '../union/queries';
import './vouchers.css';

const money = (fen: number) => (fen === 0 ? '' : formatYuan(fen));

function VoucherSheet({ v, unionName, accountant }: { v: Voucher; unionName: string; accountant: string }) {
  const rows = [...v.lines, ...Array.from({ length: Math.max(0, 4 - v.lines.length) }, () => null)];
  return (
    <div className="voucher" data-testid="voucher">
      <div className="voucher-title">记账凭证</div>
      <div className="voucher-info">
        <span>核算单位：{unionName}</span>
        <span>{formatDate(v.date)}</span>
        <span>记字第 {v.number.replace(/^记-/, '')} 号</span>
      </div>
      <div className="voucher-body">
        <table>
          <thead>
            <tr>
              <th>摘要</th>
              <th>总账科目</th>
              <th>明细科目</th>
              <th>借方金额</th>
              <th>贷方金额</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l, i) => (
              <tr key={i}>
                <td>{l && i === 0 ? l.summary : ''}</td>
                <td>{l?.account ?? ''}</td>
                <td>{l?.subAccount ?? ''}</td>
                <td className="amount">{l ? money(l.debitFen) : ''}</td>
                <td className="amount">{l ? money(l.creditFen) : ''}</td>
              </tr>
            ))}
            <tr className="total">
              <td colSpan={3}>合计</td>
              <td className="amount">{formatYuan(v.debitTotalFen)}</td>
              <td className="amount">{formatYuan(v.creditTotalFen)}</td>
            </tr>
          </tbody>
        </table>
        <div className="voucher-attach">
          附单据
          <br />
          {v.attachments} 张
        </div>
      </div>
      <div className="voucher-signs">
        <span>会计：{accountant}</span>
        <span>出纳：</span>
        <span>审核：</span>
        <span>制单：</span>
      </div>
    </div>
  );
}

/** 记账凭证 of a month: a print preview, two vouchers to an A4 page, printed as shown; or the .xlsx. */
export function VouchersPanel({ year }: { year: number }) {
  const { db, platform } = useServices();
  const { message } = App.useApp();
  const union = useUnion();
  const today = todayIso();
  const [month, setMonth] = useState<number | null>(null);
  const shown = month ?? (year < Number(today.slice(0, 4)) ? 12 : Number(today.slice(5, 7)));
  const key = `${year}-${String(shown).padStart(2, '0')}`;
  const vouchers = useLiveQuery(
    async () =>
      (await db.transactions.where('date').between(`${key}-01`, `${key}-31`, true, true).toArray())
        .filter((t) => t.deleted === 0)
        .sort(compareEntries)
        .map(voucherOf),
    [db, key],
  );
  const exporting = useSubmit();
  if (!vouchers) return null;
  const unionName = union?.name ?? '';
  const accountant = union?.treasurer ?? '';
  const pages: Voucher[][] = [];
  for (let i = 0; i < vouchers.length; i += 2) pages.push(vouchers.slice(i, i + 2));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap className="no-print">
        <Select
          aria-label="凭证月份"
          value={shown}
          style={{ width: 120 }}
          onChange={setMonth}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${year}年${i + 1}月` }))}
        />
        <Button icon={<PrinterOutlined />} disabled={vouchers.length === 0} onClick={() => window.print()}>
          打印凭证
        </Button>
        <Button
          icon={<DownloadOutlined />}
          disabled={vouchers.length === 0}
          loading={exporting.busy}
          onClick={() =>
            exporting.submit(async () => {
              const bytes = await vouchersXlsx(vouchers, { unionName, accountant, cashier: '', reviewer: '' });
              if (await platform.saveFile(`记账凭证-${key}.xlsx`, bytes, FILTERS.xlsx)) message.success('已导出');
            })
          }
        >
          导出凭证（.xlsx）
        </Button>
        <span>
          共 {vouchers.length} 张凭证，{pages.length} 页
        </span>
      </Space>
      {vouchers.length === 0 ? (
        <Empty description={`${year}年${shown}月没有凭证`} />
      ) : (
        <div className="voucher-pages print-area">
          {pages.map((page, i) => (
            <div className="voucher-page" key={i} data-testid="voucher-page">
              {page.map((v) => (
                <VoucherSheet key={v.number} v={v} unionName={unionName} accountant={accountant} />
              ))}
            </div>
          ))}
        </div>
      )}
    </Space>
  );
}
