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
    expect(text).toContain('工会会员4人（其中在职会员3人），其中女会员2人、农民工会员1人，职工入会率30.0%');
    expect(text).toContain('全年组织文体活动2次，参加职工32人次');
    expect(text).toContain('全年走访慰问会员3人次，发放慰问金和慰问品共计900.00元');
    expect(text).toContain('实收会费595.00元，应收610.00元，收缴率97.5%');
    expect(text).toContain('二、存在的问题\n问题一\n问题二');
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
    expect(text).toContain('年初结余12,500.00元，全年收入2,595.00元，支出1,150.00元，年末结余13,945.00元');
    expect(text).toContain('为年度收入预算2,600.00元的99.8%');
    expect(text).toContain('401 会费收入\t600.00\t595.00\t99.2%');
    expect(text).toContain('文体活动支出250.00元；会员活动支出900.00元。');
    expect(text).toContain('支出超出年度预算');
    expect(text).toContain('年末结余\t13,945.00');
  });
});
