import { Alert, Button, Card, Input, Space } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef } from 'react';
import { FactsPalette } from './FactsPalette';

/** Source editing of a user's copy: monospace text, the facts palette beside it, the preview on the page. */
export function TemplateEditor({
  name,
  source,
  error,
  saving,
  onChange,
  onSave,
  onCancel,
}: {
  name: string;
  source: string;
  error: string | null;
  saving: boolean;
  onChange: (source: string) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<TextAreaRef>(null);
  const insert = (snippet: string) => {
    const el = ref.current?.resizableTextArea?.textArea;
    const start = el?.selectionStart ?? source.length;
    const end = el?.selectionEnd ?? source.length;
    onChange(source.slice(0, start) + snippet + source.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };
  return (
    <Card
      size="small"
      title={`编辑模板：${name}`}
      extra={
        <Space>
          <Button onClick={onCancel}>关闭</Button>
          <Button type="primary" onClick={onSave} loading={saving} disabled={error !== null}>
            保存模板
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Input.TextArea
        ref={ref}
        aria-label="模板内容"
        value={source}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, "Noto Sans Mono CJK SC", Consolas, monospace', fontSize: 13, height: 360 }}
      />
      <div style={{ marginTop: 8, maxHeight: 320, overflow: 'auto' }}>
        <FactsPalette onInsert={insert} />
      </div>
    </Card>
  );
}
