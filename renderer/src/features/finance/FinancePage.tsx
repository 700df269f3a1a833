import { DownloadOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Spin, Statistic, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { totalOf } from '../../../../shared/finance/balances';
import { journalOfYear } from '../../../../shared/finance/journal';
import type { Period } from '../../../../shared/finance/period';
import { isTransfer } from '../../../../shared/finance/effect';
import { nextVoucherNumber } from '../../../../shared/finance/vouchers';
import { formatYuan } from '../../../../shared/money/fen';
import type { Transaction } from '../../../../shared/model/records';
import { useSearchParams } from 'react-router';
import { useServices } from '../../app/services';
import { useOpenParam } from '../search/useOpenParam';
import { useUnion } from '../union/queries';
import { BankPanel } from '../bank/BankPanel';
import { BudgetPanel } from './BudgetPanel';
import { ClosePanel } from './ClosePanel';
import { EntryModal } from './EntryModal';
import { GrantsCard } from './GrantsCard';
import { exportJournal, exportStatement } from './exports';
import { useSubmit } from '../../components/useSubmit';
import { todayIso } from './format';
import { JournalTable } from './JournalTable';
import { OpeningPanel } from './OpeningPanel';
import { yearBook } from './load';
import { useBooksStart, useBudgets, useFinanceYears, useMonthCloses, useReversals, useYearEntries, useYearOpening } from './queries';
import { ReverseModal } from './ReverseModal';
import { StatementView } from './StatementView';
import { TransferModal } from './TransferModal';
import { VoucherModal } from './VoucherModal';
import { YearSelect } from '../../components/YearSelect';
import { PrintButton } from '../../components/print/PrintButton';

/** 收支: the journal, entries, reversals, month close, opening balances, budgets and the 收入支出表. */
export function FinancePage() {
  const { db, platform } = useServices();
  const { message } = App.useApp();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const years = useFinanceYears(thisYear);
  const [chosenYear, setYear] = useState<number | null>(null);
  // Opens on the current year (or a later one that already has entries), as a treasurer works in the current year.
  const year = chosenYear ?? years[0] ?? thisYear;
  const opening = useYearOpening(year);
  const entries = useYearEntries(year);
  const book = useMemo(
    () => (opening && entries ? yearBook(year, opening.balances, entries, opening.grants, opening.owed) : undefined),
    [opening, entries, year],
  );
  const closes = useMonthCloses();
  const budgets = useBudgets(year);
  const union = useUnion();
  const journal = useMemo(() => (book ? journalOfYear(book, year) : null), [book, year]);
  const reversals = useReversals();
  const start = useBooksStart();
  const [entry, setEntry] = useState<{ open: boolean; editing: Transaction | null }>({ open: false, editing: null });
  const [transfer, setTransfer] = useState<{ open: boolean; editing: Transaction | null }>({ open: false, editing: null });
  const [reversing, setReversing] = useState<Transaction | null>(null);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'journal';
  const [viewing, setViewing] = useState<Transaction | null>(null);
  // Search opens a voucher: its year, the journal, and the voucher itself.
  useOpenParam('voucher', (id) => {
    void db.transactions.get(id).then((t) => {
      if (!t || t.deleted !== 0) return;
      setYear(Number(t.date.slice(0, 4)));
      setParams({ tab: 'journal' }, { replace: true });
      setViewing(t);
    });
  });
  const editEntry = (t: Transaction) => (isTransfer(t) ? setTransfer({ open: true, editing: t }) : setEntry({ open: true, editing: t }));

  // Only the shown year's entries are loaded; for another year the number is given on saving.
  const nextVoucher = (y: number) => (y === year ? nextVoucherNumber((book?.transactions ?? []).map((t) => t.voucherNumber)) : '');

  const exporting = useSubmit();
  const save = (run: () => Promise<boolean>) =>
    exporting.submit(async () => {
      if (await run()) message.success('已导出');
    });

  if (!book || !journal || !closes || !opening || !reversals || start === undefined) return <Spin />;
  const startsThisYear = start !== null && start.month.startsWith(`${year}-`);
  const defaultDate = year === thisYear ? today : `${year}-12-31`;
  const exportStmt = (p: Period) => save(() => exportStatement(platform, book, p, union ?? null));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }}>
            收支
          </Typography.Title>
          <YearSelect value={year} years={years} onChange={setYear} />
        </Space>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting.busy}
            onClick={() => save(() => exportJournal(platform, book, year, union ?? null))}
          >
            导出收支明细账
          </Button>
          <PrintButton />
          <Button icon={<SwapOutlined />} onClick={() => setTransfer({ open: true, editing: null })}>
            提现/存现
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntry({ open: true, editing: null })}>
            记一笔
          </Button>
        </Space>
      </Space>
      <Row gutter={12}>
        {[
          [startsThisYear ? '开账余额' : '上年结余', totalOf(journal.opening), 'balance-opening'],
          ['库存现金', journal.closing.cashFen, 'balance-cash'],
          ['银行存款', journal.closing.bankFen, 'balance-bank'],
          ['结余合计', totalOf(journal.closing), 'balance-total'],
        ].map(([label, fen, id]) => (
          <Col span={6} key={id as string}>
            <Card size="small">
              <Statistic
                title={`${label as string}（元）`}
                value={formatYuan(fen as number)}
                styles={{ content: { color: (fen as number) < 0 ? '#cf1322' : undefined } }}
                data-testid={id as string}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <GrantsCard transactions={book.transactions} year={year} carried={opening.grants} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          {
            key: 'journal',
            label: '明细账',
            children: <JournalTable journal={journal} closes={closes} reversals={reversals} onEdit={editEntry} onReverse={setReversing} />,
          },
          { key: 'statement', label: '收入支出表', children: <StatementView book={book} year={year} onExport={exportStmt} /> },
          { key: 'bank', label: '银行对账', children: <BankPanel /> },
          { key: 'budget', label: '预算', children: <BudgetPanel year={year} budgets={budgets ?? []} transactions={book.transactions} /> },
          {
            key: 'close',
            label: '开账、结账与年初结余',
            children: (
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                <OpeningPanel year={year} opening={opening} start={start} />
                <ClosePanel year={year} closes={closes} booksStart={start?.month ?? null} />
              </Space>
            ),
          },
        ]}
      />
      <EntryModal
        open={entry.open}
        editing={entry.editing}
        defaultDate={defaultDate}
        nextVoucher={nextVoucher}
        onClose={() => setEntry({ open: false, editing: null })}
      />
      <TransferModal
        open={transfer.open}
        editing={transfer.editing}
        defaultDate={defaultDate}
        onClose={() => setTransfer({ open: false, editing: null })}
      />
      <ReverseModal target={reversing} onClose={() => setReversing(null)} />
      <VoucherModal
        voucher={viewing}
        closes={closes}
        reversals={reversals}
        onClose={() => setViewing(null)}
        onEdit={(t) => {
          setViewing(null);
          editEntry(t);
        }}
        onReverse={(t) => {
          setViewing(null);
          setReversing(t);
        }}
      />
    </Space>
  );
}
