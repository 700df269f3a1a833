import { App, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { disposeAsset } from '../../../../shared/engine/ops/assets';
import { ASSET_CATEGORY_LABEL, fixedAssetsAt } from '../../../../shared/finance/fixed-assets';
import { formatYuan } from '../../../../shared/money/fen';
import type { FixedAsset } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { todayIso } from '../finance/format';
import { RegisterAssetModal } from './RegisterAssetModal';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';

/** 固定资产登记簿: every asset with its value, place and keeper; disposal with a date and reason. */
export function AssetsPanel({ year }: { year: number }) {
  const { db, store } = useServices();
  const { message } = App.useApp();
  const assets = useLiveQuery(async () => (await db.fixedAssets.toArray()).filter((a) => a.deleted === 0), [db]);
  const [disposing, setDisposing] = useState<FixedAsset | null>(null);
  const [reason, setReason] = useState('');
  const [registering, setRegistering] = useState(false);
  const submit = useSubmit({ session: disposing?.id });
  const requestClose = useGuardedClose({ open: disposing !== null, dirty: reason.trim() !== '', close: () => setDisposing(null) });
  const today = todayIso();
  if (!assets) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setRegistering(true)}>
          登记固定资产
        </Button>
        <Typography.Text type="secondary">
          资本性支出单价一般设备 1,000 元、专用设备 1,500 元以上的，从对应的支出登记为固定资产。在用资产原值合计{' '}
          {formatYuan(fixedAssetsAt(assets, today))} 元。
        </Typography.Text>
      </Space>
      <RegisterAssetModal year={year} open={registering} onClose={() => setRegistering(false)} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        locale={{ emptyText: '暂无固定资产' }}
        dataSource={[...assets].sort((a, b) => (a.acquiredDate < b.acquiredDate ? -1 : 1))}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类别', dataIndex: 'category', render: (c: FixedAsset['category']) => ASSET_CATEGORY_LABEL[c] },
          { title: '取得日期', dataIndex: 'acquiredDate' },
          { title: '原值（元）', dataIndex: 'valueFen', align: 'right', render: (v: number) => formatYuan(v) },
          { title: '存放地点', dataIndex: 'location' },
          { title: '保管人', dataIndex: 'keeper' },
          {
            title: '状态',
            render: (_, a) =>
              a.disposedDate ? (
                <Tag>
                  已处置 {a.disposedDate}（{a.disposalReason}）
                </Tag>
              ) : (
                <Tag color="green">在用</Tag>
              ),
          },
          {
            title: '操作',
            render: (_, a) =>
              a.disposedDate ? null : (
                <Button
                  size="small"
                  onClick={() => {
                    setReason('');
                    setDisposing(a);
                  }}
                >
                  处置
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={disposing !== null}
        title={`处置 ${disposing?.name ?? ''}`}
        okText="处置"
        cancelText="取消"
        confirmLoading={submit.busy}
        onCancel={requestClose}
        onOk={() =>
          submit.submit(async () => {
            if (!disposing) return false;
            await disposeAsset(store, disposing.id, today, reason);
            message.success(`${disposing.name}已处置`);
            setDisposing(null);
          })
        }
      >
        <Input.TextArea
          aria-label="处置原因"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="例如 报废、出售、调拨"
        />
      </Modal>
    </Space>
  );
}
