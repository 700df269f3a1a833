import { Button, Space } from 'antd';

/** The buttons alone; disabled and spinning while the flow's code loads. */
export function RestoreButtonsView({ busy, onRestore }: { busy: boolean; onRestore?: (handover: boolean) => void }) {
  const loading = !onRestore;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" ghost onClick={() => onRestore?.(false)} loading={busy || loading} disabled={loading} block>
        从备份恢复
      </Button>
      <Button onClick={() => onRestore?.(true)} loading={busy || loading} disabled={loading} block>
        载入交接文件
      </Button>
    </Space>
  );
}
