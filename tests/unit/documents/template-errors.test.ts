import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../../shared/documents/errors';
import { generateDocx } from '../../../shared/documents/generate';
import { renderTemplate } from '../../../shared/documents/render';
import { parseTemplate } from '../../../shared/documents/template';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import { smallBook } from '../facts/small-book';

const facts = computeAnnualFacts(smallBook(), 2025);
const HEAD = '---\nname: 测试模板\nkind: annual-summary\ndescription: 用于测试\n---\n';

function errorOf(source: string): TemplateError {
  try {
    renderTemplate(source, facts);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

describe('template errors carry the source line, in Chinese', () => {
  it('an unknown fact, on line 8 of the file', () => {
    const e = errorOf(`${HEAD}# 标题\n\n会员{{ members.totl }}人`);
    expect(e.line).toBe(8);
    expect(e.message).toBe('模板第 8 行：没有名为“members.totl”的数据项，请从右侧数据项列表中选择');
  });

  it('an if that is never closed', () => {
    const e = errorOf(`${HEAD}# 标题\n{% if welfare.personTimes %}\n慰问`);
    expect(e.line).toBe(7);
    expect(e.message).toContain('“if”标签没有结束');
  });

  it('an unknown filter', () => {
    const e = errorOf(`${HEAD}# 标题\n\n\n{{ finance.incomeFen | dollars }}`);
    expect(e.line).toBe(9);
    expect(e.message).toContain('没有名为“dollars”的过滤器');
  });

  it('include and render cannot read files', () => {
    const e = errorOf(`${HEAD}{% include "secrets.md" %}`);
    expect(e.line).toBe(6);
    expect(e.message).toContain('不能引用其他文件');
  });

  it('front matter: missing name, bad kind, broken YAML, no closing ---', () => {
    expect(() => parseTemplate('---\nkind: other\n---\n')).toThrow('模板第 2 行：缺少模板名称（name）');
    expect(() => parseTemplate('---\nname: x\nkind: report\n---\n')).toThrow(/模板第 3 行：模板类型（kind）应为/);
    expect(() => parseTemplate('---\nname: x\nkind: other\ndescription: a: b\n---\n')).toThrow(
      '模板第 4 行：模板开头的说明部分格式不正确：一行里有两个冒号，含冒号的内容请用引号括起来',
    );
    expect(() => parseTemplate('---\nname: x\n\tkind: other\n---\n')).toThrow(
      '模板第 3 行：模板开头的说明部分格式不正确：不能用 Tab 缩进，请用空格',
    );
    expect(() => parseTemplate('---\nname: x\n# 标题\n')).toThrow('模板第 1 行：模板开头的说明部分没有用 --- 结束');
    expect(() => parseTemplate('# 标题\n')).toThrow(/模板第 1 行/);
  });

  it('a broken template produces no document at all', async () => {
    await expect(generateDocx(`${HEAD}# 标题\n{{ nope }}`, facts, () => undefined)).rejects.toThrow('模板第 7 行');
  });

  it('reads the front matter', () => {
    const parsed = parseTemplate(`${HEAD}# 标题`);
    expect(parsed.meta).toEqual({ name: '测试模板', kind: 'annual-summary', description: '用于测试' });
    expect(parsed.bodyStartLine).toBe(6);
    expect(parsed.body).toBe('# 标题');
  });
});
