import { PaperClipOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { noticeAttachment } from './api';
import { localAttachment, markNoticeRead, useNotices, type NoticeView } from './notices';
import { useSyncConfig } from './queries';
import { errorText } from '../../../../shared/error-text';

const kb = (size: number) =>
  size < 1024 ? `${size} B` : size < 1024 * 1024 ? `${(size / 1024).toFixed(0)} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`;

/** 上级通知: what the upper unions sent to this union; opening one marks it read on this device. */
export function NoticesCard() {
  const { db, platform } = useServices();
  const config = useSyncConfig();
  const notices = useNotices();
  const { message } = App.useApp();
  const [shown, setShown] = useState<NoticeView | null>(null);
  const [busy, setBusy] = useState(false);
  const unread = notices?.filter((n) => !n.read).length ?? 0;

  const open = (notice: NoticeView) => {
    setShown(notice);
    void markNoticeRead(db, notice.id);
  };
  const saveAttachment = async (notice: NoticeView) => {
    if (!config || !notice.attachment) return;
    setBusy(true);
    try {
      // A reply package may have brought it; otherwise the server is asked, which a device enrolled by file cannot.
      let bytes = await localAttachment(db, notice.id);
      if (!bytes && !config.serverUrl) {
        message.info('附件将随下一个回执包带来：请导出报送包交上级工会，导入其回执包后再下载。');
        return;
      }
      bytes ??= new Uint8Array(await (await noticeAttachment(config.serverUrl, config.token, notice.id)).arrayBuffer());
      const ext = notice.attachment.name.includes('.') ? notice.attachment.name.split('.').pop()! : '';
      const filters = ext ? [{ name: '附件', extensions: [ext] }] : [];
      if (await platform.saveFile(notice.attachment.name, bytes, filters)) message.success('附件已保存');
    } catch (e) {
      message.error(`下载附件失败：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <Space>
          上级通知
          {unread > 0 && <Badge count={unread} title={`${unread} 条未读`} />}
        </Space>
      }
    >
      {!notices?.length ? (
        <Empty description="暂无上级工会的通知" />
      ) : (
        <List
          dataSource={notices}
          renderItem={(n) => (
            <List.Item
              actions={[
                <Button key="open" size="small" onClick={() => open(n)}>
                  查看
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {n.read ? <Tag>已读</Tag> : <Tag color="red">未读</Tag>}
                    <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                    {n.attachment && <PaperClipOutlined aria-label="有附件" />}
                  </Space>
                }
                description={`${n.from} · ${dayjs(n.publishedAt).format('YYYY-MM-DD HH:mm')}`}
              />
            </List.Item>
          )}
        />
      )}
      <Modal
        title={shown?.title}
        open={!!shown}
        onCancel={() => setShown(null)}
        footer={<Button onClick={() => setShown(null)}>关闭</Button>}
        width={640}
      >
        {shown && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {shown.from} · {dayjs(shown.publishedAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            <Typography.Paragraph data-testid="notice-body" style={{ whiteSpace: 'pre-wrap' }}>
              {shown.body}
            </Typography.Paragraph>
            {shown.attachment && (
              <Button icon={<PaperClipOutlined />} loading={busy} onClick={() => void saveAttachment(shown)}>
                下载附件：{shown.attachment.name}（{kb(shown.attachment.size)}）
              </Button>
            )}
          </Space>
        )}
      </Modal>
    </Card>
  );
}
