import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Popover, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { removeAttachment } from '../../../../shared/engine/ops/entries';
import type { Transaction } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { CELL_TAG, CELL_TAG_ICON } from '../../components/cell-tag';
import { focusNow } from '../../components/focus-now';
import { errorText } from './format';
import { readAttachment, useAttachmentInfo } from './queries';

interface ListProps {
  transaction: Transaction;
  /** The entry's month is closed: its vouchers stay as they were closed, so nothing is removed. */
  closed: boolean;
}

function AttachmentList({ transaction, closed }: ListProps) {
  const { db, platform, store } = useServices();
  const { message } = App.useApp();
  const info = useAttachmentInfo(transaction.attachmentIds);
  async function save(id: string) {
    try {
      const a = await readAttachment(db, id);
      if (!a) return void message.error('附件不存在');
      await platform.saveFile(a.name, a.data, []);
    } catch (error) {
      message.error(errorText(error));
    }
  }
  async function remove(id: string, name: string) {
    try {
      await removeAttachment(store, transaction.id, id);
      message.success(`已删除附件 ${name}`);
    } catch (error) {
      message.error(errorText(error));
    }
  }
  return (
    <Space orientation="vertical" size={0}>
      {(info ?? []).map((a) => (
        <Space key={a.id} size={0}>
          <Button type="link" size="small" onClick={() => save(a.id)}>
            {a.name}（{Math.max(1, Math.round(a.size / 1024))} KB）
          </Button>
          {closed ? (
            <Tooltip title="所在月份已结账，附件不能删除">
              <Button type="text" size="small" icon={<DeleteOutlined />} disabled aria-label={`删除附件 ${a.name}`} />
            </Tooltip>
          ) : (
            <Popconfirm
              title={`删除附件“${a.name}”？`}
              description={`从 ${transaction.voucherNumber} 移除，其他设备同步后也会删除。`}
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => remove(a.id, a.name)}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除附件 ${a.name}`} />
            </Popconfirm>
          )}
        </Space>
      ))}
    </Space>
  );
}

/**
 * "附件 N" on a journal row; opening it lists the scans and photos, each can be saved, or removed while
 * the month is open. Drawn as a plain button in antd's Tag look (`useCellTagCss`), and its Popover is
 * made only when first opened: the rows with attachments scroll past by the hundred.
 */
export function AttachmentsTag({ transaction, closed }: ListProps) {
  // null until first opened; then whether the list is open.
  const [open, setOpen] = useState<boolean | null>(null);
  const count = transaction.attachmentIds.length;
  if (count === 0) return null;
  const tag = (
    <button
      type="button"
      className={`${CELL_TAG.default} ${CELL_TAG_ICON.paperClip}`}
      // The Popover makes the button anew: the one just pressed keeps the keyboard's focus.
      ref={open === null ? undefined : focusNow}
      onClick={open === null ? () => setOpen(true) : undefined}
    >
      {`附件 ${count}`}
    </button>
  );
  if (open === null) return tag;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title="附件"
      content={open ? <AttachmentList transaction={transaction} closed={closed} /> : null}
    >
      {tag}
    </Popover>
  );
}
