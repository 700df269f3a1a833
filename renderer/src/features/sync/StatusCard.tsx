import { CheckCircleOutlined, CloudSyncOutlined, DisconnectOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useServices } from '../../app/services';
import { isInsecureAddress } from './address';
import { syncEngineFor } from './engine';
import { InsecureAddressAlert } from './InsecureAddressAlert';
import { leaveServer } from './mutations';
import { usePendingCount, useRefusedRecords, useSyncStatus } from './queries';
import type { SyncConfig, SyncStatus } from './state';

function StatusTag({ status, pending }: { status: SyncStatus; pending: number | undefined }) {
  if (status.phase === 'syncing')
    return (
      <Tag icon={<SyncOutlined spin />} color="processing">
        正在同步…
      </Tag>
    );
  if (status.phase === 'offline')
    return (
      <Tag icon={<DisconnectOutlined />} color="default">
        离线
      </Tag>
    );
  if (status.phase === 'error')
    return (
      <Tag icon={<ExclamationCircleOutlined />} color="error">
        错误
      </Tag>
    );
  if (pending)
    return (
      <Tag icon={<CloudSyncOutlined />} color="warning">
        待同步 {pending} 条
      </Tag>
    );
  if (status.lastSyncAt)
    return (
      <Tag icon={<CheckCircleOutlined />} color="success">
        已同步 · {dayjs(status.lastSyncAt).format('YYYY-MM-DD HH:mm:ss')}
      </Tag>
    );
  return <Tag>尚未同步</Tag>;
}

/** The truth about this device's sync, and the button to sync now. */
export function StatusCard({ config }: { config: SyncConfig }) {
  const { db, mutator } = useServices();
  const status = useSyncStatus();
  const pending = usePendingCount();
  const refused = useRefusedRecords().length;
  const syncing = status.phase === 'syncing';

  return (
    <Card
      title="同步状态"
      extra={
        <Space>
          <Button
            type="primary"
            icon={<SyncOutlined />}
            loading={syncing}
            disabled={!config.serverUrl}
            onClick={() => void syncEngineFor(db, mutator).syncNow()}
          >
            立即同步
          </Button>
          <Popconfirm
            title="解除注册后本设备不再同步，账簿数据保留在本机。确定吗？"
            okText="解除注册"
            cancelText="取消"
            onConfirm={() => leaveServer(db)}
          >
            <Button danger>解除注册</Button>
          </Popconfirm>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <div data-testid="sync-status">
          <StatusTag status={status} pending={pending} />
          {(status.phase === 'error' || status.phase === 'offline') && (
            <Typography.Text type={status.phase === 'error' ? 'danger' : 'secondary'}>{status.message}</Typography.Text>
          )}
          {refused > 0 && <Typography.Text type="danger">{refused} 条记录的更改未被服务器接受，见下方“未能同步的更改”</Typography.Text>}
        </div>
        {config.serverUrl && isInsecureAddress(config.serverUrl) && <InsecureAddressAlert />}
        {status.progress && (
          <div>
            <Typography.Text>
              首次同步：已上传 {status.progress.sent} / {status.progress.total} 条记录
            </Typography.Text>
            <Progress percent={Math.floor((100 * status.progress.sent) / Math.max(1, status.progress.total))} status="active" />
          </div>
        )}
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="服务器">{config.serverUrl || '无（用离线报送包同步）'}</Descriptions.Item>
          <Descriptions.Item label="工会">
            {config.unionName}（{config.unionCode}）
          </Descriptions.Item>
          <Descriptions.Item label="注册时间">{dayjs(config.enrolledAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label="最近一次同步">
            {status.lastSyncAt ? dayjs(status.lastSyncAt).format('YYYY-MM-DD HH:mm:ss') : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Space>
    </Card>
  );
}
