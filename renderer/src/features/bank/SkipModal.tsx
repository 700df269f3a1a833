import { App, Form, Input, Modal } from 'antd';
import { skipBankMonth } from '../../../../shared/engine/ops/bank';
import { monthLabel } from '../../../../shared/finance/period';
import type { IsoMonth } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { fieldErrors, userMessage as errorText } from '../../components/user-message';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';

/** 跳过本月对账 with the reason 结账 will show. */
export function SkipModal({ month, open, onClose }: { month: IsoMonth; open: boolean; onClose: () => void }) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const requestClose = useGuardedClose({ open, form, close: onClose });

  async function save() {
    const { reason } = await form.validateFields();
    try {
      await skipBankMonth(store, month, reason ?? '');
      message.success(`已跳过${monthLabel(month)}的银行对账`);
      form.resetFields();
      onClose();
    } catch (error) {
      const fields = fieldErrors(error);
      if (fields.length) form.setFields(fields as { name: 'reason'; errors: string[] }[]);
      else message.error(errorText(error));
    }
  }

  return (
    <Modal
      open={open}
      title={`跳过${monthLabel(month)}的银行对账`}
      okText="跳过"
      cancelText="取消"
      onOk={save}
      onCancel={requestClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="原因" extra="结账时会列出这个原因，例如“本月对账单尚未取得”。">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
