import { ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { FILTERS } from '../../platform';
import { enrolFromFile } from './packages';
import { errorText } from '../../../../shared/error-text';

/** Not enrolled and no network: the upper union's enrolment file and its passcode enrol this device for packages. */
export function OfflineEnrolCard() {
  const { db, platform } = useServices();
  const [passcode, setPasscode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async () => {
    setError(null);
    if (!passcode.trim()) return setError('请先填写上级工会告知的注册文件口令');
    const file = await platform.openFile(FILTERS.enrolment);
    if (!file) return;
    setBusy(true);
    try {
      await enrolFromFile(db, file.data, passcode);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="没有网络：导入注册文件">
      <Typography.Paragraph type="secondary">
        本单位无法联网时，请上级工会生成本工会的注册文件（.ubenrol）并另行告知口令。注册后，用“离线报送包”经 U 盘与上级工会交换数据。
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ maxWidth: 480, width: '100%' }}>
        <Input
          aria-label="注册文件口令"
          placeholder="注册文件口令，例如 ABCDE-FGHJK"
          value={passcode}
          onChange={(e) => setPasscode(e.target.value)}
          autoComplete="off"
        />
        {error && <Alert type="error" showIcon title={error} />}
        <Button icon={<ImportOutlined />} onClick={() => void choose()} loading={busy}>
          导入注册文件
        </Button>
      </Space>
    </Card>
  );
}
