import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Select, Upload } from 'antd';
import { useState } from 'react';
import type { AdminOrg } from '../../../shared/sync/admin';
import { NOTICE_ATTACHMENT_MAX_BYTES } from '../../../shared/sync/protocol';
import { publishNotice } from './api';
import { errorText } from '../../../shared/error-text';

interface Values {
  title: string;
  body: string;
  org: string;
}

const MAX_MB = NOTICE_ATTACHMENT_MAX_BYTES / 1024 / 1024;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * 发布通知: to the unions of the admin's own subtree, or of one organisation below it. They see it
 * in their app's 同步 page after their next sync.
 */
export function NoticeButton({ orgs }: { orgs: (AdminOrg & { depth: number })[] }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm<Values>();
  const own = orgs[0];

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await publishNotice({
        title: v.title,
        body: v.body,
        ...(v.org && v.org !== own?.code ? { org: v.org } : {}),
        ...(file
          ? { attachment: { name: file.name, mimeType: file.type || 'application/octet-stream', base64: await base64Of(file) } }
          : {}),
      });
      const to = orgs.find((o) => o.code === v.org)?.name ?? own?.name ?? '';
      setOpen(false);
      setDone(`已发布通知：${v.title}（发送至 ${to} 及其下属工会）`);
      form.resetFields();
      setFile(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button onClick={() => (setError(null), setDone(null), form.setFieldValue('org', own?.code), setOpen(true))}>发布通知</Button>
      {done && <Alert type="success" showIcon title={done} style={{ display: 'inline-flex', marginLeft: 8 }} />}
      <Modal
        title="发布通知"
        open={open}
        onOk={submit}
        okText="发布"
        okButtonProps={{ loading: busy }}
        cancelText="取消"
        onCancel={() => setOpen(false)}
        width={640}
      >
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="org" label="发送范围">
            <Select
              options={orgs.map((o) => ({ value: o.code, label: `${'　'.repeat(o.depth)}${o.name} 及其下属工会` }))}
              aria-label="发送范围"
            />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写通知标题' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="body" label="正文" rules={[{ required: true, whitespace: true, message: '请填写通知正文' }]}>
            <Input.TextArea rows={8} maxLength={20_000} />
          </Form.Item>
          <Form.Item label={`附件（可选，不超过 ${MAX_MB} MB）`}>
            <Upload
              maxCount={1}
              fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
              beforeUpload={(f) => {
                const tooLarge = f.size > NOTICE_ATTACHMENT_MAX_BYTES;
                setError(tooLarge ? `附件“${f.name}”超过 ${MAX_MB} MB，请压缩或拆分后再发` : null);
                if (!tooLarge) setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </>
  );
}
