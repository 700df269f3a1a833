import { DownloadOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Modal, Row, Space, Spin, Statistic, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatRate } from '../../../../shared/dues/grid';
import type { DuesYearView } from '../../../../shared/dues/year-view';
import { buildReceipt, type DuesReceipt } from '../../../../shared/dues/receipt';
import { formatYuan } from '../../../../shared/money/fen';
import type { DuesPayment } from '../../../../shared/model/records';
import type { PaymentLine } from '../../../../shared/dues/payment-list';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { useUnion } from '../union/queries';
import { ArrearsList } from './ArrearsList';
import { exportLedger } from './exports';
import { MonthlyBars } from './MonthlyBars';
import { PaymentsTable } from './PaymentsTable';
import { PostMonthModal } from './PostMonthModal';
import { todayIso, useDuesIndex, useDuesYear, usePaymentLines } from './queries';
import { ReceiptModal } from './ReceiptModal';
import { ReversePaymentModal } from './ReversePaymentModal';
import { SinglePaymentModal } from './SinglePaymentModal';
import { WageBaseGrid } from './WageBaseGrid';
import { YearGridTable } from './YearGridTable';
import { YearSelect } from '../../components/YearSelect';
import { PrintButton, PrintTitle } from '../../components/print/PrintButton';

/** 会费: the year's collection grid, posting, single payments with receipts, reversals, arrears and wage bases. */
export function DuesPage() {
  const { platform, db } = useServices();
  const { message } = App.useApp();
  const union = useUnion();
  const today = todayIso();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'grid';
  // 概览's 登记本月会费 arrives with ?post=: the posting dialog opens on arrival.
  const [posting, setPosting] = useState(params.has('post'));
  const [paying, setPaying] = useState(false);
  const [receipt, setReceipt] = useState<DuesReceipt | null>(null);
  const [reversing, setReversing] = useState<{ payment: DuesPayment; name: string } | null>(null);
  const exporting = useSubmit();
  // The grid, arrears and agreement are counted and 缴费记录 listed in the office worker; the roster
  // and its bases are read here only for 工资基数 and 登记缴费.
  const counted = useDuesYear(year, today);
  const loaded = useDuesIndex(tab === 'bases' || paying);
  const listed = usePaymentLines(tab === 'payments', year);

  const rule = union?.duesRule;
  if (!union || !counted || !rule) return <Spin />;
  const { view } = counted;
  // A year just chosen: the last year's figures stay until this one's are counted.
  const counting = counted.year !== year || (view !== null && view.today !== today);

  // The list's lines carry what it shows; the receipt and the reversal read their rows when asked for.
  async function showReceipt(line: PaymentLine) {
    const [member, batch] = await Promise.all([
      db.members.get(line.memberId),
      db.duesPayments
        .where('batchId')
        .equals(line.batchId)
        .filter((p) => p.memberId === line.memberId)
        .toArray(),
    ]);
    if (!union) return;
    setReceipt(buildReceipt(union, member ?? line, batch));
  }

  async function reverse(line: PaymentLine) {
    const payment = await db.duesPayments.get(line.id);
    if (payment && payment.deleted === 0) setReversing({ payment, name: line.name });
    else message.error('这笔缴费记录已不存在（可能已被同步更改），请在列表中重新查找。');
  }

  async function exportIt() {
    if (union && view && (await exportLedger(platform, view.grid, union))) message.success(`已导出 ${view.year} 年会费台账`);
  }

  function closePosting() {
    setPosting(false);
    if (params.has('post')) setParams({ tab }, { replace: true });
  }

  const waiting = <Spin description="正在读取会费记录…" />;
  const shown = view?.year ?? year;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }}>
            会费
          </Typography.Title>
          <YearSelect value={year} years={view?.years ?? [year]} onChange={setYear} />
          {counting && <Spin size="small" description={`正在统计${year}年…`} />}
        </Space>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exporting.submit(exportIt)}
            loading={exporting.busy}
            disabled={!view || counting}
          >
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
      {counted.error && <Alert type="error" showIcon title={counted.error} />}
      {view && <YearFigures view={view} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          {
            key: 'grid',
            label: '收缴情况',
            children: view && (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Card size="small" title={`${shown}年各月收缴（元）`}>
                  <MonthlyBars totals={view.grid.monthTotals} year={shown} />
                </Card>
                <div className="print-target">
                  <PrintTitle>{`${shown}年会费台账`}</PrintTitle>
                  <YearGridTable grid={view.grid} />
                </div>
                <PrintButton label="打印会费台账" />
              </Space>
            ),
          },
          {
            key: 'payments',
            label: '缴费记录',
            children:
              listed?.year === year && listed.lines ? (
                <PaymentsTable lines={listed.lines} onReceipt={(line) => void showReceipt(line)} onReverse={(line) => void reverse(line)} />
              ) : listed?.year === year && listed.error ? (
                <Alert type="error" showIcon title={listed.error} />
              ) : (
                waiting
              ),
          },
          {
            key: 'arrears',
            label: `欠缴${view && view.arrears.rows.length > 0 ? `（${view.arrears.rows.length}）` : ''}`,
            children: view && (
              <ArrearsList rows={view.arrears.rows} fromMonth={view.arrears.fromMonth} throughMonth={view.arrears.throughMonth} />
            ),
          },
          {
            key: 'bases',
            label: '工资基数',
            children: loaded ? <WageBaseGrid index={loaded.index} wageBases={loaded.data.wageBases} year={year} rule={rule} /> : waiting,
          },
        ]}
      />
      <PostMonthModal open={posting} onClose={closePosting} rule={rule} />
      {loaded ? (
        <SinglePaymentModal
          open={paying}
          onClose={() => setPaying(false)}
          index={loaded.index}
          rule={rule}
          year={year}
          onPaid={(payments) => {
            setPaying(false);
            const member = payments[0] && loaded.index.timelineOf.get(payments[0].memberId)?.member;
            if (member) setReceipt(buildReceipt(union, member, payments));
          }}
        />
      ) : (
        // Until the members' payments are read, the dialog says so and can be closed.
        <Modal open={paying} title="登记缴费（现金/转账）" footer={null} onCancel={() => setPaying(false)}>
          {waiting}
        </Modal>
      )}
      <ReceiptModal receipt={receipt} onClose={() => setReceipt(null)} />
      <ReversePaymentModal target={reversing?.payment ?? null} memberName={reversing?.name ?? ''} onClose={() => setReversing(null)} />
    </Space>
  );
}

/** The year's four figures and whether its dues agree with the books' 401 income. */
function YearFigures({ view }: { view: DuesYearView }) {
  const { grid, agreement, year } = view;
  return (
    <>
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
            <Statistic title="有未缴月份" value={view.unpaidPeople} suffix="人" />
          </Card>
        </Col>
      </Row>
      {!agreement.ok && (
        <Alert
          type="error"
          showIcon
          title={`会费与收支账不一致：${year} 年会费收缴 ${formatYuan(agreement.duesFen)} 元，401 会费收入 ${formatYuan(agreement.ledger401Fen)} 元`}
          description={agreement.problems.slice(0, 5).join('；')}
        />
      )}
      {agreement.ok && (
        <Typography.Text type="secondary" data-testid="dues-agreement">
          {year} 年会费收缴与收支账“401 会费收入”一致：{formatYuan(agreement.duesFen)} 元。
        </Typography.Text>
      )}
    </>
  );
}
