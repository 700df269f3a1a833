import { Alert, Card, Col, Row, Table, Typography } from 'antd';
import type { Reconciliation, ReconcilingItem } from '../../../../shared/bank/reconcile';
import { formatYuan } from '../../../../shared/money/fen';

interface SideRow {
  key: string;
  label: string;
  fen: number | null;
  bold?: boolean;
}

function side(
  balanceLabel: string,
  balance: number | null,
  add: [string, ReconcilingItem[]],
  less: [string, ReconcilingItem[]],
  adjusted: number | null,
): SideRow[] {
  const total = (items: ReconcilingItem[]) => items.reduce((s, i) => s + i.amountFen, 0);
  const detail = (prefix: string, items: ReconcilingItem[]): SideRow[] =>
    items.map((i) => ({ key: `${prefix}-${i.id}`, label: `\u3000${i.date.slice(5)} ${i.summary}（${i.reference}）`, fen: i.amountFen }));
  return [
    { key: 'balance', label: balanceLabel, fen: balance, bold: true },
    { key: 'add', label: add[0], fen: total(add[1]), bold: true },
    ...detail('add', add[1]),
    { key: 'less', label: less[0], fen: total(less[1]), bold: true },
    ...detail('less', less[1]),
    { key: 'adjusted', label: '调节后的存款余额', fen: adjusted, bold: true },
  ];
}

function SideTable({ title, rows, testId }: { title: string; rows: SideRow[]; testId: string }) {
  return (
    <Table<SideRow>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      data-testid={testId}
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      dataSource={rows}
      columns={[
        { title: '项目', dataIndex: 'label', render: (v: string, r) => (r.bold ? <strong>{v}</strong> : v) },
        {
          title: '金额（元）',
          dataIndex: 'fen',
          align: 'right',
          width: 140,
          render: (v: number | null, r) => (v === null ? '—' : r.bold ? <strong>{formatYuan(v)}</strong> : formatYuan(v)),
        },
      ]}
    />
  );
}

/** 银行存款余额调节表 on screen: the journal's side and the statement's side, and whether they agree. */
export function ReconciliationCard({ r }: { r: Reconciliation }) {
  const verdict =
    r.adjustedStatementFen === null ? (
      <Alert type="info" showIcon title={r.reasons.join('；')} />
    ) : r.balanced ? (
      <Alert
        type="success"
        showIcon
        title={`调节后余额相符：${formatYuan(r.adjustedJournalFen)} 元`}
        data-testid="reconciliation-verdict"
      />
    ) : (
      <Alert
        type="error"
        showIcon
        data-testid="reconciliation-verdict"
        title={`调节后余额不符：日记账一方比对账单一方多 ${formatYuan(r.differenceFen)} 元`}
        description={
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {r.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        }
      />
    );
  return (
    <Card size="small" title={`银行存款余额调节表（${r.monthEnd}）`}>
      <Row gutter={12}>
        <Col span={12}>
          <SideTable
            title="银行存款日记账"
            testId="side-journal"
            rows={side(
              '银行存款日记账余额',
              r.journalBalanceFen,
              ['加：银行已收、企业未收', r.bankReceived],
              ['减：银行已付、企业未付', r.bankPaid],
              r.adjustedJournalFen,
            )}
          />
        </Col>
        <Col span={12}>
          <SideTable
            title="银行对账单"
            testId="side-statement"
            rows={side(
              '银行对账单余额',
              r.statementBalanceFen,
              ['加：企业已收、银行未收', r.bookReceived],
              ['减：企业已付、银行未付', r.bookPaid],
              r.adjustedStatementFen,
            )}
          />
        </Col>
      </Row>
      <div style={{ marginTop: 12 }}>{verdict}</div>
      {r.statementThrough && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          对账单截至 {r.statementThrough}。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
