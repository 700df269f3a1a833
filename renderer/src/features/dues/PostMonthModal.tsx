import { Alert, App, DatePicker, Form, Modal, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { defaultPostingDate, monthLabel } from '../../../../shared/dues/months';
import { describePosting, type MonthPostingPlan } from '../../../../shared/dues/posting';
import { formatYuan } from '../../../../shared/money/fen';
import type { DuesRule } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useCountedElsewhere } from '../../db/useCountedElsewhere';
import { PERIOD_TABLES } from '../../../../shared/engine/ops/state';
import { afterThisMonth, afterToday, useDay } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { errorText } from './format';
import { postDuesMonth, previewDuesMonth } from '../../../../shared/engine/ops/dues';
import { todayIso } from './queries';

interface Props {
  open: boolean;
  onClose: () => void;
  rule: DuesRule;
}

/** 登记本月会费（工资代扣）: shows what will be posted, then posts every paying member in one transaction. */
export function PostMonthModal({ open, onClose, rule }: Props) {
  const { store } = useServices();
  const { message } = App.useApp();
  const today = todayIso();
  const [month, setMonth] = useState<Dayjs>(dayjs(today));
  const [date, setDate] = useState<Dayjs | null>(null);
  const saving = useSubmit({ session: open });
  const monthText = month.format('YYYY-MM');
  const paidDate = date?.format('YYYY-MM-DD') ?? defaultPostingDate(monthText, today) ?? today;
  const [preview, problem] = usePostingPreview(open, monthText, paidDate, rule);
  const defaultDay = useDay(paidDate);

  async function submit() {
    const plan = await postDuesMonth(store, { month: monthText, paidDate, rule });
    if (plan.posted > 0) message.success(describePosting(plan), 6);
    else message.info(describePosting(plan), 6);
    onClose();
  }

  return (
    <Modal
      open={open}
      title="登记本月会费（工资代扣）"
      okText="登记"
      confirmLoading={saving.busy}
      onOk={() => void saving.submit(submit)}
      onCancel={onClose}
      okButtonProps={{ disabled: !preview || preview.posted === 0 }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label="会费月份">
          <DatePicker
            picker="month"
            aria-label="会费月份"
            allowClear={false}
            value={month}
            onChange={(v) => v && setMonth(v)}
            disabledDate={afterThisMonth}
          />
        </Form.Item>
        <Form.Item label="入账日期" extra="默认：本月为今天，以前月份为该月最后一天。">
          <DatePicker aria-label="入账日期" allowClear value={date ?? defaultDay} onChange={setDate} disabledDate={afterToday} />
        </Form.Item>
      </Form>
      {preview === undefined ? (
        <Spin description="正在计算…" />
      ) : preview ? (
        <Alert
          type={preview.posted > 0 ? 'info' : 'success'}
          showIcon
          title={
            preview.posted > 0
              ? `将为 ${preview.posted} 人登记 ${monthLabel(monthText)} 会费，合计 ${formatYuan(preview.totalFen)} 元，并记一笔“401 会费收入”。`
              : `${monthLabel(monthText)}没有需要登记的会员。`
          }
          description={<Typography.Text type="secondary">{describePosting(preview)}</Typography.Text>}
        />
      ) : (
        <Alert type="warning" showIcon title={problem} />
      )}
    </Modal>
  );
}

/** What a posting reads: a write to any of them can change the preview. */
const POSTING_TABLES = ['duesPayments', '$duesMembers', ...PERIOD_TABLES];

/**
 * What the posting would do, planned by the posting's own code without writing (previewDuesMonth):
 * from the members' dues rows and the month's payments, so the preview never reads the union's years
 * of payments. Planned again when the month, the date or the book changes while the dialog is open.
 * `undefined` while it is planned: the 登记 button must not act on the last month's plan.
 */
function usePostingPreview(
  open: boolean,
  month: string,
  paidDate: string,
  rule: DuesRule,
): readonly [MonthPostingPlan | null | undefined, string] {
  const { store } = useServices();
  const answer = useCountedElsewhere(
    POSTING_TABLES,
    () =>
      previewDuesMonth(store, { month, paidDate, rule }).then(
        (plan) => [plan, ''] as const,
        (error: unknown) => [null, errorText(error)] as const,
      ),
    [store, month, paidDate, rule],
    { enabled: open, clearWhileAsking: true },
  );
  return answer ?? [undefined, ''];
}
