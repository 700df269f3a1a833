import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { generateDocx } from '../../../shared/documents/generate';
import { computeAnnualFacts } from '../../../shared/facts/annual';

/**
 * The demo's summary and finance report, dated 1 and 31 December, rendered as a reader sees them:
 * LibreOffice → PDF → PNG pages (kept in test-results/documents/ to look at), and the PDF's text
 * checked for the rules of GB/T 9704 and GB/T 15834. The GB fonts are shown in the free CJK faces
 * (tests/fixtures/documents/fonts.conf).
 */
const OUT = 'test-results/documents';
const DATES = ['2026-12-01', '2026-12-31'] as const;
const TEMPLATES = ['annual-summary', 'finance-report'] as const;

let dir = '';
const pages: Record<string, string[]> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rendered-'));
  mkdirSync(OUT, { recursive: true });
  const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-12', today: '2026-12-31' });
  const photos = new Map(book.attachments.map((a) => [a.id, a]));
  const files: string[] = [];
  for (const date of DATES) {
    const facts = computeAnnualFacts(book, 2026, { date });
    for (const template of TEMPLATES) {
      const { bytes } = await generateDocx(readFileSync(`templates/${template}.md`, 'utf8'), facts, (id) => photos.get(id));
      const file = join(dir, `${template}-${date}.docx`);
      writeFileSync(file, bytes);
      files.push(file);
    }
  }
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
    {
      stdio: 'ignore',
      timeout: 240_000,
      env: { ...process.env, FONTCONFIG_FILE: resolve('tests/fixtures/documents/fonts.conf') },
    },
  );
  for (const file of files) {
    const pdf = file.replace(/\.docx$/, '.pdf');
    const name = file
      .split('/')
      .pop()!
      .replace(/\.docx$/, '');
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(OUT, name)]);
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
    pages[name] = Array.from({ length: count }, (_, i) =>
      execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }),
    );
  }
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (page: string) =>
  page
    .split('\n')
    .map((l) => l.replace(/\s+/g, ''))
    .filter((l) => l !== '');

describe.each(DATES)('the demo’s documents dated %s, rendered by LibreOffice', (date) => {
  for (const template of TEMPLATES) {
    const name = `${template}-${date}`;
    const all = () => pages[name]!.join('\n');

    it(`${template}: every page is an image, each with its "— N —"`, () => {
      const pngs = readdirSync(OUT).filter((f) => f.startsWith(name) && f.endsWith('.png'));
      expect(pngs.length).toBe(pages[name]!.length);
      expect(pngs.length).toBeGreaterThanOrEqual(template === 'annual-summary' ? 4 : 3);
      for (const f of pngs) expect(statSync(join(OUT, f)).size).toBeGreaterThan(5_000);
      pages[name]!.forEach((p, i) => expect(p.replace(/\s+/g, '')).toContain(`—${i + 1}—`));
    });

    it(`${template}: the title breaks between the issuing body and the 年度 line`, () => {
      const [first, second] = lines(pages[name]![0]!);
      if (template === 'annual-summary') expect([first, second]).toEqual(['嘉禾市精工机械有限公司工会委员会', '2026年度工作总结']);
      else expect([first, second]).toEqual(['关于嘉禾市精工机械有限公司工会委员会', '2026年度经费收支情况的报告']);
    });

    it(`${template}: 28 characters a line`, () => {
      const cjkLines = pages[name]!.flatMap(lines).filter((l) => /^[\u4e00-\u9fff，。、；：（）]+$/.test(l));
      // a comma or full stop that may not start a line hangs past the end of the one before
      const widths = cjkLines.map((l) => [...l.replace(/[，。、；：]$/, '')].length);
      expect(Math.max(...widths)).toBe(28);
    });

    it(`${template}: quotation marks nest, no 顿号 between quoted items, money in 万元 in running text`, () => {
      const text = all().replace(/\s+/g, '');
      expect(text).not.toMatch(/“[^”‘]*“/);
      expect(text).not.toMatch(/[”》]、[“《]/);
      expect(text).not.toMatch(/\d{1,3}(?:,\d{3})+(?:\.\d\d)?元/);
      expect(text).not.toMatch(/\d{5,}(?:\.\d+)?元/);
      expect(text).toMatch(/\d+(?:\.\d+)?万元/);
      if (template === 'annual-summary') expect(text).toContain('“‘安康杯’知识竞赛”');
    });

    it(`${template}: the signature block sits under the last paragraph, on the same page`, () => {
      const last = lines(pages[name]!.at(-1)!).filter((l) => !/^—\d+—$/.test(l));
      const dateLine = date === '2026-12-01' ? '2026年12月1日' : '2026年12月31日';
      expect(last.slice(-2)).toEqual(['嘉禾市精工机械有限公司工会委员会', dateLine]);
      // the text goes on above it on that page: the signature never stands alone
      expect(last.length).toBeGreaterThan(2);
    });

    if (template === 'annual-summary') {
      it('annual-summary: headings as the outline numbers them, captions from the photo or the activity', () => {
        const text = pages[name]!.flatMap(lines);
        expect(text).toContain('一、主要工作及成效');
        expect(text).toContain('二、存在的问题');
        expect(text.filter((l) => /^（[一二三四五六七八九十]+）/.test(l)).length).toBeGreaterThanOrEqual(5);
        const captions = text.filter((l) => /（\d+月\d+日）$/.test(l));
        expect(captions.length).toBeGreaterThanOrEqual(3);
        for (const c of captions) expect(c).not.toMatch(/IMG_|\.png|activity-photo/i);
      });
    }
  }
});
