import { CheckCircleTwoTone, CloseCircleTwoTone, FileWordOutlined } from '@ant-design/icons';
import { UnusualCard } from './UnusualCard';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import type { AuditCheck } from '../../../../shared/audit/checks';
import type { BankMonth } from '../../../../shared/audit/review';
import { monthSpans } from '../../../../shared/audit/month-spans';
import { documentFileName, buildDocument } from '../../../../shared/documents/generate';
import type { BalanceSheetColumn } from '../../../../shared/finance/balance-sheet';
import { totalOf } from '../../../../shared/finance/balances';
import type { StatementLine } from '../../../../shared/finance/statement';
import { formatYuan } from '../../../../shared/money/fen';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { FILTERS } from '../../platform';
import { office } from '../../workers/office';
import { BUNDLED } from '../documents/bundled';
import { todayIso } from '../finance/format';
import { AUDIT_BOOK_TABLES } from './load';
import { useCountedElsewhere } from '../../db/useCountedElsewhere';
import { auditReviewError } from '../../workers/count-errors';

const yuan = (fen: number) => formatYuan(fen, { grouping: true });
const date = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

const SHEET_LINES: [string, (c: BalanceSheetColumn) => number][] = [
  ['库存现金', (c) => c.cashFen],
  ['银行存款', (c) => c.bankFen],
  ['其他应收款', (c) => c.receivableFen],
  ['固定资产', (c) => c.fixedAssetsFen],
  ['资产合计', (c) => c.assetsFen],
  ['应付上级经费', (c) => c.payableFen],
  ['代管经费', (c) => c.custodyFen],
  ['负债合计', (c) => c.liabilitiesFen],
  ['净资产合计', (c) => c.netAssetsFen],
];

const BANK_COLORS: Record<BankMonth['state'], string> = {
  reconciled: 'green',
  skipped: 'gold',
  unbalanced: 'red',
  'no-statement': 'default',
};

/**
 * 经费审查 for the 经审委员会: the year's 收入支出表 and 资产负债表 side by side, the vouchers, the bank
 * per month, the closes and the spending-limit warnings, with the checks that they agree (shared/audit,
 * the same review as `unionbooks audit` and the 经费审查报告).
 */
export function AuditPanel({ year }: { year: number }) {
  const { db, platform } = useServices();
  const { message } = App.useApp();
  const today = todayIso();
  const counted = useCountedElsewhere(
    AUDIT_BOOK_TABLES,
    () =>
      office.auditReview(db.name, year, today).then(
        (answer) => ({ ...answer, year }),
        (error: unknown) => ({ review: null, error: auditReviewError(year, error), year }),
      ),
    [db, year, today],
  );
  const report = useSubmit();
  // another year's review stays out of view until this year's is counted
  const review = counted?.year === year ? counted.review : null;
  if (counted?.year === year && counted.error) return <Alert type="error" showIcon title={counted.error} />;
  if (!review) return <Spin data-testid="audit-counting" />;
  const failed = review.checks.filter((c) => !c.ok);
  const s = review.statement;
  const top = (lines: StatementLine[]) => lines.filter((l) => l.level === 0 && l.amountFen !== 0);

  const writeReport = () =>
    report.submit(async () => {
      const template = BUNDLED.find((t) => t.key === 'bundled:audit-report')!;
      const asOf = await office.documentFacts(db.name, year, review.asOf);
      if (!asOf.facts) throw new Error(asOf.error ?? '无法汇总本年度的数据');
      const { facts } = asOf;
      const { meta, bytes } = await office.wordDocument(template.source, facts, asOf.photos);
      const name = documentFileName(buildDocument(template.source, facts).model, meta, year);
      if (await platform.saveFile(name, bytes, FILTERS.docx)) message.success(`已生成 ${name}`);
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="audit-panel">
      <Space wrap>
        <Typography.Text>截至 {date(review.asOf)}</Typography.Text>
        {failed.length === 0 ? (
          <Tag color="green">{review.checks.length} 项核对全部相符</Tag>
        ) : (
          <Tag color="red">
            {review.checks.length} 项核对中 {failed.length} 项不相符
          </Tag>
        )}
        <Button icon={<FileWordOutlined />} loading={report.busy} onClick={() => void writeReport()}>
          生成经费审查报告
        </Button>
      </Space>
      <Card size="small" title="核对结果">
        <Table<AuditCheck>
          size="small"
          rowKey="key"
          pagination={false}
          data-testid="audit-checks"
          dataSource={review.checks}
          columns={[
            { title: '核对项目', dataIndex: 'label', width: 240 },
            {
              title: '结果',
              width: 100,
              render: (_, c) =>
                c.ok ? (
                  <Space size={4}>
                    <CheckCircleTwoTone twoToneColor="#52c41a" />
                    相符
                  </Space>
                ) : (
                  <Space size={4}>
                    <CloseCircleTwoTone twoToneColor="#ff4d4f" />
                    不相符
                  </Space>
                ),
            },
            { title: '说明', dataIndex: 'detail' },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={`收入支出表（${year}年1月1日至${date(review.asOf).replace(/^\d+年/, '')}）`} style={{ height: '100%' }}>
            <Table
              size="small"
              rowKey="label"
              pagination={false}
              data-testid="audit-statement"
              dataSource={[
                { label: '年初库存现金和银行存款', fen: totalOf(s.yearOpening) },
                ...top(s.income.lines).map((l) => ({ label: `收入：${l.code} ${l.name}`, fen: l.amountFen })),
                { label: '收入合计', fen: s.income.totalFen },
                ...top(s.expense.lines).map((l) => ({ label: `支出：${l.code} ${l.name}`, fen: l.amountFen })),
                { label: '支出合计', fen: s.expense.totalFen },
                { label: '收支结余', fen: s.surplusFen },
                { label: '应付上级经费增减', fen: s.closingPayableFen - s.openingPayableFen },
                ...(s.openingHeld.custodyFen !== 0 || s.closingHeld.custodyFen !== 0
                  ? [{ label: '代管经费增减', fen: s.closingHeld.custodyFen - s.openingHeld.custodyFen }]
                  : []),
                ...(s.openingHeld.receivableFen !== 0 || s.closingHeld.receivableFen !== 0
                  ? [{ label: '其他应收款增减（减项）', fen: s.closingHeld.receivableFen - s.openingHeld.receivableFen }]
                  : []),
                { label: '期末库存现金和银行存款', fen: totalOf(s.closing) },
              ]}
              columns={[
                { title: '项目', dataIndex: 'label' },
                { title: '金额（元）', dataIndex: 'fen', align: 'right', render: (v: number) => yuan(v) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={`资产负债表（${review.sheet.label}）`} style={{ height: '100%' }}>
            <Table
              size="small"
              rowKey="label"
              pagination={false}
              data-testid="audit-sheet"
              dataSource={SHEET_LINES.map(([label, pick]) => ({ label, start: pick(review.sheet.yearStart), end: pick(review.sheet.end) }))}
              columns={[
                { title: '项目', dataIndex: 'label' },
                { title: '年初数（元）', dataIndex: 'start', align: 'right', render: (v: number) => yuan(v) },
                { title: '期末数（元）', dataIndex: 'end', align: 'right', render: (v: number) => yuan(v) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title="记账凭证与结账" style={{ height: '100%' }}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="凭证号">
                {review.vouchers.count === 0 ? '本年没有记账凭证' : `${review.vouchers.first} 至 ${review.vouchers.last}`}
              </Descriptions.Item>
              <Descriptions.Item label="凭证张数">{review.vouchers.count}</Descriptions.Item>
              <Descriptions.Item label="缺号、重号">
                {review.vouchers.missing.length + review.vouchers.duplicates.length === 0
                  ? '无'
                  : [
                      ...review.vouchers.missing.map((m) => (m.deleted ? `${m.number}（已删除）` : m.number)),
                      ...review.vouchers.duplicates.map((d) => `${d}（重号）`),
                    ].join('、')}
              </Descriptions.Item>
              <Descriptions.Item label="已结账">
                {review.closedMonths.length === 0 ? '无' : monthSpans(review.closedMonths)}
              </Descriptions.Item>
              <Descriptions.Item label="已结束未结账">
                {review.openMonths.length === 0 ? '无' : monthSpans(review.openMonths)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="各月银行对账" style={{ height: '100%' }}>
            <Table<BankMonth>
              size="small"
              rowKey="month"
              pagination={false}
              data-testid="audit-bank"
              locale={{ emptyText: `${year}年还没有已结束的月份` }}
              dataSource={review.bank}
              columns={[
                { title: '月份', dataIndex: 'label', width: 110 },
                { title: '余额调节', width: 120, render: (_, m) => <Tag color={BANK_COLORS[m.state]}>{m.stateLabel}</Tag> },
                { title: '差额（元）', align: 'right', render: (_, m) => (m.differenceFen === 0 ? '—' : yuan(m.differenceFen)) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="超出开支标准的慰问">
        {review.overLimit.length === 0 ? (
          <Typography.Text type="secondary">没有超出本会执行标准的慰问。</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey={(v) => `${v.date}-${v.kind}-${v.amountFen}`}
            pagination={false}
            dataSource={review.overLimit}
            columns={[
              { title: '日期', dataIndex: 'date', width: 130, render: (v: string) => date(v) },
              { title: '慰问', dataIndex: 'kind', width: 120 },
              { title: '金额（元）', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number) => yuan(v) },
              { title: '超出的标准', dataIndex: 'rule' },
            ]}
          />
        )}
      </Card>
      <UnusualCard entries={review.unusual} />
    </Space>
  );
}
