import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../shared/documents/render';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import { smallBook } from '../facts/small-book';

const facts = computeAnnualFacts(smallBook(), 2025);
const render = (body: string) => renderTemplate(`---\nname: t\nkind: other\n---\n${body}`, facts).markdown;

describe('Chinese figure filters', () => {
  it('money in 元, 万元 and capitals', () => {
    expect(render('{{ finance.incomeFen | yuan }}')).toBe('2,595.00元');
    expect(render('{{ finance.closingFen | yuan_number }}')).toBe('13,945.00');
    expect(render('{{ finance.closingFen | wan_yuan }}')).toBe('1.39万元');
    expect(render('{{ finance.closingFen | capitals }}')).toBe('壹万叁仟玖佰肆拾伍元整');
    expect(render('{{ dues.collectedFen | capitals }}')).toBe('伍佰玖拾伍元整');
    expect(render('{{ 120050 | capitals }}')).toBe('壹仟贰佰元伍角整');
  });

  it('dates, percentages and counts with units', () => {
    expect(render('{{ yearEnd | cn_date }}')).toBe('2025年12月31日');
    expect(render('{{ "2025-03" | cn_date }}')).toBe('2025年3月');
    expect(render('{{ members.joinRate | percent }}')).toBe('30.0%');
    expect(render('{{ dues.collectionRate | percent: 2 }}')).toBe('97.37%');
    expect(render('{{ members.total | persons }}')).toBe('4人');
    expect(render('{{ activities.personTimes | person_times }}')).toBe('35人次');
    expect(render('{{ activities.count | times }}')).toBe('3次');
    expect(render('{{ activities.photoCount | unit: "张" }}')).toBe('1张');
  });

  it('narrative lines become paragraphs and cannot inject headings or tables', () => {
    expect(render('{{ notes.problems | paragraphs }}')).toBe('问题一\n\n问题二');
    expect(render('{{ "## 标题\n| a |\n::: right" | paragraphs }}')).toBe('标题\n\na |\n\nright');
  });
});
