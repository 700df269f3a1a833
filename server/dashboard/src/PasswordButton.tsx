import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { changePassword } from './api';
import { errorText } from '../../../shared/error-text';

interface Values {
  current: string;
  password: string;
  again: string;
}

/** An admin changes its own password; the current one is asked again, whoever left the session open. */
export function PasswordButton() {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await changePassword(v.current, v.password);
      setOpen(false);
      setDone(true);
      form.resetFields();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {done && <Alert type="success" showIcon title="密码已修改" style={{ display: 'inline-flex', marginRight: 8 }} />}
      <Button onClick={() => (setError(null), setDone(false), setOpen(true))}>修改密码</Button>
      <Modal
        title="修改管理员密码"
        open={open}
        onOk={submit}
        okText="修改"
        okButtonProps={{ loading: busy }}
        cancelText="取消"
        onCancel={() => setOpen(false)}
      >
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="current" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="password" label="新密码" rules={[{ required: true, min: 8, message: '新密码至少 8 位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="again"
            label="再次输入新密码"
            dependencies={['password']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </>
  );
}
