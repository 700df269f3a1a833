import { Alert, Button, Card, Space } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { FactsPalette } from './FactsPalette';

/** The preview follows the source after a pause in typing, not at every keystroke. */
export const PREVIEW_DELAY_MS = 400;

const LINE_HEIGHT = 20;
const FONT: CSSProperties = {
  fontFamily: 'ui-monospace, "Noto Sans Mono CJK SC", Consolas, monospace',
  fontSize: 13,
  lineHeight: `${LINE_HEIGHT}px`,
  padding: '4px 11px',
  margin: 0,
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  boxSizing: 'border-box',
};

/**
 * Source editing of a user's copy: monospace text with the line of a template error marked, the
 * facts palette (Chinese names, a click inserts at the cursor) below it, and the preview on the page
 * following the text as it is typed.
 */
export function TemplateEditor({
  name,
  source,
  error,
  errorLine,
  saving,
  onChange,
  onSave,
  onClose,
}: {
  name: string;
  source: string;
  error: string | null;
  /** 1-based line of the error in the source, or 0 when it has none. */
  errorLine: number;
  saving: boolean;
  onChange: (source: string) => void;
  onSave: (source: string) => void;
  onClose: () => void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const [text, setText] = useState(source);
  const pending = text !== source;
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => {
    if (text === source) return;
    const timer = setTimeout(() => latest.current(text), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, source]);

  const insert = (snippet: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + snippet + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };
  const goToLine = (line: number) => {
    const el = area.current;
    if (!el) return;
    const lines = text.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    el.scrollTop = Math.max(0, (line - 3) * LINE_HEIGHT);
  };

  const lines = text.split('\n');
  return (
    <Card
      size="small"
      title={`编辑模板：${name}`}
      extra={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" onClick={() => onSave(text)} loading={saving} disabled={pending || error !== null}>
            保存模板
          </Button>
        </Space>
      }
    >
      {error && !pending && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 8 }}
          action={
            errorLine > 0 ? (
              <Button size="small" onClick={() => goToLine(errorLine)}>
                定位到第 {errorLine} 行
              </Button>
            ) : undefined
          }
        />
      )}
      <div style={{ position: 'relative', height: 360, border: '1px solid #d9d9d9', borderRadius: 4 }}>
        {/* The same lines under the transparent text box, so the error's line can be coloured. */}
        <div ref={backdrop} aria-hidden style={{ ...FONT, position: 'absolute', inset: 0, overflowY: 'scroll', color: 'transparent' }}>
          {lines.map((l, i) => (
            <div
              key={i}
              data-testid={i + 1 === errorLine && !pending ? 'template-error-line' : undefined}
              style={i + 1 === errorLine && !pending ? { background: '#fff1f0', boxShadow: 'inset 3px 0 #ff4d4f' } : undefined}
            >
              {l || ' '}
            </div>
          ))}
        </div>
        <textarea
          ref={area}
          aria-label="模板内容"
          value={text}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onScroll={(e) => {
            if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
          }}
          style={{
            ...FONT,
            position: 'absolute',
            inset: 0,
            width: '100%',
            height: '100%',
            resize: 'none',
            overflowY: 'scroll',
            border: 0,
            outline: 'none',
            background: 'transparent',
            color: '#000',
          }}
        />
      </div>
      <div style={{ marginTop: 8, maxHeight: 320, overflow: 'auto' }}>
        <FactsPalette onInsert={insert} />
      </div>
    </Card>
  );
}
