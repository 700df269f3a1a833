import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { createUnion } from './api';
import { errorText } from '../../../shared/error-text';

export function CreateUnionButton({ onCreated }: { onCreated: (unionName: string, code: string) => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ code: string; name: string }>();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const { enrolmentCode } = await createUnion(values.code, values.name);
      setOpen(false);
      form.resetFields();
      onCreated(values.name, enrolmentCode);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => (setError(null), setOpen(true))}>
        新增工会
      </Button>
      <Modal title="新增基层工会" open={open} onOk={submit} okText="新增" cancelText="取消" onCancel={() => setOpen(false)}>
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item label="工会代码" name="code" rules={[{ required: true, message: '请填写工会代码' }]}>
            <Input placeholder="字母、数字、下划线或连字符" />
          </Form.Item>
          <Form.Item label="工会名称" name="name" rules={[{ required: true, message: '请填写工会名称' }]}>
            <Input />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </>
  );
}
