import { Card, Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { GUIDE_MARKDOWN, guideImageUrl } from './bundled-guide';
import { renderGuide } from './render-guide';
import './help.css';

/** 帮助: the user guide (docs/用户手册.md) inside the app, with its contents beside it. */
export function HelpPage() {
  const guide = useMemo(() => renderGuide(GUIDE_MARKDOWN, guideImageUrl), []);
  const jump = (id: string) => document.getElementById(id)?.scrollIntoView({ block: 'start' });
  return (
    <Row gutter={24} wrap={false}>
      <Col flex="200px" style={{ minWidth: 0 }}>
        <Card size="small" title="目录" className="guide-toc">
          <nav aria-label="手册目录">
            {guide.headings.map((h) => (
              <Typography.Link key={h.id} onClick={() => jump(h.id)} className={h.depth === 2 ? 'guide-toc-section' : 'guide-toc-step'}>
                {h.text}
              </Typography.Link>
            ))}
          </nav>
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {/* The bundled guide, rendered from its Markdown (./render-guide.ts). */}
        <article className="guide" data-testid="user-guide" dangerouslySetInnerHTML={{ __html: guide.html }} />
      </Col>
    </Row>
  );
}
