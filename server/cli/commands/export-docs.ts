import { readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { TemplateError } from '../../../shared/documents/errors';
import { BUNDLED_TEMPLATES, generateDocx, type BundledTemplateName } from '../../../shared/documents/generate';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import { optionalFlag, requireFlag, type ParsedArgs } from '../args';
import { EXIT, type Command } from '../command';
import { readBook, type CliIO } from '../io';
import { dateFlag, yearFlag } from './facts';

const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

const SUMMARIES: Record<BundledTemplateName, string> = {
  summary: '按模板生成年度工会工作总结（Word 文档）',
  'finance-report': '按模板生成经费收支情况报告（Word 文档）',
  'audit-report': '按模板生成经费审查报告（Word 文档）：收入支出表、资产负债表、凭证、银行对账和结账的核对结果',
};

/** `export summary`, `export finance-report` and `export audit-report`: one command each, so other `export …` commands can sit beside them. */
export const exportDocsCommands: readonly Command[] = (Object.keys(BUNDLED_TEMPLATES) as BundledTemplateName[]).map((which) => ({
  path: ['export', which],
  usage: `unionbooks export ${which} --year YYYY --book 账簿.ubk --out 文件.docx [--date YYYY-MM-DD] [--template 模板.md]`,
  summary: SUMMARIES[which],
  run: (args, io) => exportDocument(which, args, io),
}));

async function exportDocument(which: BundledTemplateName, args: ParsedArgs, io: CliIO): Promise<number> {
  const year = yearFlag(requireFlag(args, 'year'));
  const date = dateFlag(args, year);
  const out = requireFlag(args, 'out');
  const templatePath = optionalFlag(args, 'template') ?? `${TEMPLATES_DIR}${BUNDLED_TEMPLATES[which]}`;
  const source = await readFile(templatePath, 'utf8');
  const book = await readBook(requireFlag(args, 'book'));
  const facts = computeAnnualFacts(book, year, { date });
  const attachments = new Map(book.attachments.filter((a) => a.deleted === 0).map((a) => [a.id, a]));
  let bytes: Uint8Array;
  try {
    ({ bytes } = await generateDocx(source, facts, (id) => attachments.get(id)));
  } catch (error) {
    if (error instanceof TemplateError) {
      io.err(`${templatePath}：${error.message}`);
      return EXIT.failure;
    }
    throw error;
  }
  // written beside the target and renamed, so a failure never leaves half a document
  const tmp = `${out}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, out);
  io.out(`已生成：${out}`);
  return EXIT.ok;
}
