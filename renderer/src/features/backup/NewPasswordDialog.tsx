import { Alert, Form, Input, Modal, Progress, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { MIN_PASSWORD_LENGTH, passwordStrength } from '../../../../shared/backup/password-strength';

interface Fields {
  password: string;
  repeat: string;
}

const COLORS = ['#ff4d4f', '#ff4d4f', '#faad14', '#52c41a'] as const;

/** The warning every place that sets a backup password shows: there is no way back from a lost one. */
export function LostPasswordWarning() {
  return (
    <Alert
      type="warning"
      showIcon
      title="请牢记这个密码"
      description="密码丢失后，加密的备份文件无法打开，任何人（包括软件开发者和上级工会）都无法找回。请把密码写在纸上，与公章一起妥善保管。"
    />
  );
}

/**
 * Asks for a new backup password, typed twice, with a strength hint and the warning that a lost
 * password cannot be recovered. `ask` resolves to the password, or null when the user cancels.
 */
export function useNewPasswordDialog(): { ask: (title: string, okText: string) => Promise<string | null>; dialog: ReactNode } {
  const [form] = Form.useForm<Fields>();
  const [open, setOpen] = useState<{ title: string; okText: string } | null>(null);
  const resolver = useRef<((password: string | null) => void) | null>(null);
  const typed = Form.useWatch('password', form) ?? '';
  const strength = passwordStrength(typed);

  const finish = (password: string | null) => {
    resolver.current?.(password);
    resolver.current = null;
    setOpen(null);
    form.resetFields();
  };
  const ask = (title: string, okText: string) =>
    new Promise<string | null>((resolve) => {
      resolver.current = resolve;
      setOpen({ title, okText });
    });

  const dialog = (
    <Modal
      open={open !== null}
      title={open?.title}
      okText={open?.okText}
      cancelText="取消"
      width={520}
      destroyOnHidden
      onCancel={() => finish(null)}
      onOk={() =>
        void form.validateFields().then(
          (v) => finish(v.password),
          () => undefined,
        )
      }
    >
      <Form<Fields> form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item
          label="密码"
          name="password"
          rules={[
            { required: true, message: '请输入密码' },
            { min: MIN_PASSWORD_LENGTH, message: `密码至少 ${MIN_PASSWORD_LENGTH} 位` },
          ]}
          extra={
            typed ? (
              <div data-testid="password-strength" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <Progress
                  percent={(strength.level / 3) * 100}
                  steps={3}
                  showInfo={false}
                  strokeColor={COLORS[strength.level]}
                  size={[36, 6]}
                />
                <Typography.Text style={{ color: COLORS[strength.level] }}>强度：{strength.label}</Typography.Text>
                <Typography.Text type="secondary">{strength.hint}</Typography.Text>
              </div>
            ) : (
              `至少 ${MIN_PASSWORD_LENGTH} 位；可以用一句好记的话，夹杂数字和符号。`
            )
          }
        >
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再输入一次"
          name="repeat"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再输入一次密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      <LostPasswordWarning />
    </Modal>
  );
  return { ask, dialog };
}
