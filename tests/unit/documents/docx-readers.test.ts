import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { generateDocx } from '../../../shared/documents/generate';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import type { AnnualFacts } from '../../../shared/facts/types';
import { formatYuan } from '../../../shared/money/fen';
import { PYTHON } from '../../support/python';

/** The generated files opened by an independent reader: python-docx. */
interface Para {
  text: string;
  style: string | null;
  breaks: number;
  leftIndent: number | null;
  keepNext: boolean;
  eastAsia: (string | null)[];
  size: (number | null)[];
  bold: boolean[];
  align: string | null;
  firstLine: number | null;
  line: number | null;
  lineRule: string | null;
}
interface StyleInfo {
  eastAsia: string | null;
  size: number | null;
  bold: boolean | null;
  basedOn: string | null;
  outline: number | null;
  charSpacing: number | null;
  snapToGrid: string | null;
  autoSpaceDN: string | null;
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
  styles: Record<'Normal' | 'Title' | 'Heading 1' | 'Heading 2' | 'Heading 3', StyleInfo>;
  grid: { type: string; linePitch: string; charSpace: string } | null;
  textWidth: number;
}

let dir = '';
let facts: AnnualFacts;
const reports: Record<'summary' | 'report', DocxReport> = {} as never;

function readDocx(path: string): DocxReport {
  const out = execFileSync(PYTHON, ['tests/fixtures/documents/read_docx.py', path], { encoding: 'utf8' });
  return JSON.parse(out) as DocxReport;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'docs-'));
  const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-12', today: '2026-12-01' });
  facts = computeAnnualFacts(book, 2026, { date: '2026-12-01' });
  const photos = new Map(book.attachments.map((a) => [a.id, a]));
  for (const [key, template] of [
    ['summary', 'annual-summary'],
    ['report', 'finance-report'],
  ] as const) {
    const { bytes } = await generateDocx(readFileSync(`templates/${template}.md`, 'utf8'), facts, (id) => photos.get(id));
    const path = join(dir, `${template}.docx`);
    writeFileSync(path, bytes);
    reports[key] = readDocx(path);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the annual summary, read by python-docx', () => {
  it('is A4 with the GB/T 9704 margins', () => {
    const r = reports.summary;
    expect(r.page).toEqual({ width: 210, height: 297 });
    expect(r.margins).toEqual({ top: 37, bottom: 35, left: 28, right: 26 });
  });

  it('lays the page out as 22 lines of 28 characters', () => {
    const r = reports.summary;
    expect(r.grid).toMatchObject({ type: 'linesAndChars', linePitch: '579' });
    const textHeight = 297 - 37 - 35;
    expect(Math.floor(((textHeight / 25.4) * 72) / (579 / 20))).toBe(22);
    // the grid's pitch (what Word shows in page setup) and the condensed characters both give 28 a line
    const pitch = 16 + Number(r.grid!.charSpace) / 4096;
    expect(Math.floor(r.textWidth / pitch)).toBe(28);
    const advance = 16 + (r.styles.Normal.charSpacing ?? 0) / 20;
    expect(Math.floor(r.textWidth / advance)).toBe(28);
    expect(r.styles.Normal).toMatchObject({ eastAsia: '仿宋_GB2312', size: 16, snapToGrid: '0', autoSpaceDN: '0' });
  });

  it('uses Word’s heading styles, each with its East Asian font', () => {
    const r = reports.summary;
    expect(r.styles.Title).toMatchObject({ eastAsia: '方正小标宋简体', size: 22, bold: false, basedOn: 'Normal' });
    expect(r.styles['Heading 1']).toMatchObject({ eastAsia: '黑体', size: 16, bold: false, outline: 0 });
    expect(r.styles['Heading 2']).toMatchObject({ eastAsia: '楷体_GB2312', size: 16, bold: false, outline: 1 });
    expect(r.styles['Heading 3']).toMatchObject({ eastAsia: '仿宋_GB2312', size: 16, bold: true, outline: 2 });
    const h1 = r.paragraphs.filter((p) => /^[一二三四]、/.test(p.text));
    expect(h1.map((p) => p.style)).toEqual(h1.map(() => 'Heading 1'));
    expect(h1.map((p) => p.text)).toEqual(['一、主要工作及成效', '二、存在的问题', '三、2027年工作计划']);
    const h2 = r.paragraphs.filter((p) => /^（[一二三四五六七八九十]+）/.test(p.text));
    expect(h2.length).toBeGreaterThanOrEqual(5);
    expect(new Set(h2.map((p) => p.style))).toEqual(new Set(['Heading 2']));
    expect(h2.every((p) => p.keepNext)).toBe(true);
  });

  it('sets the East Asian font of every run; the body is 3号 仿宋 with a two-character indent at 28.95 pt', () => {
    const r = reports.summary;
    const [title, body] = r.paragraphs;
    expect(title!.style).toBe('Title');
    expect(title!.eastAsia.every((f) => f === '方正小标宋简体')).toBe(true);
    expect(title!.size.every((s) => s === 22)).toBe(true);
    expect(title!.align).toContain('CENTER');
    expect(body!.eastAsia.every((f) => f === '仿宋_GB2312')).toBe(true);
    expect(body!.size[0]).toBe(16);
    expect(body!.firstLine).toBe(32);
    expect(body!.line).toBeCloseTo(28.95, 1);
    expect(body!.lineRule).toContain('EXACTLY');
    const withText = r.paragraphs.filter((p) => p.text !== '');
    expect(withText.flatMap((p) => p.eastAsia).filter((f) => !f)).toEqual([]);
    expect(r.tableFonts).toEqual(['仿宋_GB2312']);
    expect(r.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(r.fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
  });

  it('breaks the title between the issuing body and the 年度 line', () => {
    const title = reports.summary.paragraphs[0]!;
    expect(title.text).toBe(`${facts.union.name}\n2026年度工作总结`);
    expect(title.breaks).toBe(1);
  });

  it('ends with the signature block of GB/T 9704 7.3.5.2, kept with the last paragraph', () => {
    const ps = reports.summary.paragraphs;
    const [last, blank, issuer, date] = ps.slice(-4);
    expect(last!.text).not.toBe('');
    expect(last!.keepNext).toBe(true);
    expect(blank).toMatchObject({ text: '', keepNext: true });
    expect(issuer).toMatchObject({ text: facts.union.name, keepNext: true });
    expect(date!.text).toBe('2026年12月1日');
    // 16 characters of name 右空二字: it starts 28 − 2 − 16 = 10 characters in; the date 2 characters further
    const advance = 16 - 0.3;
    expect(issuer!.leftIndent).toBeCloseTo(10 * advance, 0);
    expect(date!.leftIndent).toBeCloseTo(12 * advance, 0);
  });

  it('carries the figures, the welfare table, captioned photos and "— N —" page numbers', () => {
    const r = reports.summary;
    const text = r.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain(`工会会员${facts.members.total}人`);
    expect(text).toContain(`共走访慰问会员${facts.welfare.visits.personTimes}人次`);
    const welfare = r.tables[0]!;
    expect(welfare[0]).toEqual(['项目', '人次', '金额（元）']);
    expect(welfare[welfare.length - 1]).toEqual(['合计', String(facts.welfare.personTimes), formatYuan(facts.welfare.amountFen)]);
    expect(r.images).toBeGreaterThanOrEqual(3);
    const captions = r.paragraphs
      .filter((p, i) => i > 0 && r.paragraphs[i - 1]!.text === '' && /（\d+月\d+日）$/.test(p.text))
      .map((p) => p.text);
    expect(captions.length).toBe(r.images);
    for (const c of captions) expect(c).not.toMatch(/IMG_|\.png|activity-photo/i);
    expect(r.oddEven).toBe(true);
    expect(r.footer[0]!.align).toContain('RIGHT');
    expect(r.evenFooter[0]!.align).toContain('LEFT');
    expect(r.footer[0]!.text).toMatch(/^— .* —$/);
    expect(r.footer[0]!.xml).toBeGreaterThan(0);
  });
});

describe('the finance report, read by python-docx', () => {
  it('has income, expense and balance tables whose totals are the books’', () => {
    const r = reports.report;
    const [income, expense, balance] = r.tables;
    expect(income![0]).toEqual(['收入科目', '预算数（元）', '实际数（元）', '执行率']);
    expect(income![income!.length - 1]![2]).toBe(formatYuan(facts.finance.incomeFen));
    expect(expense![expense!.length - 1]![2]).toBe(formatYuan(facts.finance.expenseFen));
    expect(balance!.map((row) => row.join('|'))).toEqual([
      '项目|金额（元）',
      `年初结余|${formatYuan(facts.finance.openingFen)}`,
      `其中：库存现金|${formatYuan(facts.finance.openingCashFen)}`,
      `其中：银行存款|${formatYuan(facts.finance.openingBankFen)}`,
      `加：本年收入|${formatYuan(facts.finance.incomeFen)}`,
      `减：本年支出|${formatYuan(facts.finance.expenseFen)}`,
      `期末结余（截至12月1日）|${formatYuan(facts.finance.closingFen)}`,
      `其中：库存现金|${formatYuan(facts.finance.closingCashFen)}`,
      `其中：银行存款|${formatYuan(facts.finance.closingBankFen)}`,
    ]);
    const h1 = r.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text);
    expect(h1).toEqual(['一、经费收入情况', '二、经费支出情况', '三、收支结余情况', '四、预算执行情况', '五、下一步工作打算']);
    expect(r.paragraphs[0]!.text).toBe(`关于${facts.union.name}\n2026年度经费收支情况的报告`);
    expect(r.paragraphs.slice(-2).map((p) => p.text)).toEqual([facts.union.name, '2026年12月1日']);
  });
});
