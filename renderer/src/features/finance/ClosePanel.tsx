import { App, Button, Input, List, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { closeHistory, closeProblem, isMonthClosed, reopenProblem } from '../../../../shared/finance/closing';
import { monthLabel, monthsOfYear } from '../../../../shared/finance/period';
import type { MonthClose } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { todayIso } from './format';
import { closeMonth, reopenMonth } from '../../../../shared/engine/ops/periods';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';

/** 结账 / 反结账 by month. Reopening asks for a reason, which stays in the history below. */
export function ClosePanel({ year, closes, booksStart }: { year: number; closes: readonly MonthClose[]; booksStart: string | null }) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const today = todayIso();
  const history = closeHistory(closes).filter((c) => c.month.startsWith(`${year}-`));

  const closing = useSubmit();
  const reopeningSubmit = useSubmit({ session: reopening });
  const requestClose = useGuardedClose({ open: reopening !== null, dirty: reason.trim() !== '', close: () => setReopening(null) });
  const run = (action: () => Promise<unknown>, ok: string) =>
    closing.submit(async () => {
      await action();
      message.success(ok);
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        按月顺序结账。已结账的月份不能新增、修改记录；更正请做红字冲销，或填写原因后反结账。
      </Typography.Text>
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={monthsOfYear(year).map((month) => ({ month }))}
        columns={[
          { title: '月份', render: (_, r) => monthLabel(r.month) },
          {
            title: '状态',
            render: (_, r) =>
              booksStart && r.month < booksStart ? (
                <Tag>开账前</Tag>
              ) : isMonthClosed(closes, r.month) ? (
                <Tag color="green">已结账</Tag>
              ) : (
                <Tag>未结账</Tag>
              ),
          },
          {
            title: '操作',
            render: (_, r) => {
              if (booksStart && r.month < booksStart) return null;
              if (isMonthClosed(closes, r.month)) {
                return (
                  <Button
                    size="small"
                    onClick={() => {
                      setReason('');
                      setReopening(r.month);
                    }}
                  >
                    反结账
                  </Button>
                );
              }
              const problem = closeProblem(closes, r.month, today, booksStart);
              return (
                <Popconfirm
                  title={`结账 ${monthLabel(r.month)}？`}
                  description="结账后本月记录不能再修改。"
                  okText="结账"
                  cancelText="取消"
                  disabled={problem !== null}
                  onConfirm={() => run(() => closeMonth(store, r.month), `${monthLabel(r.month)}已结账`)}
                >
                  <Button size="small" type="primary" disabled={problem !== null} title={problem ?? undefined}>
                    结账
                  </Button>
                </Popconfirm>
              );
            },
          },
        ]}
      />
      <Modal
        open={reopening !== null}
        title={`反结账 ${reopening ? monthLabel(reopening) : ''}`}
        okText="反结账"
        cancelText="取消"
        onCancel={requestClose}
        confirmLoading={reopeningSubmit.busy}
        onOk={() =>
          reopeningSubmit.submit(async () => {
            if (!reopening) return false;
            const problem = reopenProblem(closes, reopening, reason);
            if (problem) {
              message.error(problem);
              return false;
            }
            await reopenMonth(store, reopening, reason);
            message.success(`${monthLabel(reopening)}已反结账`);
            setReopening(null);
          })
        }
      >
        <Typography.Paragraph>反结账的原因会记录在案。</Typography.Paragraph>
        <Input.TextArea
          aria-label="反结账原因"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="例如 发现 3 月一笔支出科目记错，需要更正"
        />
      </Modal>
      <Typography.Title level={5}>结账记录</Typography.Title>
      <List
        size="small"
        locale={{ emptyText: '暂无结账记录' }}
        dataSource={history}
        renderItem={(c) => (
          <List.Item>
            {monthLabel(c.month)} {c.closed ? '结账' : `反结账，原因：${c.reopenReason}`}
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              {dayjs(c.closedAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Space>
  );
}
