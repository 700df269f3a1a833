import { App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { baseOf, buildDuesIndex, isPaid, type DuesIndex } from '../../../../shared/dues/data';
import { monthDuty } from '../../../../shared/dues/eligibility';
import { monthsOfYear } from '../../../../shared/dues/months';
import { nextReceiptNumber } from '../../../../shared/dues/receipt';
import { monthlyDues } from '../../../../shared/dues/rule';
import { formatYuan } from '../../../../shared/money/fen';
import type { DuesPayment, DuesRule } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { afterToday } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { paySingle } from '../../../../shared/engine/ops/dues';
import { todayIso } from './queries';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';

interface Values {
  memberId: string;
  months: string[];
  method: '现金' | '转账';
  paidDate: Dayjs;
  receiptNumber: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onPaid: (payments: DuesPayment[]) => void;
  /** The roster with its events and bases (no payments: the member's own are read here). */
  index: DuesIndex;
  rule: DuesRule;
  year: number;
}

/** 登记缴费: one member pays one or several months in cash or by transfer, against one receipt. */
export function SinglePaymentModal({ open, onClose, onPaid, index, rule, year }: Props) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const saving = useSubmit({ form, session: open });
  const requestClose = useGuardedClose({ open, form, save: () => saving.submit(submit), close: onClose });
  const memberId = Form.useWatch('memberId', form);
  const chosen = Form.useWatch('months', form) ?? [];

  const memberOptions = useMemo(
    () =>
      index.timelines
        .filter((t) => monthsOfYear(year).some((m) => monthDuty(t, m).kind === 'due'))
        .map((t) => ({ value: t.member.id, label: `${t.member.name}（${t.member.department || '未填部门'}）` })),
    [index, year],
  );
  const timeline = memberId ? index.timelineOf.get(memberId) : undefined;
  const paid = useMemberPayments(memberId, year);
  const monthOptions = timeline
    ? monthsOfYear(year)
        .filter((m) => monthDuty(timeline, m).kind === 'due' && paid && !isPaid(paid, timeline.member.id, m))
        .map((m) => ({ value: m, label: `${Number(m.slice(5))}月` }))
    : [];
  const base = memberId ? baseOf(index, memberId, year) : null;
  const monthly = base === null ? 0 : monthlyDues(base, rule);
  const nextNumber = useNextReceiptNumber();

  useEffect(() => {
    if (open && nextNumber) form.setFieldsValue({ receiptNumber: nextNumber });
  }, [open, nextNumber, form]);

  async function submit(values: Values) {
    const payments = await paySingle(store, {
      memberId: values.memberId,
      months: values.months,
      method: values.method,
      paidDate: values.paidDate.format('YYYY-MM-DD'),
      receiptNumber: values.receiptNumber,
      rule,
    });
    message.success(`已登记 ${payments.length} 个月会费，收据号 ${values.receiptNumber.trim()}`);
    form.resetFields();
    onPaid(payments);
  }

  return (
    <Modal
      open={open}
      title="登记缴费（现金/转账）"
      okText="登记并开收据"
      confirmLoading={saving.busy}
      onOk={() => void saving.submit(submit)}
      onCancel={requestClose}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ method: '现金', paidDate: dayjs(todayIso()), receiptNumber: nextNumber }}
      >
        <Form.Item name="memberId" label="会员" rules={[{ required: true, message: '请选择会员' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={memberOptions}
            placeholder="输入姓名查找"
            onChange={() => form.setFieldValue('months', [])}
          />
        </Form.Item>
        <Form.Item
          name="months"
          label={`缴纳月份（${year}年）`}
          rules={[{ required: true, message: '请选择要缴纳的月份' }]}
          extra={timeline && paid && monthOptions.length === 0 ? '这位会员本年没有未缴的月份' : undefined}
        >
          <Select mode="multiple" options={monthOptions} placeholder="可选多个月" />
        </Form.Item>
        {memberId && (
          <Typography.Paragraph type={base === null ? 'danger' : 'secondary'}>
            {base === null
              ? `这位会员没有 ${year} 年的工资基数，请先在“工资基数”中填写。`
              : `月应缴 ${formatYuan(monthly)} 元，本次合计 ${formatYuan(monthly * chosen.length)} 元。`}
          </Typography.Paragraph>
        )}
        <Form.Item name="method" label="缴费方式">
          <Radio.Group options={['现金', '转账']} optionType="button" />
        </Form.Item>
        <Form.Item name="paidDate" label="缴费日期" rules={[{ required: true, message: '请选择缴费日期' }]}>
          <DatePicker allowClear={false} disabledDate={afterToday} />
        </Form.Item>
        <Form.Item
          name="receiptNumber"
          label="收据号"
          rules={[{ required: true, whitespace: true, message: '请填写收据号' }]}
          extra="按年连续编号；使用印制的收据本时可改为收据上的号码。"
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The member's payments of the year's months, as lookups (netPaid): one member's rows, not the union's. */
function useMemberPayments(memberId: string | undefined, year: number): DuesIndex | undefined {
  const { db } = useServices();
  const payments = useLiveQuery(
    () =>
      memberId
        ? db.duesPayments
            .where('[memberId+month]')
            .between([memberId, `${year}-01`], [memberId, `${year}-12`], true, true)
            .toArray()
        : [],
    [db, memberId, year],
  );
  return useMemo(
    () => (payments ? buildDuesIndex({ members: [], memberships: [], wageBases: [], duesPayments: payments }) : undefined),
    [payments],
  );
}

/** The next receipt number of this year, after every number used: read from the receipt index's keys, no payment read. */
function useNextReceiptNumber(): string | undefined {
  const { db } = useServices();
  const used = useLiveQuery(() => db.duesPayments.orderBy('receiptNumber').uniqueKeys(), [db]);
  return useMemo(() => (used ? nextReceiptNumber(used as string[], Number(todayIso().slice(0, 4))) : undefined), [used]);
}
