import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { login } from './api';
import { errorText } from '../../../shared/error-text';

export function LoginPage({ onLogin }: { onLogin: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async ({ name, password }: { name?: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(password, name?.trim() || undefined);
      onLogin();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="管理员登录" style={{ maxWidth: 400, margin: '80px auto' }}>
      <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item label="登录名" name="name" extra="上级工会首个管理员可不填">
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="管理员密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoFocus />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy} block>
          登录
        </Button>
      </Form>
    </Card>
  );
}
