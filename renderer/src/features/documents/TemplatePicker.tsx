import { Button, Popconfirm, Select, Tag } from 'antd';
import type { UserTemplate } from '../../../../shared/model/records';
import { BUNDLED } from './bundled';

/** The bundled templates, then the union's own copies. */
export function TemplatePicker({
  userTemplates,
  value,
  onChange,
}: {
  userTemplates: readonly UserTemplate[];
  value: string;
  onChange: (key: string) => void;
}) {
  return (
    <>
      <span>模板</span>
      <Select
        aria-label="模板"
        style={{ width: 260 }}
        value={value}
        onChange={onChange}
        options={[
          { label: '内置模板', options: BUNDLED.map((c) => ({ value: c.key, label: c.name })) },
          ...(userTemplates.length > 0 ? [{ label: '我的模板', options: userTemplates.map((t) => ({ value: t.id, label: t.name })) }] : []),
        ]}
      />
    </>
  );
}

/** Edit and delete exist only for a user's copy; a bundled template says how to change it. */
export function TemplateActions({
  template,
  editing,
  onEdit,
  onDelete,
}: {
  template: UserTemplate | undefined;
  editing: boolean;
  onEdit: (t: UserTemplate) => void;
  onDelete: (t: UserTemplate) => Promise<void>;
}) {
  if (!template) return <Tag>内置模板不能修改，请复制后编辑</Tag>;
  return (
    <>
      {!editing && <Button onClick={() => onEdit(template)}>编辑模板</Button>}
      <Popconfirm
        title={`删除模板“${template.name}”？`}
        description="内置模板不受影响。"
        okText="删除"
        cancelText="取消"
        onConfirm={() => onDelete(template)}
      >
        <Button danger>删除模板</Button>
      </Popconfirm>
      <Tag color="blue">我的模板</Tag>
    </>
  );
}
