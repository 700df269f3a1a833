import { DownloadOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Spin, Statistic, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { buildYearGrid, formatRate } from '../../../../shared/dues/grid';
import { dueThrough } from '../../../../shared/dues/overdue';
import { buildReceipt, type DuesReceipt } from '../../../../shared/dues/receipt';
import { formatYuan } from '../../../../shared/money/fen';
import type { DuesPayment } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { useUnion } from '../union/queries';
import { useArrearsContext, usePageArrears } from './arrears-hooks';
import { ArrearsList } from './ArrearsList';
import { exportLedger } from './exports';
import { MonthlyBars } from './MonthlyBars';
import { PaymentsTable } from './PaymentsTable';
import { PostMonthModal } from './PostMonthModal';
import { todayIso, useDuesAgreement, useDuesIndex } from './queries';
import { ReceiptModal } from './ReceiptModal';
import { ReversePaymentModal } from './ReversePaymentModal';
import { SinglePaymentModal } from './SinglePaymentModal';
import { WageBaseGrid } from './WageBaseGrid';
import { YearGridTable } from './YearGridTable';
import { YearSelect } from '../../components/YearSelect';
import { PrintButton, PrintTitle } from '../../components/print/PrintButton';

/** 会费: the year's collection grid, posting, single payments with receipts, reversals, arrears and wage bases. */
export function DuesPage() {
  const { platform } = useServices();
  const { message } = App.useApp();
  const union = useUnion();
  const today = todayIso();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const loaded = useDuesIndex(year);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'grid';
  // 概览's 登记本月会费 arrives with ?post=: the posting dialog opens on arrival.
  const [posting, setPosting] = useState(params.has('post'));
  const [paying, setPaying] = useState(false);
  const [receipt, setReceipt] = useState<DuesReceipt | null>(null);
  const [reversing, setReversing] = useState<{ payment: DuesPayment; name: string } | null>(null);
  const exporting = useSubmit();
  const agreement = useDuesAgreement(year);

  const rule = union?.duesRule;
  const arrearsContext = useArrearsContext();
  const grid = useMemo(() => {
    if (!loaded || !rule) return null;
    return buildYearGrid(loaded.index, year, rule, dueThrough(year, today), arrearsContext?.booksStart ?? null);
  }, [loaded, rule, year, today, arrearsContext]);
  const arrears = usePageArrears(loaded, today);
  const years = useMemo(() => {
    const set = new Set<number>([Number(today.slice(0, 4)), year]);
    for (const w of loaded?.data.wageBases ?? []) set.add(w.year);
    for (const p of loaded?.data.duesPayments ?? []) set.add(Number(p.month.slice(0, 4)));
    set.add(Number(today.slice(0, 4)) + 1);
    return [...set].sort((a, b) => b - a);
  }, [loaded, today, year]);

  if (!union || !loaded || !grid || !rule) return <Spin />;
  const { index } = loaded;

  function showReceipt(payment: DuesPayment) {
    const member = index.timelineOf.get(payment.memberId)?.member;
    if (!member || !union) return;
    const batch = (index.paymentsOf.get(payment.memberId) ?? []).filter((p) => p.batchId === payment.batchId);
    setReceipt(buildReceipt(union, member, batch));
  }

  async function exportIt() {
    if (union && (await exportLedger(platform, index, union, year))) message.success(`已导出 ${year} 年会费台账`);
  }

  const unpaidPeople = grid.rows.filter((r) => r.cells.some((c) => c.state === 'unpaid')).length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }}>
            会费
          </Typography.Title>
          <YearSelect value={year} years={years} onChange={setYear} />
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void exporting.submit(exportIt)} loading={exporting.busy}>
            导出会费台账
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setPaying(true)}>
            登记缴费
          </Button>
          <Button type="primary" icon={<SendOutlined />} onClick={() => setPosting(true)}>
            登记本月会费（工资代扣）
          </Button>
        </Space>
      </Space>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={`${year}年已收会费`} value={formatYuan(grid.totalFen)} suffix="元" data-testid="dues-total" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="应收（已到期月份）" value={formatYuan(grid.expectedFen)} suffix="元" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="收缴率" value={formatRate(grid.collectionRate)} data-testid="dues-rate" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="有未缴月份" value={unpaidPeople} suffix="人" />
          </Card>
        </Col>
      </Row>
      {agreement && !agreement.ok && (
        <Alert
          type="error"
          showIcon
          title={`会费与收支账不一致：${year} 年会费收缴 ${formatYuan(agreement.duesFen)} 元，401 会费收入 ${formatYuan(agreement.ledger401Fen)} 元`}
          description={agreement.problems.slice(0, 5).join('；')}
        />
      )}
      {agreement?.ok && (
        <Typography.Text type="secondary" data-testid="dues-agreement">
          {year} 年会费收缴与收支账“401 会费收入”一致：{formatYuan(agreement.duesFen)} 元。
        </Typography.Text>
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          {
            key: 'grid',
            label: '收缴情况',
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Card size="small" title={`${year}年各月收缴（元）`}>
                  <MonthlyBars totals={grid.monthTotals} year={year} />
                </Card>
                <div className="print-target">
                  <PrintTitle>{`${year}年会费台账`}</PrintTitle>
                  <YearGridTable grid={grid} />
                </div>
                <PrintButton label="打印会费台账" />
              </Space>
            ),
          },
          {
            key: 'payments',
            label: '缴费记录',
            children: (
              <PaymentsTable
                index={index}
                year={year}
                onReceipt={showReceipt}
                onReverse={(payment, name) => setReversing({ payment, name })}
              />
            ),
          },
          {
            key: 'arrears',
            label: `欠缴${arrears && arrears.rows.length > 0 ? `（${arrears.rows.length}）` : ''}`,
            children: arrears ? (
              <ArrearsList rows={arrears.rows} fromMonth={arrears.fromMonth} throughMonth={arrears.throughMonth} />
            ) : (
              <Spin />
            ),
          },
          {
            key: 'bases',
            label: '工资基数',
            children: <WageBaseGrid index={index} wageBases={loaded.data.wageBases} year={year} rule={rule} />,
          },
        ]}
      />
      <PostMonthModal
        open={posting}
        onClose={() => {
          setPosting(false);
          if (params.has('post')) setParams({ tab }, { replace: true });
        }}
        index={index}
        rule={rule}
      />
      <SinglePaymentModal
        open={paying}
        onClose={() => setPaying(false)}
        index={index}
        rule={rule}
        year={year}
        onPaid={(payments) => {
          setPaying(false);
          const member = payments[0] && index.timelineOf.get(payments[0].memberId)?.member;
          if (member) setReceipt(buildReceipt(union, member, payments));
        }}
      />
      <ReceiptModal receipt={receipt} onClose={() => setReceipt(null)} />
      <ReversePaymentModal target={reversing?.payment ?? null} memberName={reversing?.name ?? ''} onClose={() => setReversing(null)} />
    </Space>
  );
}
