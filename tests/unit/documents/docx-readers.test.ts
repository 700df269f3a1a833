import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { generateDocx } from '../../../shared/documents/generate';
import { formatYuan } from '../../../shared/money/fen';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import type { AnnualFacts } from '../../../shared/facts/types';

/** The generated files opened by independent readers: python-docx, and LibreOffice → PDF → pdftotext. */
interface Para {
  text: string;
  eastAsia: (string | null)[];
  size: (number | null)[];
  bold: boolean[];
  align: string | null;
  firstLine: number | null;
  line: number | null;
  lineRule: string | null;
}
interface DocxReport {
  page: { width: number; height: number };
  margins: { top: number; bottom: number; left: number; right: number };
  paragraphs: Para[];
  tables: string[][][];
  tableFonts: (string | null)[];
  images: number;
  oddEven: boolean;
  footer: { text: string; align: string; xml: number }[];
  evenFooter: { text: string; align: string; xml: number }[];
  fontTable: string;
}

let dir = '';
let facts: AnnualFacts;
const files: Record<'summary' | 'report', string> = { summary: '', report: '' };

function readDocx(path: string): DocxReport {
  const out = execFileSync('/usr/bin/python3', ['tests/fixtures/documents/read_docx.py', path], { encoding: 'utf8' });
  return JSON.parse(out) as DocxReport;
}

function pdfText(path: string): { text: string; pages: number } {
  const profile = join(dir, 'lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdf = path.replace(/\.docx$/, '.pdf');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return {
    text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'docs-'));
  const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2025-12', photos: 3 });
  facts = computeAnnualFacts(book, 2025);
  const photos = new Map(book.attachments.map((a) => [a.id, a]));
  for (const [key, template] of [
    ['summary', 'annual-summary'],
    ['report', 'finance-report'],
  ] as const) {
    const { bytes } = await generateDocx(readFileSync(`templates/${template}.md`, 'utf8'), facts, (id) => photos.get(id));
    files[key] = join(dir, `${template}.docx`);
    writeFileSync(files[key], bytes);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the annual summary, read by python-docx', () => {
  it('is A4 with the GB/T 9704 margins', () => {
    const r = readDocx(files.summary);
    expect(r.page).toEqual({ width: 210, height: 297 });
    expect(r.margins).toEqual({ top: 37, bottom: 35, left: 28, right: 26 });
  });

  it('sets the East Asian font of title, body and each heading level', () => {
    const r = readDocx(files.summary);
    const [title, body] = r.paragraphs;
    expect(title!.text).toBe(`${facts.union.name}2025年度工作总结`);
    expect(title!.eastAsia).toEqual(['方正小标宋简体']);
    expect(title!.size).toEqual([22]);
    expect(title!.align).toContain('CENTER');
    expect(body!.eastAsia.every((f) => f === '仿宋_GB2312')).toBe(true);
    expect(body!.size[0]).toBe(16);
    expect(body!.firstLine).toBe(32);
    expect(body!.line).toBeCloseTo(28.95, 1);
    expect(body!.lineRule).toContain('EXACTLY');
    const h2 = r.paragraphs.find((p) => p.text.startsWith('一、'))!;
    expect(h2.text).toBe('一、主要工作及成效');
    expect(h2.eastAsia).toEqual(['黑体']);
    const h3 = r.paragraphs.find((p) => p.text.startsWith('（一）'))!;
    expect(h3.eastAsia).toEqual(['楷体_GB2312']);
    const withText = r.paragraphs.filter((p) => p.text !== '');
    expect(withText.flatMap((p) => p.eastAsia).filter((f) => !f)).toEqual([]);
    expect(r.tableFonts).toEqual(['仿宋_GB2312']);
  });

  it('names the fallbacks in the font table', () => {
    const r = readDocx(files.summary);
    expect(r.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(r.fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(r.fontTable).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });

  it('carries the figures, the welfare table, photos and "— N —" page numbers', () => {
    const r = readDocx(files.summary);
    const text = r.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain(`工会会员${facts.members.total}人`);
    expect(text).toContain(`实收会费${formatYuan(facts.dues.collectedFen)}元`);
    expect(text).toContain(`全年走访慰问会员${facts.welfare.personTimes}人次`);
    const welfare = r.tables[0]!;
    expect(welfare[0]).toEqual(['慰问类型', '人次', '金额（元）']);
    expect(welfare[welfare.length - 1]).toEqual(['合计', String(facts.welfare.personTimes), formatYuan(facts.welfare.amountFen)]);
    expect(r.images).toBe(3);
    expect(r.oddEven).toBe(true);
    expect(r.footer[0]!.align).toContain('RIGHT');
    expect(r.evenFooter[0]!.align).toContain('LEFT');
    expect(r.footer[0]!.text).toMatch(/^— .* —$/);
    expect(r.footer[0]!.xml).toBeGreaterThan(0);
    expect(r.paragraphs[r.paragraphs.length - 1]!.text).toBe('2025年12月31日');
    expect(r.paragraphs[r.paragraphs.length - 1]!.align).toContain('RIGHT');
  });
});

describe('the finance report, read by python-docx', () => {
  it('has income and expense tables whose totals are the books’', () => {
    const r = readDocx(files.report);
    const [income, expense, balance] = r.tables;
    expect(income![0]).toEqual(['收入科目', '预算数（元）', '实际数（元）', '执行率']);
    expect(income![income!.length - 1]![2]).toBe(formatYuan(facts.finance.incomeFen));
    expect(expense![expense!.length - 1]![2]).toBe(formatYuan(facts.finance.expenseFen));
    expect(balance!.map((row) => row.join('|'))).toEqual([
      '项目|金额（元）',
      `年初结余|${formatYuan(facts.finance.openingFen)}`,
      `本年收入|${formatYuan(facts.finance.incomeFen)}`,
      `本年支出|${formatYuan(facts.finance.expenseFen)}`,
      `年末结余|${formatYuan(facts.finance.closingFen)}`,
    ]);
    const h2 = r.paragraphs.filter((p) => /^[一二三四五六]、/.test(p.text)).map((p) => p.text);
    expect(h2).toEqual(['一、经费收入情况', '二、经费支出情况', '三、收支结余情况', '四、预算执行情况', '五、下一步工作打算']);
  });
});

describe('LibreOffice opens both files', () => {
  it('converts them to PDF with the figures in the text', () => {
    const summary = pdfText(files.summary);
    expect(summary.pages).toBeGreaterThan(2);
    const flat = summary.text.replace(/\s+/g, '');
    expect(flat).toContain(`工会会员${facts.members.total}人`);
    expect(flat).toContain(formatYuan(facts.welfare.amountFen));
    const report = pdfText(files.report);
    const reportFlat = report.text.replace(/\s+/g, '');
    expect(reportFlat).toContain(`年末结余${formatYuan(facts.finance.closingFen)}元`);
    expect(reportFlat).toContain(formatYuan(facts.finance.expenseFen));
  });
});
