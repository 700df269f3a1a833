import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useServices } from '../../app/services';
import { syncEngineFor } from './engine';
import { useRefusedRecords, type RefusedRecord } from './queries';
import { dropRefused, retryRefused } from './refusals';

/**
 * Records the server would not take. Everything else keeps syncing; each of these waits for the
 * user: correct the record and send it again, or give the change up.
 */
export function RefusedCard() {
  const { db, mutator } = useServices();
  const { modal, message } = App.useApp();
  const records = useRefusedRecords();
  if (!records.length) return null;

  const retry = async (r: RefusedRecord) => {
    await retryRefused(db, r.table, r.rowId);
    const ok = await syncEngineFor(db, mutator).syncNow();
    if (ok) message.info('已重新发送；若仍被拒绝，会继续显示在这里');
  };

  const drop = (r: RefusedRecord) =>
    modal.confirm({
      title: '放弃这条更改？',
      content: `${r.tableLabel}“${r.title}”的这次更改将不再发送到上级工会服务器。本机的记录保持现状；服务器和本工会的其他设备不会收到这次更改。`,
      okText: '放弃更改',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => dropRefused(db, r.table, r.rowId),
    });

  return (
    <Card title={<span>未能同步的更改</span>} extra={<Tag color="error">{records.length} 条记录</Tag>}>
      <Typography.Paragraph type="secondary">
        服务器拒绝接收下列记录的更改，其余数据照常同步。请先修改记录中有问题的内容，再点“重新发送”；也可以放弃这次更改。
      </Typography.Paragraph>
      <List
        dataSource={records}
        rowKey={(r) => `${r.table}/${r.rowId}`}
        renderItem={(r) => (
          <List.Item
            data-testid="refused-change"
            actions={[
              <Button key="retry" size="small" onClick={() => void retry(r)}>
                重新发送
              </Button>,
              <Button key="drop" size="small" danger onClick={() => drop(r)}>
                放弃
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <Tag>{r.tableLabel}</Tag>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  {r.field && <Typography.Text type="secondary">· {r.field}</Typography.Text>}
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  <Typography.Text type="danger">原因：{r.reason}</Typography.Text>
                  <Typography.Text type="secondary">
                    {dayjs(r.at).format('YYYY-MM-DD HH:mm')} 被拒绝
                    {r.held > 0 && `；此记录之后的 ${r.held} 条更改也在等待`}
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
