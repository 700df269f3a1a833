import { Alert, Button, Modal, Popconfirm, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import type { DeviceListing } from '../../../shared/sync/admin';
import { fetchDevices, revokeDevice } from './api';
import { dateTime } from './format';
import { errorText } from '../../../shared/error-text';

/** A union's enrolled devices; revoking one stops its token at once, so it asks first. */
export function DevicesButton({ unionId, unionName, onChanged }: { unionId: string; unionName: string; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [devices, setDevices] = useState<DeviceListing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setDevices(await fetchDevices(unionId));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [unionId]);
  const revoke = async (d: DeviceListing) => {
    try {
      await revokeDevice(unionId, d.id);
      await load();
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <>
      <Button size="small" onClick={() => (setOpen(true), setDevices(null), void load())}>
        设备
      </Button>
      <Modal title={`${unionName} 的设备`} open={open} footer={null} width={760} onCancel={() => setOpen(false)}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Table<DeviceListing>
          rowKey="id"
          size="small"
          loading={devices === null && !error}
          dataSource={devices ?? []}
          pagination={false}
          locale={{ emptyText: '尚无注册的设备' }}
          columns={[
            { title: '设备', key: 'name', render: (_: unknown, d) => d.name || d.deviceId },
            { title: '注册时间', key: 'enrolledAt', render: (_: unknown, d) => dateTime(d.enrolledAt) },
            { title: '最近联系', key: 'lastSeenAt', render: (_: unknown, d) => (d.lastSeenAt ? dateTime(d.lastSeenAt) : '尚未同步') },
            {
              title: '状态',
              key: 'state',
              render: (_: unknown, d) =>
                d.revokedAt ? (
                  <Tag>已撤销 {dateTime(d.revokedAt)}</Tag>
                ) : (
                  <Popconfirm
                    title={`撤销设备“${d.name || d.deviceId}”？`}
                    description="撤销后该设备立即无法同步，需用新注册码重新注册。"
                    okText="确认撤销"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => revoke(d)}
                  >
                    <Button size="small" danger>
                      撤销
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Modal>
    </>
  );
}
