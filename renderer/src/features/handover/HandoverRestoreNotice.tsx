import { Alert, Typography } from 'antd';
import { formatDate } from '../../../../shared/engine/rules/dates';
import type { Handover } from '../../../../shared/model/records';

/**
 * What restoring a handover backup adds to the confirmation: which handover it is, that it will be
 * recorded, and what happens to sync. The file never carries the outgoing computer's device token
 * (an app backup holds the book only), so this computer cannot act as the old one.
 */
export function HandoverRestoreNotice({ handover }: { handover: Handover }) {
  return (
    <Alert
      type="info"
      showIcon
      title={`换届交接备份：${formatDate(handover.date)}由${handover.from}移交给${handover.to}，${handover.supervisor}监交`}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>恢复后，这次交接记入账簿的交接记录（设置 → 换届交接）。</Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="handover-sync-notice">
            {handover.syncUnionCode
              ? `移交的电脑已注册同步（工会代码 ${handover.syncUnionCode}）。交接备份不含它的设备凭证，本机恢复后不会同步：请在“同步”页用上级工会提供的注册码或注册文件注册本机，再到 设置 → 换届交接 撤销旧电脑。`
              : '移交的电脑没有注册同步，交接备份不含任何同步凭证；本机恢复后同样不同步。'}
          </Typography.Paragraph>
        </>
      }
    />
  );
}
