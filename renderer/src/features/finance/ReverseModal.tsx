import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatYuan } from '../../../../shared/money/fen';
import type { Transaction } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { afterToday } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { todayIso } from './format';
import { reverseEntry } from '../../../../shared/engine/ops/entries';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';

/** 红字冲销 with confirmation: the user sees what is cancelled, gives a reason and the reversal date. */
export function ReverseModal({ target, onClose }: { target: Transaction | null; onClose: () => void }) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; reason: string }>();
  const saving = useSubmit({ form, session: target?.id });
  const requestClose = useGuardedClose({ open: target !== null, form, save: () => saving.submit(submit), close: onClose });

  async function submit(values: { date: Dayjs; reason: string }) {
    if (!target) return;
    const r = await reverseEntry(store, target.id, values.date.format('YYYY-MM-DD'), values.reason.trim());
    message.success(`已冲销 ${target.voucherNumber}，冲销凭证 ${r.voucherNumber}`);
    onClose();
  }

  return (
    <Modal
      open={target !== null}
      title={`红字冲销 ${target?.voucherNumber ?? ''}`}
      okText="确认冲销"
      okButtonProps={{ danger: true }}
      confirmLoading={saving.busy}
      onOk={() => void saving.submit(submit)}
      onCancel={requestClose}
      destroyOnHidden
    >
      {target && (
        <Typography.Paragraph>
          将记一笔负数金额 <Typography.Text type="danger">-{formatYuan(target.amountFen)}</Typography.Text> 元，冲销 {target.date}「
          {target.summary}」。原记录保留不变。
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(todayIso()) }}>
        <Form.Item name="date" label="冲销日期" rules={[{ required: true, message: '请选择冲销日期' }]}>
          <DatePicker allowClear={false} disabledDate={afterToday} />
        </Form.Item>
        <Form.Item name="reason" label="冲销原因" rules={[{ required: true, whitespace: true, message: '请填写冲销原因' }]}>
          <Input placeholder="例如 金额记错" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
