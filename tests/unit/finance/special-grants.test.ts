import { describe, expect, it } from 'vitest';
import { postEntry, reverseEntry, updateEntry } from '../../../shared/engine/ops/entries';
import { openBooks } from '../../../shared/engine/ops/periods';
import { createUnion } from '../../../shared/engine/ops/union';
import { computeStatement } from '../../../shared/finance/statement';
import { grantBalances, grantNotes, overspendWarning, purposeProblem } from '../../../shared/finance/special-grants';
import { memoryStore } from '../engine/fixture';

async function union() {
  const store = memoryStore();
  await createUnion(store, { name: '测试工会委员会', employeeCount: 20, womenEmployeeCount: 8 });
  await openBooks(store, { month: '2026-01', cashFen: 50_000, bankFen: 1_000_000 });
  return store;
}

describe('专项补助: received, spent and remaining per purpose', () => {
  it('adds receipts and the spending charged to each purpose, reversals included, up to a day', async () => {
    const store = await union();
    const grant = { place: 'bank' as const, accountCode: '40302', summary: '上级拨付专项' };
    await postEntry(store, { ...grant, date: '2026-03-01', amountFen: 2_000_000, purpose: '职工书屋建设' });
    await postEntry(store, { ...grant, date: '2026-03-05', amountFen: 500_000, purpose: '困难职工帮扶' });
    await postEntry(store, { ...grant, date: '2026-06-01', amountFen: 1_000_000, purpose: '职工书屋建设' });
    const books = await postEntry(store, {
      date: '2026-04-10',
      place: 'bank',
      accountCode: '50304',
      amountFen: 1_200_000,
      summary: '购买图书',
      purpose: '职工书屋建设',
    });
    await postEntry(store, { date: '2026-04-12', place: 'bank', accountCode: '50304', amountFen: 300_000, summary: '书架' });
    await postEntry(store, {
      date: '2026-05-20',
      place: 'bank',
      accountCode: '50404',
      amountFen: 600_000,
      summary: '帮扶',
      purpose: '困难职工帮扶',
    });
    await reverseEntry(store, books.id, '2026-07-01', '退货');
    expect(grantBalances(store.book.transactions, '2026-05-31')).toEqual([
      { purpose: '职工书屋建设', carriedFen: 0, receivedFen: 2_000_000, spentFen: 1_200_000, remainingFen: 800_000 },
      { purpose: '困难职工帮扶', carriedFen: 0, receivedFen: 500_000, spentFen: 600_000, remainingFen: -100_000 },
    ]);
    const year = grantBalances(store.book.transactions);
    // The reversal carries the purpose, so what was refunded is available again.
    expect(year[0]).toEqual({ purpose: '职工书屋建设', carriedFen: 0, receivedFen: 3_000_000, spentFen: 0, remainingFen: 3_000_000 });
    expect(grantNotes(year)).toEqual([
      '“职工书屋建设”专项：收到 30,000.00 元，已支出 0.00 元，结余 30,000.00 元',
      '“困难职工帮扶”专项：收到 5,000.00 元，已支出 6,000.00 元，超支 1,000.00 元',
    ]);
    // The 收入支出表 carries them as of its period's end.
    expect(computeStatement(store.book, { year: 2026, month: 4 }).specialGrants.map((g) => g.remainingFen)).toEqual([800_000, 500_000]);
  });

  it('a 专项 receipt written before purposes were recorded is listed as 未注明用途, not left out', async () => {
    const store = await union();
    const t = await postEntry(store, {
      date: '2026-03-01',
      place: 'bank',
      accountCode: '40302',
      amountFen: 500_000,
      summary: '专项',
      purpose: '帮扶',
    });
    const { purpose: _purpose, ...older } = t;
    expect(grantBalances([older])).toEqual([{ purpose: '', carriedFen: 0, receivedFen: 500_000, spentFen: 0, remainingFen: 500_000 }]);
    expect(grantNotes(grantBalances([older]))).toEqual(['未注明用途的专项：收到 5,000.00 元，已支出 0.00 元，结余 5,000.00 元']);
  });

  it('warns with the amount when spending exceeds what remains, and not within it', () => {
    const grants = [{ purpose: '职工书屋建设', carriedFen: 0, receivedFen: 2_000_000, spentFen: 1_200_000, remainingFen: 800_000 }];
    expect(overspendWarning(grants, '职工书屋建设', 800_000)).toBeNull();
    expect(overspendWarning(grants, '职工书屋建设', 1_000_000)).toBe(
      '“职工书屋建设”专项剩余 8,000.00 元，本笔支出 10,000.00 元，超出 2,000.00 元（超出部分由本会经费负担）',
    );
    expect(overspendWarning(grants, '', 1_000_000)).toBeNull();
  });

  it('a 专项 receipt must say what it is for; only receipts and spending carry a purpose', async () => {
    expect(purposeProblem({ accountCode: '40302', purpose: ' ' })).toBe('专项用途：专项补助收入请写明上级拨付的用途（例如 职工书屋建设）');
    expect(purposeProblem({ accountCode: '40301', purpose: '书屋' })).toBe('专项用途：只有 40302 专项补助收入和支出可以填写');
    expect(purposeProblem({ accountCode: '50304', purpose: '书屋' })).toBeNull();
    expect(purposeProblem({ accountCode: '50304', purpose: '书'.repeat(51) })).toBe('专项用途：不超过 50 个字');
    const store = await union();
    await expect(
      postEntry(store, { date: '2026-03-01', place: 'bank', accountCode: '40302', amountFen: 100, summary: '专项' }),
    ).rejects.toThrow('专项用途：专项补助收入请写明上级拨付的用途');
    expect(store.book.transactions).toHaveLength(0);
    const t = await postEntry(store, {
      date: '2026-03-01',
      place: 'bank',
      accountCode: '40302',
      amountFen: 100,
      summary: '专项',
      purpose: '书屋',
    });
    // An edit keeps or changes the purpose under the same rule.
    const edited = await updateEntry(store, t.id, {
      date: '2026-03-01',
      place: 'bank',
      accountCode: '40302',
      amountFen: 100,
      summary: '专项',
      purpose: '职工书屋',
    });
    expect(edited.purpose).toBe('职工书屋');
    await expect(
      updateEntry(store, t.id, { date: '2026-03-01', place: 'bank', accountCode: '40302', amountFen: 100, summary: '专项', purpose: '' }),
    ).rejects.toThrow('专项用途：专项补助收入请写明');
  });
});
