import { Alert, Button, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { publishItem } from './api';
import { errorText } from '../../../shared/error-text';

interface Values {
  kind: 'preset' | 'template';
  name: string;
  presetId: string;
  note: string;
  templateKind: 'annual-summary' | 'finance-report' | 'other';
  source: string;
}

const PRESETS = [
  { value: 'anhui-2018', label: '安徽 2018' },
  { value: 'guizhou-2018', label: '贵州 2018' },
  { value: 'fujian-2018', label: '福建 2018' },
  { value: 'beijing-2019', label: '北京 2019' },
];

/** Publishes a spending-limit preset or a document template to every union; it reaches them with their next sync. */
export function PublishButton() {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await publishItem(
        v.kind === 'preset'
          ? { kind: 'preset', name: v.name, payload: { presetId: v.presetId, note: v.note ?? '' } }
          : { kind: 'template', name: v.name, payload: { kind: v.templateKind, source: v.source } },
      );
      setOpen(false);
      setDone(`已发布：${v.name}`);
      form.resetFields();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <>
      <Button onClick={() => (setError(null), setDone(null), setOpen(true))}>发布标准或模板</Button>
      {done && <Alert type="success" showIcon title={done} style={{ display: 'inline-flex', marginLeft: 8 }} />}
      <Modal title="发布给各基层工会" open={open} onOk={submit} okText="发布" cancelText="取消" onCancel={() => setOpen(false)} width={640}>
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ kind: 'preset', presetId: 'anhui-2018', templateKind: 'annual-summary' }}
        >
          <Form.Item name="kind" label="类型">
            <Radio.Group
              options={[
                { value: 'preset', label: '开支标准' },
                { value: 'template', label: '文档模板' },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input />
          </Form.Item>
          {kind === 'template' ? (
            <>
              <Form.Item name="templateKind" label="模板用途">
                <Select
                  options={[
                    { value: 'annual-summary', label: '年度工作总结' },
                    { value: 'finance-report', label: '经费收支情况报告' },
                    { value: 'other', label: '其他' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="source" label="模板内容（Markdown + Liquid）" rules={[{ required: true, message: '模板内容不能为空' }]}>
                <Input.TextArea rows={10} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="presetId" label="开支标准">
                <Select options={PRESETS} />
              </Form.Item>
              <Form.Item name="note" label="说明">
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </>
  );
}
