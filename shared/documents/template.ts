import { parseDocument } from 'yaml';
import { TemplateError } from './errors';

export type TemplateKind = 'annual-summary' | 'finance-report' | 'other';

export interface TemplateMeta {
  name: string;
  kind: TemplateKind;
  description: string;
}

export interface ParsedTemplate {
  meta: TemplateMeta;
  /** The Markdown + Liquid body after the front matter. */
  body: string;
  /** Line of the source on which the body starts, so errors in the body point at the source line. */
  bodyStartLine: number;
}

const YAML_HINTS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: '一行里有两个冒号，含冒号的内容请用引号括起来',
  MISSING_CHAR: '引号或括号没有配对',
  TAB_AS_INDENT: '不能用 Tab 缩进，请用空格',
  BAD_INDENT: '缩进不一致',
  DUPLICATE_KEY: '同一项写了两次',
};

const KINDS: readonly TemplateKind[] = ['annual-summary', 'finance-report', 'other'];

/**
 * Splits a template into its YAML front matter (between `---` lines at the top) and its body.
 * Throws TemplateError with the source line when the front matter is malformed.
 */
export function parseTemplate(source: string): ParsedTemplate {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (lines[0]?.trim() !== '---')
    throw new TemplateError(1, '模板第一行应为 ---，后面是模板的名称（name）、类型（kind）和说明（description）');
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) throw new TemplateError(1, '模板开头的说明部分没有用 --- 结束');
  const doc = parseDocument(lines.slice(1, end).join('\n'));
  const problem = doc.errors[0];
  if (problem) {
    const line = (problem.linePos?.[0]?.line ?? 0) + 1;
    throw new TemplateError(line, `模板开头的说明部分格式不正确：${YAML_HINTS[problem.code] ?? problem.code}`);
  }
  const data: unknown = doc.toJS();
  if (!data || typeof data !== 'object') throw new TemplateError(2, '模板开头的说明部分应包含 name、kind、description');
  const record = data as Record<string, unknown>;
  const lineOf = (key: string) => {
    const i = lines.slice(1, end).findIndex((l) => l.startsWith(`${key}:`));
    return i < 0 ? 2 : i + 2;
  };
  const name = record.name;
  if (typeof name !== 'string' || name.trim() === '') throw new TemplateError(lineOf('name'), '缺少模板名称（name）');
  const kind = record.kind ?? 'other';
  if (typeof kind !== 'string' || !KINDS.includes(kind as TemplateKind)) {
    throw new TemplateError(lineOf('kind'), `模板类型（kind）应为 ${KINDS.join('、')} 之一`);
  }
  const description = typeof record.description === 'string' ? record.description : '';
  return {
    meta: { name: name.trim(), kind: kind as TemplateKind, description },
    body: lines.slice(end + 1).join('\n'),
    bodyStartLine: end + 2,
  };
}
