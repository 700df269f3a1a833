import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/documents/generate';
import { blockText } from '../../../shared/documents/model';
import { sectionFigures, templateSections } from '../../../shared/documents/sections';
import { computeAnnualFacts, narrativeFacts } from '../../../shared/facts/annual';
import { factsReference } from '../../../shared/facts/reference';
import { emptySections, SECTIONS, SECTION_KEYS, type SectionTexts } from '../../../shared/facts/sections';
import { smallBook } from '../facts/small-book';

const summary = readFileSync('templates/annual-summary.md', 'utf8');
const report = readFileSync('templates/finance-report.md', 'utf8');

const withWords = (source: string, texts: Partial<SectionTexts>) => {
  const facts = computeAnnualFacts(smallBook(), 2025);
  const notes = narrativeFacts({ ...emptySections(), ...texts });
  return buildDocument(source, { ...facts, notes }).model.blocks.map(blockText);
};

/** The paragraphs from a heading up to the next heading of the same or a higher level. */
function sectionOf(lines: string[], heading: RegExp, text: string): boolean {
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return false;
  const end = lines.findIndex((l, i) => i > start && /^[一二三四五六七八九十]+、/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).includes(text);
}

describe('sections in the chair’s own words', () => {
  it('each bundled template names its sections in the order it places them', () => {
    expect(templateSections(summary).map((s) => s.key)).toEqual(['members', 'work', 'welfare', 'funds', 'problems', 'plan']);
    expect(templateSections(report).map((s) => s.key)).toEqual(['income', 'expense', 'balance', 'nextSteps']);
    // A copy made for the three boxes of earlier versions still gets its sections.
    expect(templateSections('{{ notes.highlights }} {{ notes.nextYearPlan }} {{ notes.problems }}').map((s) => s.key)).toEqual([
      'work',
      'plan',
      'problems',
    ]);
    expect(templateSections('{{ members.total }}')).toEqual([]);
  });

  it('every figure a section shows is a fact the palette names, written as a report writes it', () => {
    const paths = new Set(factsReference().map((e) => e.path));
    for (const s of SECTIONS) for (const f of s.figures) expect(paths, `${s.key}: ${f}`).toContain(f);
    const facts = computeAnnualFacts(smallBook(), 2025);
    const members = sectionFigures(
      SECTIONS.find((s) => s.key === 'members')!,
      facts,
    );
    expect(members[0]).toEqual({ label: expect.any(String), text: '4人' });
    expect(members.map((f) => f.text)).toContain('30.0%');
    const funds = sectionFigures(
      SECTIONS.find((s) => s.key === 'funds')!,
      facts,
    );
    expect(funds.map((f) => f.text)).toContain('595元');
  });

  it('the summary places each paragraph in its section', () => {
    const texts = Object.fromEntries(SECTION_KEYS.map((k) => [k, `【${k}段落】`])) as SectionTexts;
    const lines = withWords(summary, texts);
    expect(sectionOf(lines, /^一、主要工作及成效/, '【work段落】')).toBe(true);
    expect(sectionOf(lines, /^（.）维护职工权益/, '【welfare段落】')).toBe(true);
    expect(sectionOf(lines, /^（.）规范会费收缴和经费管理/, '【funds段落】')).toBe(true);
    expect(sectionOf(lines, /^二、存在的问题/, '【problems段落】')).toBe(true);
    expect(sectionOf(lines, /^三、2026年工作计划/, '【plan段落】')).toBe(true);
    // 会员队伍 belongs to the opening, before the first numbered part.
    const members = lines.indexOf('【members段落】');
    expect(members).toBeGreaterThan(0);
    expect(members).toBeLessThan(lines.findIndex((l) => l.startsWith('一、')));
    expect(lines.filter((l) => l.includes('段落】'))).toHaveLength(6);
  });

  it('the finance report places each paragraph in its section; 下一步工作打算 falls back to the standard words', () => {
    const lines = withWords(report, { income: '收入说明', expense: '支出说明', balance: '结余说明', nextSteps: '一条打算' });
    expect(sectionOf(lines, /^一、经费收入情况/, '收入说明')).toBe(true);
    expect(sectionOf(lines, /^二、经费支出情况/, '支出说明')).toBe(true);
    expect(sectionOf(lines, /^三、收支结余情况/, '结余说明')).toBe(true);
    expect(sectionOf(lines, /、下一步工作打算$/, '一条打算')).toBe(true);
    expect(lines.join('\n')).not.toContain('一是严格预算管理');
    expect(withWords(report, {}).join('\n')).toContain('一是严格预算管理');
  });

  it('a section with words but no figures still gets its heading, and none without either', () => {
    const book = { ...smallBook(), welfare: [] };
    const facts = computeAnnualFacts(book, 2025);
    const render = (texts: Partial<SectionTexts>) =>
      buildDocument(summary, { ...facts, notes: narrativeFacts({ ...emptySections(), ...texts }) }).model.blocks.map(blockText);
    expect(sectionOf(render({ welfare: '慰问说明' }), /维护职工权益/, '慰问说明')).toBe(true);
    expect(render({}).some((l) => l.includes('维护职工权益'))).toBe(false);
  });
});

describe('section figure names', () => {
  it('a bare name takes its group’s name', () => {
    const facts = computeAnnualFacts(smallBook(), 2025);
    const labels = sectionFigures(
      SECTIONS.find((s) => s.key === 'welfare')!,
      facts,
    ).map((f) => f.label);
    expect(labels.slice(0, 3)).toEqual(['走访慰问人次', '走访慰问金额', '会员福利人次']);
  });
});
