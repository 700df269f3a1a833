import { Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { YearSelect } from '../../components/YearSelect';
import { useFinanceYears } from '../finance/queries';
import { todayIso } from '../finance/format';
import { AllocationPanel } from './AllocationPanel';
import { AssetsPanel } from './AssetsPanel';
import { AuditPanel } from './AuditPanel';
import { BalanceSheetPanel } from './BalanceSheetPanel';
import { BudgetSheetPanel } from './BudgetSheetPanel';
import { CloseThroughPanel } from './CloseThroughPanel';
import { VouchersPanel } from './VouchersPanel';

/** 账表: the balance sheet, 结账至, 拨缴经费, the fixed-asset register, the vouchers of a month, next year's 预算表 and the 经费审查. */
export function LedgerPage() {
  const thisYear = Number(todayIso().slice(0, 4));
  const years = useFinanceYears(thisYear);
  const [chosen, setYear] = useState<number | null>(null);
  const year = chosen ?? years[0] ?? thisYear;
  // The tab is in the address so that 概览's to-dos can open 结账至 directly.
  const [params, setParams] = useSearchParams();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space className="no-print">
        <Typography.Title level={3} style={{ margin: 0 }}>
          账表
        </Typography.Title>
        <YearSelect value={year} years={years} onChange={setYear} />
      </Space>
      <Tabs
        activeKey={params.get('tab') ?? 'balance-sheet'}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'balance-sheet', label: '资产负债表', children: <BalanceSheetPanel year={year} /> },
          { key: 'close', label: '结账至', children: <CloseThroughPanel year={year} /> },
          { key: 'allocation', label: '拨缴经费', children: <AllocationPanel /> },
          { key: 'assets', label: '固定资产', children: <AssetsPanel year={year} /> },
          { key: 'vouchers', label: '记账凭证', children: <VouchersPanel year={year} /> },
          { key: 'budget', label: `${year + 1}年预算表`, children: <BudgetSheetPanel year={year} /> },
          { key: 'audit', label: '经费审查', children: <AuditPanel year={year} /> },
        ]}
      />
    </Space>
  );
}
