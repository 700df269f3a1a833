import { Button, Card, Form, Input, Space, Typography } from 'antd';
import type { Narrative } from './mutations';

const FIELDS: { key: keyof Narrative; label: string; placeholder: string }[] = [
  { key: 'highlights', label: '本年亮点', placeholder: '如：围绕中心工作组织岗位技能比武，职工参与面明显扩大……' },
  { key: 'problems', label: '存在的问题', placeholder: '如：工会干部多为兼职，业务能力有待提高……' },
  { key: 'nextYearPlan', label: '明年工作计划', placeholder: '如：深化“职工之家”建设，完善困难职工帮扶机制……' },
];

/**
 * The words a person must write; the books cannot supply them. The draft shows in the preview as it
 * is typed and is kept per year when saved. A field left empty leaves its section out of the document.
 */
export function NarrativeForm({
  year,
  draft,
  dirty,
  saving,
  onChange,
  onSave,
}: {
  year: number;
  draft: Narrative;
  dirty: boolean;
  saving: boolean;
  onChange: (draft: Narrative) => void;
  onSave: () => void;
}) {
  return (
    <Card size="small" title={`${year}年度文字材料`} extra={dirty ? <Typography.Text type="warning">未保存</Typography.Text> : null}>
      <Form layout="vertical">
        {FIELDS.map((f) => (
          <Form.Item key={f.key} label={f.label} style={{ marginBottom: 12 }}>
            <Input.TextArea
              aria-label={f.label}
              autoSize={{ minRows: 3, maxRows: 8 }}
              value={draft[f.key]}
              placeholder={f.placeholder}
              onChange={(e) => onChange({ ...draft, [f.key]: e.target.value })}
            />
          </Form.Item>
        ))}
        <Space>
          <Button type="primary" onClick={onSave} loading={saving} disabled={!dirty}>
            保存文字材料
          </Button>
          <Typography.Text type="secondary">每行一段；留空的部分不写入文档。</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
