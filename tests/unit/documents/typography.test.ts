import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { CHINESE_FILTERS } from '../../../shared/documents/filters';
import { buildDocument } from '../../../shared/documents/generate';
import { blockText, type DocBlock } from '../../../shared/documents/model';
import { fixPunctuation, nestQuotes, quoted } from '../../../shared/documents/punctuation';
import { signaturePlacement } from '../../../shared/documents/signature';
import { textWidth, titleLines } from '../../../shared/documents/title-lines';
import { photoCaption } from '../../../shared/facts/activities';
import { computeAnnualFacts } from '../../../shared/facts/annual';

describe('GB/T 15834 punctuation', () => {
  it('nests quotation marks “ ‘ ’ ”', () => {
    expect(nestQuotes('““安康杯”知识竞赛”')).toBe('“‘安康杯’知识竞赛”');
    expect(quoted('“安康杯”知识竞赛')).toBe('“‘安康杯’知识竞赛”');
    expect(quoted('庆"三八"插花沙龙')).toBe('“庆‘三八’插花沙龙”');
    expect(nestQuotes('“A”和“B”')).toBe('“A”和“B”');
  });

  it('puts no 顿号 between items each in quotation marks or book-title marks', () => {
    expect(fixPunctuation('开展“春送岗位”、“夏送清凉”、“金秋助学”活动')).toBe('开展“春送岗位”“夏送清凉”“金秋助学”活动');
    expect(fixPunctuation('依据《工会法》、《劳动法》')).toBe('依据《工会法》《劳动法》');
    expect(fixPunctuation('“A”（二期）、“B”')).toBe('“A”（二期）、“B”');
  });

  it('does not follow a title that ends in 活动 with another 活动', () => {
    expect(fixPunctuation('举办了“三八妇女节插花活动”活动')).toBe('举办了“三八妇女节插花活动”');
  });
});

describe('figures in running text', () => {
  const f = CHINESE_FILTERS;
  it('writes money as the seeds do: 万元 from ten thousand yuan, 元 below, no separators', () => {
    expect(f.money(17_288_565)).toBe('17.29万元');
    expect(f.money(1_000_000)).toBe('1万元');
    expect(f.money(930_000)).toBe('9300元');
    expect(f.money(36_465)).toBe('364.65元');
    expect(f.money(50_000)).toBe('500元');
    expect(f.money(17_288_565, '元')).toBe('172885.65元');
  });

  it('writes lists of titles, plain lists, numbered lines and 同比', () => {
    expect(f.quote_list(['A', '“B”竞赛', 'A', 'C'], 2)).toBe('“A”“‘B’竞赛”');
    expect(f.join_cn(['春节', '端午', '中秋'])).toBe('春节、端午和中秋');
    expect(f.numbered('一\n2、二\n\n三')).toBe('1.一\n\n2.二\n\n3.三');
    expect(f.numbered('只有一条')).toBe('只有一条');
    expect(f.yoy(21, 20)).toBe('同比增长5.0%');
    expect(f.yoy(19, 20)).toBe('同比下降5.0%');
    expect(f.yoy(20, 20)).toBe('与上年同期持平');
    expect(f.yoy(20, 0)).toBe('');
    expect(f.sentence('审议通过办法，')).toBe('审议通过办法。');
    expect(f.clause('审议通过办法。')).toBe('审议通过办法');
    expect(f.cn_day('2026-12-18')).toBe('12月18日');
    expect(f.cn_month('2026-12-18')).toBe('12月');
  });
});

describe('GB/T 9704 title and signature', () => {
  it('breaks a long title between words into the issuing body and the 年度 line', () => {
    expect(titleLines(['嘉禾市精工机械有限公司工会委员会2026年度工作总结'])).toEqual([
      '嘉禾市精工机械有限公司工会委员会',
      '2026年度工作总结',
    ]);
    expect(titleLines(['关于嘉禾市精工机械有限公司工会委员会2026年度经费收支情况的报告'])).toEqual([
      '关于嘉禾市精工机械有限公司工会委员会',
      '2026年度经费收支情况的报告',
    ]);
    // a name too long for one line breaks after a whole word, never inside 工会委员会
    const long = titleLines(['嘉禾市南湖区新兴街道精工机械有限公司工会委员会2026年度工作总结']);
    expect(long.every((l) => textWidth(l) <= 20)).toBe(true);
    expect(long.join('|')).not.toMatch(/工会\|委员会|委员\|会|\|度/);
    expect(titleLines(['X山管理局机关工会2021年工会工作总结'])).toEqual(['X山管理局机关工会2021年工会工作总结']);
  });

  it('places the issuing body 右空二字 and the date two characters right of its first character', () => {
    // 16 characters of name: starts at 28 − 2 − 16 = 10; the date at 12
    expect(signaturePlacement('嘉禾市精工机械有限公司工会委员会', '2026年12月1日')).toEqual({ issuerStart: 10, dateStart: 12 });
    // a date longer than the name: the date 右空二字, the name two characters left of it
    expect(signaturePlacement('机关工会', '2026年12月31日')).toEqual({ issuerStart: 17, dateStart: 19 });
  });
});

describe('photo captions', () => {
  it('are the caption the user wrote, or the activity’s title, never the file’s name', () => {
    const activity = { title: '职工篮球联赛' };
    expect(photoCaption({ caption: '决赛现场', name: 'IMG_0412.jpg' }, activity)).toBe('决赛现场');
    expect(photoCaption({ caption: 'activity-photo', name: 'activity-photo.png' }, activity)).toBe('职工篮球联赛');
    expect(photoCaption({ caption: 'IMG_0412', name: 'IMG_0412.JPG' }, activity)).toBe('职工篮球联赛');
    expect(photoCaption({ caption: '', name: 'a.png' }, activity)).toBe('职工篮球联赛');
  });
});

describe('the demo’s documents keep the rules', () => {
  const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-12', today: '2026-12-31' });
  for (const date of ['2026-12-01', '2026-12-31']) {
    const facts = computeAnnualFacts(book, 2026, { date });
    for (const template of ['annual-summary', 'finance-report']) {
      it(`${template} dated ${date}`, () => {
        const { model } = buildDocument(readFileSync(`templates/${template}.md`, 'utf8'), facts);
        const running = model.blocks.filter((b): b is Extract<DocBlock, { type: 'paragraph' }> => b.type === 'paragraph').map(blockText);
        const all = model.blocks.map(blockText).join('\n');
        // no ledger-style money in running text; 万元 where the amount is large
        for (const p of running) {
          expect(p).not.toMatch(/\d,\d{3}/);
          expect(p).not.toMatch(/\d{5,}(?:\.\d+)?元/);
        }
        expect(all).not.toMatch(/“[^”‘]*“/);
        expect(all).not.toMatch(/[”》]、[“《]/);
        expect(all).not.toMatch(/活动”活动/);
        expect(all).not.toContain('取得了良好效果');
        expect(model.blocks[0]).toMatchObject({ type: 'title' });
        const title = model.blocks[0] as Extract<DocBlock, { type: 'title' }>;
        expect(title.lines[0]).toMatch(/工会委员会$/);
        expect(title.lines[1]).toMatch(/^2026年度/);
        const last = model.blocks[model.blocks.length - 1]!;
        expect(last).toEqual({
          type: 'signature',
          issuer: '嘉禾市精工机械有限公司工会委员会',
          date: date === '2026-12-01' ? '2026年12月1日' : '2026年12月31日',
        });
      });
    }
  }
});
