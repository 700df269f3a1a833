import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useServices } from '../../app/services';
import { FILTERS } from '../../platform';
import { useRestoreFlow } from '../backup/useRestoreFlow';

/** 载入交接文件 on the new computer: the restore flow, accepting only a handover backup. */
export function LoadHandoverCard() {
  const { platform } = useServices();
  const restoring = useRestoreFlow();
  const load = async () => {
    restoring.clearError();
    const file = await platform.openFile(FILTERS.book);
    if (file) await restoring.restore(file, { handover: true });
  };
  return (
    <Card title="第三步：在新电脑上载入交接文件">
      {restoring.view}
      {restoring.alert}
      <Typography.Paragraph>
        接交人在自己的电脑上打开加密交接备份，输入移交人当面告知的密码：账簿整本恢复，这次交接记入下方的交接记录。新电脑上还没有账簿时，在首次使用页点“载入交接文件”即可。
      </Typography.Paragraph>
      <Button icon={<UploadOutlined />} onClick={() => void load()} loading={restoring.busy}>
        载入交接文件
      </Button>
    </Card>
  );
}
