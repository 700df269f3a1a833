import { App, Button, Card, Col, Form, Input, InputNumber, Row } from 'antd';
import { useEffect } from 'react';
import type { UnionProfile } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { countRule } from '../../components/count-rule';
import { useSubmit } from '../../components/useSubmit';
import { updateUnion } from '../../../../shared/engine/ops/union';
import type { Patch } from '../../../../shared/engine/store';
import { useUnsavedChanges } from '../../components/unsaved/useUnsavedChanges';

const FIELDS: { name: keyof Patch<'union'>; label: string; required?: boolean; number?: boolean; extra?: string }[] = [
  { name: 'name', label: '工会名称', required: true },
  { name: 'employer', label: '所在单位' },
  { name: 'code', label: '统一社会信用代码/工会代码' },
  { name: 'upperUnion', label: '上级工会' },
  { name: 'chair', label: '工会主席' },
  { name: 'treasurer', label: '经费会计/出纳' },
  { name: 'employeeCount', label: '职工人数', number: true, extra: '用于计算入会率；应包括全部在职会员' },
  { name: 'womenEmployeeCount', label: '女职工人数', number: true, extra: '用于上报统计' },
];

export function ProfileForm({ union }: { union: UnionProfile }) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<Patch<'union'>>();
  const saving = useSubmit({ form });
  useEffect(() => form.setFieldsValue(union), [form, union]);
  const current = Form.useWatch((values: Patch<'union'>) => values, form) as Record<string, unknown> | undefined;
  const saved = union as unknown as Record<string, unknown>;
  const dirty = current !== undefined && FIELDS.some((f) => String(current[f.name] ?? '') !== String(saved[f.name] ?? ''));
  useUnsavedChanges(dirty, () => saving.submit(save));

  const save = async (values: Patch<'union'>) => {
    await updateUnion(store, union.id, {
      ...values,
      employeeCount: values.employeeCount ?? 0,
      womenEmployeeCount: values.womenEmployeeCount ?? 0,
    });
    message.success('工会信息已保存');
  };

  return (
    <Card title="工会信息">
      <Form form={form} layout="vertical" initialValues={union} style={{ maxWidth: 720 }}>
        <Row gutter={16}>
          {FIELDS.map((f) => (
            <Col span={12} key={f.name}>
              <Form.Item
                label={f.label}
                name={f.name}
                extra={f.extra}
                rules={
                  f.required ? [{ required: true, whitespace: true, message: `请填写${f.label}` }] : f.number ? [countRule(f.label)] : []
                }
              >
                {f.number ? <InputNumber style={{ width: '100%' }} suffix="人" /> : <Input />}
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" loading={saving.busy} onClick={() => void saving.submit(save)}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
