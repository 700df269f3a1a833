import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/documents/generate';
import { blockText } from '../../../shared/documents/model';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import type { BookTables } from '../../../shared/model/book';
import { smallBook } from '../facts/small-book';

const summary = readFileSync('templates/annual-summary.md', 'utf8');
const report = readFileSync('templates/finance-report.md', 'utf8');
const textOf = (source: string, book: BookTables, year = 2025) =>
  buildDocument(source, computeAnnualFacts(book, year)).model.blocks.map(blockText).join('\n');

describe('bundled templates on a hand-made book', () => {
  it('the summary states the year’s figures', () => {
    const text = textOf(summary, smallBook());
    expect(text.split('\n')[0]).toBe('测试单位工会委员会2025年度工作总结');
    expect(text).toContain('单位有职工10人，工会会员4人，其中在职会员3人、退休会员1人；女会员2人，农民工会员1人；职工入会率30.0%');
    expect(text).toContain('年初有会员3人，全年新入会2人，转出1人，会员净增1人；另有1名会员退休，保留会籍，不再缴纳会费。');
    expect(text).toContain('全年组织文体活动2场，参加职工32人次，先后举办了“职工篮球赛”“健步走”。');
    expect(text).toContain('全年共走访慰问会员1人次，发放慰问金和慰问品500元');
    expect(text).toContain('全年为会员发放生日慰问2人次，合计400元');
    expect(text).toContain(
      '全年实收会费595元，其中12月会费40元已代扣，尚未到期，不计入下列应缴和收缴率。1月至11月应缴会费570元，已缴555元，收缴率97.4%，尚有1人欠缴15元。',
    );
    expect(text).toContain('年初结余1.25万元，全年经费收入2595元，支出1150元，年末结余1.39万元');
    expect(text).toContain('支出中职工活动支出1150元，占100.0%。支出预算执行率115.0%，501职工活动支出超出预算150元。');
    expect(text).toContain('二、存在的问题\n1.问题一\n2.问题二');
    expect(text).toContain('三、2026年工作计划\n计划一');
    expect(text).toMatch(/测试单位工会委员会\n2025年12月31日$/);
  });

  it('a year with no activities or welfare leaves those sections out', () => {
    const book = smallBook();
    book.activities = [];
    book.welfare = [];
    const text = textOf(summary, book);
    expect(text).not.toContain('文体活动');
    expect(text).not.toContain('送温暖');
    expect(text).not.toContain('走访慰问');
    expect(text).not.toMatch(/0次|0人次/);
    // numbering closes up: dues become （一）
    expect(text).toContain('（一）规范会费收缴');
  });

  it('an empty narrative leaves its section out', () => {
    const book = smallBook();
    book.yearNotes = [];
    const text = textOf(summary, book);
    expect(text).not.toContain('存在的问题');
    expect(text).not.toContain('工作计划');
  });

  it('the finance report gives income, spending, balance and budget execution', () => {
    const text = textOf(report, smallBook());
    expect(text).toContain('年初结余1.25万元，加全年收入2595元，减全年支出1150元，年末结余1.39万元。文中金额经四舍五入');
    expect(text).toContain('为年度收入预算2600元的99.8%');
    expect(text).toContain('401 会费收入\t600.00\t595.00\t99.2%');
    expect(text).toContain('其中：文体活动支出250元；会员活动支出900元。');
    expect(text).toContain('超出预算的支出1项：501职工活动支出预算1000元，实际支出1150元，超出150元（执行率115.0%）');
    expect(text).toContain('年末结余\t13,945.00');
    expect(text).toContain('其中库存现金850元，银行存款1.31万元。结余资金结转下年使用。');
  });
});
