import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { buildDocument } from '../../../shared/documents/generate';
import { blockText, type DocBlock } from '../../../shared/documents/model';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import type { BookTables } from '../../../shared/model/book';
import type { Activity } from '../../../shared/model/records';
import { monthlyUnion } from '../facts/as-of-book';

const summary = readFileSync('templates/annual-summary.md', 'utf8');
const blocksOf = (book: BookTables, date = '2026-12-31') => buildDocument(summary, computeAnnualFacts(book, 2026, { date })).model.blocks;
const textOf = (blocks: DocBlock[]) => blocks.map(blockText).join('\n');

function addActivity(book: BookTables, title: string, category: string, date: string, description = ''): void {
  const a: Activity = {
    id: `a-${title}`,
    updatedAt: '9',
    deviceId: 't',
    deleted: 0,
    title,
    category,
    startDate: date,
    endDate: date,
    place: '职工之家',
    organiser: '',
    participantIds: book.members.map((m) => m.id),
    headCount: 0,
    description,
    photoIds: [],
    transactionIds: [],
    planned: false,
  };
  book.activities.push(a);
}

describe('prose that reads like a person wrote it', () => {
  it('one event is 举办, several are 先后举办了, and the activity’s own description is used', () => {
    const book = monthlyUnion({ postedThrough: '2026-11-30' });
    book.activities = [];
    addActivity(book, '职工篮球联赛', '文体活动', '2026-05-10', '8个部门组队参赛，共进行14场比赛。');
    addActivity(book, '岗位技能比武', '劳动和技能竞赛', '2026-06-10');
    addActivity(book, '“安康杯”知识竞赛', '劳动和技能竞赛', '2026-06-20', '12支班组队参赛。');
    const text = textOf(blocksOf(book));
    expect(text).toContain('先后举办了“岗位技能比武”“‘安康杯’知识竞赛”');
    expect(text).not.toMatch(/先后举办了“职工篮球联赛”[。，]/);
    expect(text).toContain('5月10日组织“职工篮球联赛”，8个部门组队参赛，共进行14场比赛');
    expect(text).toContain('“‘安康杯’知识竞赛”12支班组队参赛');
  });

  it('small categories share one paragraph; none gets a heading of its own like （八）开展其他活动', () => {
    const book = monthlyUnion({ postedThrough: '2026-11-30' });
    book.activities = [];
    addActivity(book, '学雷锋志愿服务', '志愿服务', '2026-03-05');
    addActivity(book, '青年职工座谈会', '其他', '2026-11-20');
    addActivity(book, '插花沙龙', '女职工工作', '2026-03-07');
    const blocks = blocksOf(book);
    const headings = blocks.filter((b) => b.type === 'heading' && b.level === 3).map(blockText);
    expect(headings.filter((h) => /其他|志愿服务|女职工/.test(h))).toEqual([]);
    expect(headings.length).toBeLessThanOrEqual(3);
    expect(textOf(blocks)).toContain(
      '3月5日组织“学雷锋志愿服务”，参加职工4人次；3月7日组织“插花沙龙”，参加职工4人次；11月20日组织“青年职工座谈会”',
    );
  });

  it('the demo summary: varied frames, few headings, 同比 where the book holds last year, narrative numbered', () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-12', today: '2026-12-31' });
    const blocks = blocksOf(book);
    const text = textOf(blocks);
    const level3 = blocks.filter((b) => b.type === 'heading' && b.level === 3);
    expect(level3.length).toBeGreaterThanOrEqual(5);
    expect(level3.length).toBeLessThanOrEqual(8);
    expect(text).not.toContain('取得了良好效果');
    // no sentence frame is used more than twice
    const frames = text.match(/[^。；，]{0,4}(?:先后举办了|组织开展)/g) ?? [];
    expect(frames.length).toBeLessThanOrEqual(6);
    expect(text).toMatch(/活动场次(同比增长|同比下降|与上年同期持平)/);
    expect(text).toMatch(/经费支出(同比增长|同比下降)[\d.]+%/);
    expect(text).toContain('二、存在的问题\n1.');
    expect(text).toContain('三、2027年工作计划\n1.');
  });
});
