import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useServices } from '../../app/services';
import { clearSkippedRecords, useSkippedRecords } from './queries';

const SHOWN = 20;

/**
 * Rows the server sent that this device did not take into its book (not valid for their kind in
 * this version). Everything else synced; the user should know which records are missing here.
 */
export function SkippedCard() {
  const { db } = useServices();
  const records = useSkippedRecords();
  if (!records.length) return null;
  const shown = records.slice(-SHOWN);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="sync-skipped"
      title={`从服务器收到的 ${records.length} 条记录未载入本机`}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            这些记录不符合本机的记账规则，已跳过，其余数据照常同步。请在录入这些记录的设备上更正，或将本机升级到最新版本。
          </Typography.Text>
          {shown.map((r) => (
            <Space key={r.key} size={4} wrap data-testid="sync-skipped-row">
              <Tag>{r.tableLabel}</Tag>
              {/* The tag names the table already; the reason need not say it twice. */}
              <Typography.Text>
                {r.reason.startsWith(`${r.tableLabel} `) ? r.reason.slice(r.tableLabel.length + 1) : r.reason}
              </Typography.Text>
            </Space>
          ))}
          {records.length > shown.length && (
            <Typography.Text type="secondary">另有 {records.length - shown.length} 条较早的记录未列出</Typography.Text>
          )}
        </Space>
      }
      action={
        <Button size="small" onClick={() => void clearSkippedRecords(db)}>
          知道了
        </Button>
      }
    />
  );
}
