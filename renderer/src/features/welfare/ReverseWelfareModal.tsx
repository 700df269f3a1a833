import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatYuan } from '../../../../shared/money/fen';
import type { WelfareVisit } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { afterToday } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { reverseWelfare } from '../../../../shared/engine/ops/welfare';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';

interface Props {
  visit: WelfareVisit | null;
  memberName: string;
  onClose: () => void;
}

/** 撤销 a visit: asks for the reason; its expense gets a 红字冲销 entry on the chosen date. */
export function ReverseWelfareModal({ visit, memberName, onClose }: Props) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; reason: string }>();
  const saving = useSubmit({ form, session: visit?.id });
  const requestClose = useGuardedClose({ open: !!visit, form, save: () => saving.submit(submit), close: onClose });

  const submit = async (v: { date: Dayjs; reason: string }) => {
    if (!visit) return;
    await reverseWelfare(store, visit.id, v.date.format('YYYY-MM-DD'), v.reason.trim());
    message.success(visit.amountFen > 0 ? '慰问已撤销，支出已红字冲销' : '慰问已撤销');
    onClose();
  };

  return (
    <Modal
      title="撤销慰问"
      open={!!visit}
      onOk={() => void saving.submit(submit)}
      confirmLoading={saving.busy}
      onCancel={requestClose}
      okText="撤销"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      destroyOnHidden
    >
      {visit && (
        <Typography.Paragraph>
          撤销 {visit.date} 对 {memberName} 的{visit.kind}慰问
          {visit.amountFen > 0 ? `（${formatYuan(visit.amountFen)} 元）。收支中将记一笔红字冲销，原支出保留。` : '。'}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), reason: '' }}>
        <Form.Item name="date" label="冲销日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} disabledDate={afterToday} />
        </Form.Item>
        <Form.Item name="reason" label="撤销原因" rules={[{ required: true, whitespace: true, message: '请填写撤销原因' }]}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
