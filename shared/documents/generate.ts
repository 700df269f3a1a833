import type { AnnualFacts } from '../facts/types';
import { writeDocx, type AttachmentLookup } from './docx-writer';
import { parseMarkdown } from './markdown';
import type { DocModel } from './model';
import { renderTemplate } from './render';
import type { TemplateMeta } from './template';

export interface BuiltDocument {
  meta: TemplateMeta;
  model: DocModel;
}

/** Template + facts → document model (the preview draws it). Throws TemplateError. */
export function buildDocument(source: string, facts: AnnualFacts): BuiltDocument {
  const { meta, markdown } = renderTemplate(source, facts);
  return { meta, model: parseMarkdown(markdown) };
}

/**
 * Template + facts → .docx bytes. Everything is rendered in memory first, so a template error
 * throws before a single byte is written anywhere.
 */
export async function generateDocx(
  source: string,
  facts: AnnualFacts,
  attachments: AttachmentLookup,
): Promise<{ meta: TemplateMeta; bytes: Uint8Array }> {
  const { meta, model } = buildDocument(source, facts);
  const title = model.blocks.find((b) => b.type === 'title');
  const bytes = await writeDocx(model, attachments, title?.type === 'title' ? title.text : meta.name);
  return { meta, bytes };
}

/** The file name a user sees: 嘉禾市…工会2025年度工作总结.docx */
export function documentFileName(model: DocModel, meta: TemplateMeta, year: number): string {
  const title = model.blocks.find((b) => b.type === 'title');
  const base = title?.type === 'title' && title.text ? title.text : `${year}年${meta.name}`;
  return `${base.replace(/[\\/:*?"<>|\s]+/g, '')}.docx`;
}

/** Bundled templates by their command-line name and file under templates/. */
export const BUNDLED_TEMPLATES = {
  summary: 'annual-summary.md',
  'finance-report': 'finance-report.md',
  'audit-report': 'audit-report.md',
} as const;

export type BundledTemplateName = keyof typeof BUNDLED_TEMPLATES;
