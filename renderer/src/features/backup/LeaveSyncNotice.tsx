import { Alert, Typography } from 'antd';
import type { SyncConfig } from '../sync/state';

/**
 * The part of a "replace the book" confirmation that an enrolled device adds: the replacement is
 * never sent to the union this device syncs with, so going ahead means leaving sync.
 */
export function LeaveSyncNotice({ enrolment, otherUnion }: { enrolment: SyncConfig; otherUnion?: string | null }) {
  return (
    <Alert
      type="warning"
      showIcon
      title={`本设备已注册到上级工会服务器，正与“${enrolment.unionName}”同步`}
      description={
        <>
          {otherUnion && (
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              备份文件属于另一个工会“{otherUnion}”，不能并入“{enrolment.unionName}”的数据。
            </Typography.Paragraph>
          )}
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            替换后的账簿不会上传到服务器：继续操作，本设备将退出同步（忘记服务器地址、设备令牌和同步进度），服务器上“
            {enrolment.unionName}”的数据保持不变。
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            以后如需同步，请在“同步”页用上级工会提供的注册码重新注册。不想退出同步请点“取消”。
          </Typography.Paragraph>
        </>
      }
    />
  );
}
