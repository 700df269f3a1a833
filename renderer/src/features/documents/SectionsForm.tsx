import { Alert, Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import type { Section, SectionKey, SectionTexts } from '../../../../shared/facts/sections';
import type { AnnualFacts } from '../../../../shared/facts/types';
import { sectionFigures } from '../../../../shared/documents/sections';
import type { DraftStatus } from './useSectionDrafts';

const STATUS_TEXT: Record<DraftStatus, string> = {
  saved: '已自动保存',
  pending: '正在输入…',
  saving: '正在保存…',
  error: '保存失败',
};

/**
 * The sections of the chosen template, each with the figures the books give for it and a box for
 * the chair's own paragraph. What is typed is saved as it is typed; last year's words can be
 * taken over with one click as a starting point.
 */
export function SectionsForm({
  year,
  sections,
  facts,
  texts,
  lastYear,
  status,
  error,
  onChange,
}: {
  year: number;
  sections: readonly Section[];
  facts: AnnualFacts | null;
  texts: SectionTexts;
  lastYear: SectionTexts | null;
  status: DraftStatus;
  error: string | null;
  onChange: (key: SectionKey, text: string) => void;
}) {
  return (
    <Card
      size="small"
      title={`${year}年度文字材料`}
      extra={
        <Typography.Text type={status === 'error' ? 'danger' : 'secondary'} data-testid="draft-status">
          {STATUS_TEXT[status]}
        </Typography.Text>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {sections.length === 0 && <Typography.Text type="secondary">这个模板没有需要填写文字的部分。</Typography.Text>}
      <Flex vertical gap={12}>
        {sections.map((section) => {
          const previous = lastYear?.[section.key] ?? '';
          return (
            <section key={section.key} data-testid={`section-${section.key}`}>
              <Flex justify="space-between" align="baseline" wrap gap={4}>
                <Typography.Text strong>{section.title}</Typography.Text>
                {previous !== '' && texts[section.key] === '' && (
                  <Button size="small" type="link" onClick={() => onChange(section.key, previous)}>
                    沿用{year - 1}年的文字
                  </Button>
                )}
              </Flex>
              {facts && (
                <Space size={[4, 4]} wrap style={{ margin: '4px 0' }}>
                  {sectionFigures(section, facts).map((f) => (
                    <Tag key={f.label} bordered={false}>
                      {f.label}：{f.text}
                    </Tag>
                  ))}
                </Space>
              )}
              <Input.TextArea
                aria-label={section.title}
                autoSize={{ minRows: 2, maxRows: 8 }}
                value={texts[section.key]}
                placeholder={section.placeholder}
                onChange={(e) => onChange(section.key, e.target.value)}
              />
            </section>
          );
        })}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        每行一段；留空的部分只写账簿中的数字。文字按年度保存在账簿中，随账簿备份和同步。
      </Typography.Paragraph>
    </Card>
  );
}
