import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/documents/generate';
import { blockText } from '../../../shared/documents/model';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import type { AnnualFacts } from '../../../shared/facts/types';
import type { BookTables } from '../../../shared/model/book';
import type { WelfareKind } from '../../../shared/model/records';
import { welfareAccount } from '../../../shared/welfare/kinds';
import { monthlyUnion } from './as-of-book';

const textOf = (template: string, facts: AnnualFacts) =>
  buildDocument(readFileSync(`templates/${template}.md`, 'utf8'), facts)
    .model.blocks.map(blockText)
    .join('\n');

/** Visits booked as the welfare page books them: each with its expense on the kind's account. */
function withVisits(book: BookTables, visits: [WelfareKind, string, string, number][]): BookTables {
  book.welfare = [];
  visits.forEach(([kind, subKind, date, amountFen], i) => {
    const id = `visit-${i}`;
    const memberId = book.members[i % book.members.length]!.id;
    book.transactions.push({
      id: `visit-tx-${i}`,
      updatedAt: `2026-12-31-${i}`,
      deviceId: 't',
      deleted: 0,
      date,
      place: 'bank',
      accountCode: welfareAccount(kind),
      amountFen,
      summary: `${kind}慰问：某某`,
      voucherNumber: '',
      attachmentIds: [],
      reversalOf: '',
      activityId: '',
      welfareId: id,
      duesBatchId: '',
    });
    book.welfare.push({
      id,
      updatedAt: '1',
      deviceId: 't',
      deleted: 0,
      memberId,
      kind,
      subKind,
      date,
      form: 'goods',
      amountFen,
      note: '',
      transactionId: `visit-tx-${i}`,
    });
  });
  return book;
}

describe('走访慰问 and 会员福利 reported apart, each under the account it was booked to', () => {
  const book = withVisits(monthlyUnion({ postedThrough: '2026-11-30' }), [
    ['生日', '', '2026-02-02', 20_000],
    ['生日', '', '2026-05-05', 20_000],
    ['生日', '', '2026-08-08', 20_000],
    ['节日', '春节', '2026-02-09', 50_000],
    ['住院', '手术', '2026-04-04', 100_000],
    ['困难帮扶', '', '2026-01-12', 200_000],
  ]);
  const facts = computeAnnualFacts(book, 2026, { date: '2026-12-01' });

  it('counts sickness and hardship as 走访慰问, birthdays and holiday goods as 福利', () => {
    expect(facts.welfare.visits.kinds.map((k) => [k.kind, k.personTimes])).toEqual([
      ['住院', 1],
      ['困难帮扶', 1],
    ]);
    expect(facts.welfare.benefits.kinds.map((k) => [k.kind, k.personTimes])).toEqual([
      ['生日', 3],
      ['节日', 1],
    ]);
  });

  it('the summary does not call birthday cakes 走访慰问', () => {
    const summary = textOf('annual-summary', facts);
    expect(summary).toContain('共走访慰问会员2人次，发放慰问金和慰问品3000元');
    expect(summary).toContain('看望住院会员1人次（其中手术1人次），送去慰问金1000元');
    expect(summary).toContain('在春节为会员发放节日慰问品1人次、500元');
    expect(summary).toContain('发放生日慰问3人次');
    expect(summary).not.toMatch(/走访慰问会员[3-6]人次/);
  });

  it('the finance report counts each visit under its own account', () => {
    const report = textOf('finance-report', facts);
    // the birthday cakes, the holiday goods and the hospital visit are 50105; only the hardship help is 504
    expect(report).toMatch(/（[一二三四]）维权支出2000元\n该项支出占支出总额的[\d.]+%，主要用于困难帮扶慰问。慰问1人次。/);
    expect(report).toMatch(/职工活动支出2100元\n[^\n]*慰问5人次。/);
    expect(report).not.toContain('全年慰问帮扶会员');
  });
});
