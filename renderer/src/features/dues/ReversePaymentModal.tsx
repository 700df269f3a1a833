import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { monthLabel } from '../../../../shared/dues/months';
import { formatYuan } from '../../../../shared/money/fen';
import type { DuesPayment } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { afterToday } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { reverseDuesPayment } from '../../../../shared/engine/ops/dues';
import { todayIso } from './queries';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';

/** 冲销 one member-month after confirmation: a negative payment and a negative 401 entry; the original stays. */
export function ReversePaymentModal({
  target,
  memberName,
  onClose,
}: {
  target: DuesPayment | null;
  memberName: string;
  onClose: () => void;
}) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; reason: string }>();
  const saving = useSubmit({ form, session: target?.id });
  const requestClose = useGuardedClose({ open: target !== null, form, save: () => saving.submit(submit), close: onClose });

  async function submit(values: { date: Dayjs; reason: string }) {
    if (!target) return;
    await reverseDuesPayment(store, { paymentId: target.id, date: values.date.format('YYYY-MM-DD'), reason: values.reason });
    message.success(`已冲销 ${memberName} ${monthLabel(target.month)}会费`);
    onClose();
  }

  return (
    <Modal
      open={target !== null}
      title="冲销会费"
      okText="确认冲销"
      okButtonProps={{ danger: true }}
      confirmLoading={saving.busy}
      onOk={() => void saving.submit(submit)}
      onCancel={requestClose}
      destroyOnHidden
    >
      {target && (
        <Typography.Paragraph>
          冲销 {memberName} {monthLabel(target.month)}的会费 {formatYuan(target.amountFen)} 元（{target.method}，{target.paidDate}
          ）。将记一笔 <Typography.Text type="danger">-{formatYuan(target.amountFen)}</Typography.Text> 元的会费记录和 401
          会费收入，原记录保留；冲销后该月重新显示为未缴。
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(todayIso()) }}>
        <Form.Item name="date" label="冲销日期" rules={[{ required: true, message: '请选择冲销日期' }]}>
          <DatePicker allowClear={false} disabledDate={afterToday} />
        </Form.Item>
        <Form.Item name="reason" label="冲销原因" rules={[{ required: true, whitespace: true, message: '请填写冲销原因' }]}>
          <Input placeholder="例如 重复扣款" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
