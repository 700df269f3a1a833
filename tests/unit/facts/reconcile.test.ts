import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/documents/generate';
import { blockText } from '../../../shared/documents/model';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import type { AnnualFacts } from '../../../shared/facts/types';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { formatYuan } from '../../../shared/money/fen';
import { monthlyUnion } from './as-of-book';

const textOf = (template: string, facts: AnnualFacts) =>
  buildDocument(readFileSync(`templates/${template}.md`, 'utf8'), facts)
    .model.blocks.map(blockText)
    .join('\n');

/** 万元 or 元 as running text writes them, back to fen. */
function fen(text: string): number {
  const m = /^(-?[\d.]+)(万元|元)$/.exec(text);
  if (!m) throw new Error(`not an amount: ${text}`);
  return Math.round(Number(m[1]) * (m[2] === '万元' ? 1_000_000 : 100));
}

describe('one story of the numbers', () => {
  it('members at the year’s start, joined and left add up to the members stated', () => {
    const book = monthlyUnion({ postedThrough: '2026-11-30' });
    const [a, b, c] = book.members;
    book.memberships.push(
      {
        id: 'e1',
        updatedAt: '9',
        deviceId: 't',
        deleted: 0,
        memberId: a!.id,
        kind: 'transfer-out',
        date: '2026-05-20',
        reason: '',
        otherUnion: '',
      },
      {
        id: 'e2',
        updatedAt: '9',
        deviceId: 't',
        deleted: 0,
        memberId: b!.id,
        kind: 'retire',
        date: '2026-07-01',
        reason: '',
        otherUnion: '',
      },
    );
    c!.joinDate = '2026-03-10';
    book.memberships = book.memberships.filter((e) => !(e.memberId === c!.id && e.kind === 'join'));
    book.memberships.push({
      id: 'e3',
      updatedAt: '9',
      deviceId: 't',
      deleted: 0,
      memberId: c!.id,
      kind: 'join',
      date: '2026-03-10',
      reason: '',
      otherUnion: '',
    });
    const facts = computeAnnualFacts(book, 2026, { date: '2026-12-01' });
    const text = textOf('annual-summary', facts);
    const m =
      /工会会员(\d+)人[\s\S]*?年初有会员(\d+)人，今年以来新入会(\d+)人，转出(\d+)人，(?:会员净增(\d+)人|会员净减(\d+)人|会员人数与年初持平)；另有(\d+)名会员退休/.exec(
        text,
      );
    expect(m, text).not.toBeNull();
    const [, total, start, joined, out, up, down, retired] = m!.map((v) => (v === undefined ? 0 : Number(v)));
    expect(start! + joined! - out!).toBe(total);
    expect(total! - start!).toBe(up! - down!);
    expect([total, start, joined, out, retired]).toEqual([3, 3, 1, 1, 1]);
  });

  it('the finance report states opening + income − expense = the balance on the date, as its table does', () => {
    for (const date of ['2026-12-01', '2026-12-31']) {
      const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-12', today: date });
      const facts = computeAnnualFacts(book, 2026, { date });
      const report = textOf('finance-report', facts);
      const m =
        /年初结余([\d.]+万?元)，加(?:全年|今年以来)收入([\d.]+万?元)，减(?:全年|今年以来)支出([\d.]+万?元)，(?:年末|截至12月1日)结余([\d.]+万?元)。/.exec(
          report,
        );
      expect(m, report).not.toBeNull();
      const [opening, income, expense, closing] = m!.slice(1).map(fen);
      const f = facts.finance;
      expect(f.openingFen + f.incomeFen - f.expenseFen).toBe(f.closingFen);
      // each figure is the books' figure rounded as stated, and the note says when the rounded ones do not add up
      for (const [shown, exact] of [
        [opening, f.openingFen],
        [income, f.incomeFen],
        [expense, f.expenseFen],
        [closing, f.closingFen],
      ] as const)
        expect(Math.abs(shown! - exact)).toBeLessThanOrEqual(5_000);
      expect(report.includes('分项之和与合计略有出入')).toBe(opening! + income! - expense! !== closing!);
      const label = date === '2026-12-31' ? '年末结余' : '期末结余（截至12月1日）';
      expect(report).toContain(`${label}\t${formatYuan(f.closingFen)}`);
    }
  });

  it('dues paid in January for December of the year before: both documents count them, and say why', () => {
    const book = monthlyUnion({ postedThrough: '2026-11-30' });
    const member = book.members[0]!;
    book.duesPayments.push({
      id: 'late',
      updatedAt: '9',
      deviceId: 't',
      deleted: 0,
      memberId: member.id,
      month: '2025-12',
      amountFen: 3000,
      paidDate: '2026-01-10',
      method: '现金',
      receiptNumber: '2026-0001',
      reversalOf: '',
      batchId: 'late-batch',
    });
    book.transactions.push({
      id: 'late-401',
      updatedAt: '9',
      deviceId: 't',
      deleted: 0,
      date: '2026-01-10',
      place: 'cash',
      accountCode: '401',
      amountFen: 3000,
      summary: '补缴2025年12月会费',
      voucherNumber: '',
      attachmentIds: [],
      reversalOf: '',
      activityId: '',
      welfareId: '',
      duesBatchId: 'late-batch',
    });
    const facts = computeAnnualFacts(book, 2026, { date: '2026-12-01' });
    expect(facts.dues).toMatchObject({
      receivedFen: 4 * 11 * 3000 + 3000,
      earlierYearsFen: 3000,
      ledgerFen: 4 * 11 * 3000 + 3000,
      unreconciledFen: 0,
    });
    const summary = textOf('annual-summary', facts);
    const report = textOf('finance-report', facts);
    expect(summary).toContain('今年以来实收会费1350元，其中补缴以前年度会费30元');
    expect(report).toContain('会费收入1350元，占');
    expect(report).toContain('含补缴以前年度会费30元');
  });
});
