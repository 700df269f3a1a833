import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { describeAddress } from './address';
import { InsecureAddressAlert } from './InsecureAddressAlert';
import { enrolDevice } from './mutations';
import { syncEngineFor } from './engine';
import { errorText } from '../../../../shared/error-text';

interface Values {
  serverUrl: string;
  unionCode: string;
  enrolmentCode: string;
}

/** Not yet enrolled: the three things the upper union hands out. */
export function EnrolCard() {
  const { db, mutator } = useServices();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const address = describeAddress(Form.useWatch('serverUrl', form) ?? '');

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await enrolDevice(db, mutator, values);
      void syncEngineFor(db, mutator).syncNow();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="注册到上级工会服务器">
      <Typography.Paragraph type="secondary">
        填写上级工会提供的服务器地址、工会代码和一次性注册码。注册后，本账簿会自动与服务器同步；数据仍保存在本机。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 480 }} onFinish={onFinish} requiredMark={false}>
        <Form.Item
          label="服务器地址"
          name="serverUrl"
          rules={[{ required: true, message: '请填写服务器地址' }]}
          extra={address && <span data-testid="server-address">将连接 {address.url}</span>}
        >
          <Input placeholder="例如 https://sync.example.org 或 192.168.1.10:8787" autoComplete="off" />
        </Form.Item>
        {address?.insecure && <InsecureAddressAlert style={{ marginBottom: 16 }} />}
        <Form.Item label="工会代码" name="unionCode" rules={[{ required: true, message: '请填写工会代码' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="注册码" name="enrolmentCode" rules={[{ required: true, message: '请填写注册码' }]}>
          <Input placeholder="例如 ABCDE-FGHJK" autoComplete="off" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          注册本设备
        </Button>
      </Form>
    </Card>
  );
}
