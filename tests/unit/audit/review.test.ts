import { describe, expect, it } from 'vitest';
import { auditReview, type AuditBook } from '../../../shared/audit/review';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { importBankStatement } from '../../../shared/engine/ops/bank';
import { closeThrough, openBooks } from '../../../shared/engine/ops/periods';
import type { MemoryStore } from '../../../shared/engine/memory-store';
import { bankFixture, journalBook, TODAY } from '../bank/book';

/** The bank's interest and fee booked too, so the journal and the statement hold the same lines. */
const BOOKED_BANK_ITEMS = [
  { date: '2025-10-31', account: '408', yuan: 38.4, summary: '银行结息' },
  { date: '2025-11-30', account: '510', yuan: 15, summary: '银行手续费' },
];

const checksOf = (store: MemoryStore, year = 2025, date = TODAY) => {
  const review = auditReview(store.book as AuditBook, year, date);
  return { review, byKey: new Map(review.checks.map((c) => [c.key, c])) };
};

describe('经费审查 of a year', () => {
  it('sets the statements, the vouchers and the bank side by side, and every check holds on a sound book', async () => {
    const store = await journalBook({ extra: BOOKED_BANK_ITEMS });
    await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    await closeThrough(store, '2025-11');
    const { review, byKey } = checksOf(store);
    // Income 12,000 + 5,000 + 300 + 38.40; spending 4,500 + 8,800 + 1,260 + 2,350.50 + 980 + 15.
    expect([review.statement.income.totalFen, review.statement.expense.totalFen]).toEqual([1_733_840, 1_790_550]);
    // Cash 2,000 + 3,000 (提现) − 1,500 (存现); bank 80,000 + 12,000 − 3,000 − 4,500 − 8,800 + 38.40 + 5,000 − 1,260 − 2,350.50 + 1,500 − 980 + 300 − 15
    expect(review.sheet.end.bankFen).toBe(7_793_290);
    expect(review.sheet.end.cashFen).toBe(200_000 + 300_000 - 150_000);
    expect(review.vouchers).toMatchObject({ count: 12, first: '记-001', last: '记-012', missing: [], duplicates: [] });
    expect(review.endedMonths).toEqual(['2025-10', '2025-11']);
    expect(review.bank.map((m) => [m.month, m.stateLabel])).toEqual([
      ['2025-10', '相符'],
      ['2025-11', '相符'],
    ]);
    expect(review.closedMonths).toEqual(['2025-10', '2025-11']);
    expect(review.checks.filter((c) => !c.ok)).toEqual([]);
    expect(byKey.get('vouchers')?.detail).toBe('记-001 至 记-012，共 12 张，编号连续');
    expect(byKey.get('bank')?.detail).toContain('2025年11月末银行存款日记账余额 77,932.90 元，对账单余额 78,612.90 元');
    expect(byKey.get('carried')?.detail).toBe('2025年为开账年度，年初数为开账时录入的余额');
  });

  it('says by how much and where each check fails', async () => {
    const store = await journalBook();
    // Books opened with 100 元 too much in the bank: the statement starts lower than the journal.
    await openBooks(store, { month: '2025-10', cashFen: 200_000, bankFen: 8_010_000 });
    await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    // An entry tombstoned by a sync leaves its number unused.
    const gone = store.book.transactions.find((t) => t.summary === '职工书屋购书')!;
    gone.deleted = 1;
    store.book.welfare.push({
      id: 'visit-1',
      updatedAt: '',
      deviceId: 'test',
      deleted: 0,
      memberId: 'm-1',
      kind: '住院',
      subKind: '无手术',
      date: '2025-11-12',
      form: 'cash',
      amountFen: 150_000,
      note: '',
      transactionId: '',
    });
    const { byKey } = checksOf(store);
    expect(byKey.get('vouchers')).toMatchObject({ ok: false, detail: '记-001 至 记-010，共 9 张；缺号 记-006（已删除）' });
    expect(byKey.get('closed')).toMatchObject({ ok: false, detail: '未结账：2025年10月至11月' });
    expect(byKey.get('bank')?.ok).toBe(false);
    expect(byKey.get('bank')?.detail).toMatch(/^余额调节不符：2025年10月相差 100\.00 元；2025年11月相差 100\.00 元；/);
    expect(byKey.get('limits')).toMatchObject({
      ok: false,
      detail: '1 笔超出标准：2025年11月12日 住院慰问 1,500.00 元（住院慰问（无手术）每次不超过1000元）',
    });
    // The statements still agree with each other: the failures are in the bank and the records.
    for (const key of ['statement', 'sheet', 'money', 'fund', 'cash', 'dues'] as const) expect(byKey.get(key)?.ok).toBe(true);
  });

  it('finds a year-end balance carried into the next year that no longer matches the entries', () => {
    const book = generateDemoBook({ ...SMALL_DEMO, years: 2, endMonth: '2026-11', today: '2026-11-30' });
    expect(auditReview(book, 2026, '2026-11-30').checks.find((c) => c.key === 'carried')).toMatchObject({
      ok: true,
      detail: '年初数（结账时结转）与2025年末账面余额相同',
    });
    const carried = book.openingBalances.find((r) => r.carried && r.year === 2026)!;
    carried.cashFen += 12_345;
    expect(auditReview(book, 2026, '2026-11-30').checks.find((c) => c.key === 'carried')).toMatchObject({
      ok: false,
      detail: `年初数为结账时结转：库存现金年初 ${fmt(carried.cashFen)}，上年末 ${fmt(carried.cashFen - 12_345)}，相差 123.45 元`,
    });
  });
});

const fmt = (fen: number) => `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} 元`;
