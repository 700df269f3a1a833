import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Popover, Space, Tag } from 'antd';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { errorText } from './format';
import { readAttachment, useAttachmentInfo } from './queries';

function AttachmentList({ ids }: { ids: readonly string[] }) {
  const { db, platform } = useServices();
  const { message } = App.useApp();
  const info = useAttachmentInfo(ids);
  async function save(id: string) {
    try {
      const a = await readAttachment(db, id);
      if (!a) return void message.error('附件不存在');
      await platform.saveFile(a.name, a.data, []);
    } catch (error) {
      message.error(errorText(error));
    }
  }
  return (
    <Space orientation="vertical" size={0}>
      {(info ?? []).map((a) => (
        <Button key={a.id} type="link" size="small" onClick={() => save(a.id)}>
          {a.name}（{Math.max(1, Math.round(a.size / 1024))} KB）
        </Button>
      ))}
    </Space>
  );
}

/** "附件 N" on a journal row; opening it lists the scans and photos, each can be saved. */
export function AttachmentsTag({ ids }: { ids: readonly string[] }) {
  const [open, setOpen] = useState(false);
  if (ids.length === 0) return null;
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" title="附件" content={open ? <AttachmentList ids={ids} /> : null}>
      <Tag icon={<PaperClipOutlined />} style={{ cursor: 'pointer' }}>
        附件 {ids.length}
      </Tag>
    </Popover>
  );
}
