import { Alert, Button, Card, Descriptions, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { monthLabel } from '../../../../shared/finance/period';
import { useOpenMonths } from '../finance/queries';
import { submitYearReport } from './mutations';
import { useSyncConfig, useYearSubmission } from './queries';
import { errorText } from '../../../../shared/error-text';

const STATUS = {
  submitted: { label: '已报送', color: 'processing' },
  returned: { label: '已退回', color: 'error' },
  accepted: { label: '已接收', color: 'success' },
} as const;

/** 提交年度报送: sends the year's facts and documents; shows the receipt, the lock and a return reason. */
export function SubmitCard() {
  const { db, mutator } = useServices();
  const [year, setYear] = useState(() => new Date().getFullYear() - (new Date().getMonth() < 6 ? 1 : 0));
  const submission = useYearSubmission(year);
  const openMonths = useOpenMonths(year);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locked = submission?.status === 'submitted' || submission?.status === 'accepted';
  const offline = !useSyncConfig()?.serverUrl;

  // Months still open can change after the report is sent: the user sees which, and decides.
  const open = openMonths ?? [];
  const send = () =>
    Modal.confirm({
      title: open.length > 0 ? `${year} 年还有 ${open.length} 个月未结账` : `提交 ${year} 年度报送？`,
      content: (
        <>
          {open.length > 0 && (
            <Alert
              type="warning"
              style={{ marginBottom: 12 }}
              title={`未结账：${open.map(monthLabel).join('、')}`}
              description="建议先在“收支 → 开账、结账与年初结余”中逐月结账，再报送。"
            />
          )}
          将向上级工会发送本年度的统计数据、工作总结和经费收支情况报告。提交后本年度的账目将锁定，直到上级工会退回。
        </>
      ),
      okText: open.length > 0 ? '仍然报送' : '提交',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        setError(null);
        try {
          await submitYearReport(db, mutator, year);
        } catch (e) {
          setError(errorText(e));
        } finally {
          setBusy(false);
        }
      },
    });

  return (
    <Card title="年度报送">
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Space>
          <span>年度</span>
          <InputNumber aria-label="报送年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          {submission ? <Tag color={STATUS[submission.status].color}>{STATUS[submission.status].label}</Tag> : <Tag>未报送</Tag>}
        </Space>
        {submission && (
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="回执号">
              <span data-testid="receipt-number">{submission.receiptNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label="报送时间">
              {submission.submittedAt ? dayjs(submission.submittedAt).format('YYYY-MM-DD HH:mm:ss') : '—'}
            </Descriptions.Item>
          </Descriptions>
        )}
        {submission?.status === 'submitted' && (
          <Alert type="info" showIcon title={`${year} 年度已报送，本年度的收支、会费等账目已锁定，上级工会退回后才能修改。`} />
        )}
        {submission?.status === 'accepted' && (
          <Alert
            type="success"
            showIcon
            title="上级工会已接收报送"
            description={<span data-testid="accepted-note">{year} 年度的报送已被接收，本年度的收支、会费等账目保持锁定。</span>}
          />
        )}
        {submission?.status === 'returned' && (
          <Alert
            type="warning"
            showIcon
            title="上级工会退回了报送"
            description={<span data-testid="return-reason">退回原因：{submission.returnReason}</span>}
          />
        )}
        {error && <Alert type="error" showIcon title={error} />}
        <div>
          <Button type="primary" onClick={send} loading={busy} disabled={locked || offline}>
            {submission?.status === 'returned' ? '重新提交年度报送' : '提交年度报送'}
          </Button>
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            报送内容：年度统计数据、年度工会工作总结、经费收支情况报告{offline && '。本设备没有网络，请在“离线报送包”中随包报送'}
          </Typography.Text>
        </div>
      </Space>
    </Card>
  );
}
