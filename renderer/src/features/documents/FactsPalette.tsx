import { Collapse, List, Tooltip, Typography } from 'antd';
import { factsReference } from '../../../../shared/facts/reference';
import { FILTER_HELP } from '../../../../shared/documents/filters';

const REFERENCE = factsReference();

/** Every fact a template can use, generated from the facts' own description; a click inserts its tag. */
export function FactsPalette({ onInsert }: { onInsert: (snippet: string) => void }) {
  const sections = REFERENCE.filter((e) => e.depth === 0 && (e.type === 'group' || e.type === 'list'));
  const top = REFERENCE.filter((e) => e.depth === 0 && e.type !== 'group' && e.type !== 'list');
  const childrenOf = (path: string) => {
    const start = REFERENCE.findIndex((e) => e.path === path);
    const out = [];
    for (let i = start + 1; i < REFERENCE.length && (REFERENCE[i]?.depth ?? 0) > 0; i++) out.push(REFERENCE[i]!);
    return out;
  };
  const item = (e: (typeof REFERENCE)[number]) => (
    <List.Item style={{ padding: '2px 0', paddingLeft: e.depth * 12, cursor: 'pointer' }} onClick={() => onInsert(e.snippet)}>
      <Tooltip title={`点击插入 ${e.snippet}`} placement="left">
        <span>
          <Typography.Text code style={{ fontSize: 12 }}>
            {e.path}
          </Typography.Text>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.zh}
          </Typography.Text>
        </span>
      </Tooltip>
    </List.Item>
  );
  return (
    <Collapse
      size="small"
      accordion
      items={[
        { key: '_', label: '年度与日期', children: <List size="small" dataSource={top} renderItem={item} /> },
        ...sections.map((s) => ({
          key: s.path,
          label: s.zh,
          children: <List size="small" dataSource={[s, ...childrenOf(s.path)]} renderItem={item} />,
        })),
        {
          key: '_filters',
          label: '过滤器（数字的写法）',
          children: (
            <List
              size="small"
              dataSource={Object.entries(FILTER_HELP)}
              renderItem={([name, help]) => (
                <List.Item style={{ padding: '2px 0' }}>
                  <Typography.Text code style={{ fontSize: 12 }}>
                    | {name}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {help}
                  </Typography.Text>
                </List.Item>
              )}
            />
          ),
        },
      ]}
    />
  );
}
