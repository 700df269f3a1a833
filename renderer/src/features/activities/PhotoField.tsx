import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Image, Popconfirm, Space, Spin, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Attachment } from '../../../../shared/model/records';
import type { NewPhoto } from '../../../../shared/engine/ops/activities';
import { AttachmentRefused, PHOTO_POLICY, prepareAttachment } from '../attachments/prepare';

interface Props {
  saved: readonly Attachment[];
  pending: readonly NewPhoto[];
  onAdd: (photo: NewPhoto) => void;
  onRemovePending: (index: number) => void;
  onRemoveSaved: (id: string) => void;
}

function useObjectUrls(items: readonly { data: Uint8Array; mimeType: string }[]): string[] {
  const urls = useMemo(() => items.map((p) => URL.createObjectURL(new Blob([p.data as BlobPart], { type: p.mimeType }))), [items]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return urls;
}

/** Activity photos: picked files are compressed in the app right away (../attachments/prepare.ts) and kept until the activity is saved. */
export function PhotoField({ saved, pending, onAdd, onRemovePending, onRemoveSaved }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(0);
  const savedUrls = useObjectUrls(saved);
  const pendingUrls = useObjectUrls(pending);

  const add = async (file: File) => {
    setBusy((n) => n + 1);
    try {
      const photo = await prepareAttachment(file, PHOTO_POLICY);
      const caption = file.name.replace(/\.[^.]+$/, '') || '照片';
      onAdd({ name: photo.name, mimeType: photo.type, data: new Uint8Array(await photo.arrayBuffer()), caption });
    } catch (error) {
      message.error(error instanceof AttachmentRefused ? error.message : `无法读取图片“${file.name}”，请选择 JPG 或 PNG 照片`);
    } finally {
      setBusy((n) => n - 1);
    }
  };

  const tile = (url: string, caption: string, remove: () => void, key: string, confirm: boolean) => (
    <div key={key} style={{ textAlign: 'center' }} data-testid="activity-photo">
      <Image src={url} width={96} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} alt={caption} />
      <div>
        {confirm ? (
          <Popconfirm title="删除这张照片？" okText="删除" cancelText="取消" onConfirm={remove}>
            <Button type="link" size="small" icon={<DeleteOutlined />} aria-label={`删除照片 ${caption}`} />
          </Popconfirm>
        ) : (
          <Button type="link" size="small" icon={<DeleteOutlined />} aria-label={`删除照片 ${caption}`} onClick={remove} />
        )}
      </div>
    </div>
  );

  return (
    <Space wrap align="start">
      {saved.map((a, i) => tile(savedUrls[i] ?? '', a.caption || a.name, () => onRemoveSaved(a.id), a.id, true))}
      {pending.map((p, i) => tile(pendingUrls[i] ?? '', p.caption, () => onRemovePending(i), `new-${i}`, false))}
      <Upload
        accept="image/*"
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          void add(file);
          return false;
        }}
      >
        <Button icon={busy ? <Spin size="small" /> : <PlusOutlined />} style={{ width: 96, height: 72 }}>
          添加照片
        </Button>
      </Upload>
    </Space>
  );
}
