import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../shared/documents/markdown';
import { blockText, chineseNumeral } from '../../../shared/documents/model';

describe('Markdown → document model', () => {
  it('numbers headings per GB/T 9704 and restarts under each parent', () => {
    const model = parseMarkdown(
      '# 总结\n\n## 主要工作\n### 一\n### 二\n#### 细项\n#### 细项\n### 三\n#### 又一项\n## 二、存在的问题\n### （五）问题',
    );
    expect(model.blocks.map(blockText)).toEqual([
      '总结',
      '一、主要工作',
      '（一）一',
      '（二）二',
      '1.细项',
      '2.细项',
      '（三）三',
      '1.又一项',
      '二、存在的问题',
      '（一）问题',
    ]);
  });

  it('joins paragraph lines, keeps blank-line breaks, reads bold', () => {
    const model = parseMarkdown('第一行\n第二行\n\n\n\n**重点**在此');
    expect(model.blocks).toEqual([
      { type: 'paragraph', runs: [{ text: '第一行第二行', bold: false }], align: 'justify', indent: true },
      {
        type: 'paragraph',
        runs: [
          { text: '重点', bold: true },
          { text: '在此', bold: false },
        ],
        align: 'justify',
        indent: true,
      },
    ]);
  });

  it('reads pipe tables with column alignment', () => {
    const model = parseMarkdown('| 科目 | 金额 |\n|---|---:|\n| 会费收入 | 1,000.00 |\n| 合计 | 1,000.00 |\n后文');
    expect(model.blocks[0]).toEqual({
      type: 'table',
      header: ['科目', '金额'],
      rows: [
        ['会费收入', '1,000.00'],
        ['合计', '1,000.00'],
      ],
      align: ['left', 'right'],
    });
    expect(model.blocks[1]?.type).toBe('paragraph');
  });

  it('reads photos, and a right-aligned block ending in a date as the signature block', () => {
    const model = parseMarkdown('![篮球赛](attachment:abc-1)\n\n::: right\n某某工会\n\n2025年12月31日\n:::\n\n::: right\n附件：名册\n:::');
    expect(model.blocks).toEqual([
      { type: 'image', attachmentId: 'abc-1', caption: '篮球赛' },
      { type: 'signature', issuer: '某某工会', date: '2025年12月31日' },
      { type: 'paragraph', runs: [{ text: '附件：名册', bold: false }], align: 'right', indent: false },
    ]);
  });

  it('takes consecutive # lines as the lines of one title, and breaks a long one between words', () => {
    const two = parseMarkdown('# 嘉禾市精工机械有限公司工会委员会\n\n# 2026年度工作总结\n\n正文');
    expect(two.blocks[0]).toEqual({
      type: 'title',
      text: '嘉禾市精工机械有限公司工会委员会2026年度工作总结',
      lines: ['嘉禾市精工机械有限公司工会委员会', '2026年度工作总结'],
    });
    const one = parseMarkdown('# 嘉禾市精工机械有限公司工会委员会2026年度工作总结');
    expect(one.blocks[0]).toMatchObject({ lines: ['嘉禾市精工机械有限公司工会委员会', '2026年度工作总结'] });
  });

  it('writes Chinese numerals', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九']);
  });
});
