import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { DuesIndex } from '../../../../shared/dues/data';
import { defaultPostingDate, monthLabel } from '../../../../shared/dues/months';
import { describePosting, planMonthPosting } from '../../../../shared/dues/posting';
import { formatYuan } from '../../../../shared/money/fen';
import type { DuesRule } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { afterThisMonth, afterToday, useDay } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { errorText } from './format';
import { postDuesMonth } from '../../../../shared/engine/ops/dues';
import { todayIso } from './queries';

interface Props {
  open: boolean;
  onClose: () => void;
  index: DuesIndex;
  rule: DuesRule;
}

/** 登记本月会费（工资代扣）: shows what will be posted, then posts every paying member in one transaction. */
export function PostMonthModal({ open, onClose, index, rule }: Props) {
  const { db, store } = useServices();
  const { message } = App.useApp();
  const today = todayIso();
  const [month, setMonth] = useState<Dayjs>(dayjs(today));
  const [date, setDate] = useState<Dayjs | null>(null);
  const saving = useSubmit({ session: open });
  const monthText = month.format('YYYY-MM');
  const paidDate = date?.format('YYYY-MM-DD') ?? defaultPostingDate(monthText, today) ?? today;
  const closes = useLiveQuery(() => db.monthCloses.toArray(), [db]);
  const defaultDay = useDay(paidDate);
  const [preview, problem] = useMemo(() => {
    try {
      return [planMonthPosting(index, { month: monthText, paidDate, rule, batchId: 'preview', monthCloses: closes ?? [] }), ''] as const;
    } catch (error) {
      return [null, errorText(error)] as const;
    }
  }, [index, monthText, paidDate, rule, closes]);

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
      {preview ? (
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
