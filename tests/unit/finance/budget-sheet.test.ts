import { describe, expect, it } from 'vitest';
import { BookError, BookErrors } from '../../../shared/engine/errors';
import { setBudget, setBudgets } from '../../../shared/engine/ops/periods';
import { budgetTable } from '../../../shared/finance/budget-table';
import { memoryStore, seedBook } from '../engine/fixture';

const live = (store: ReturnType<typeof memoryStore>) =>
  store.book.budgets.filter((b) => b.deleted === 0).map((b) => [b.year, b.accountCode, b.amountFen]);

describe('next year’s 预算表 saved at once', () => {
  it('prefills from this year’s actuals, then saves every line through the engine', async () => {
    const store = memoryStore();
    await seedBook(store);
    const prefilled = budgetTable(store.book, 2027);
    // dues of three members at 30 元 for three months; a 500 元 cake and a 1,200 元 match
    expect(prefilled.income.find((l) => l.code === '401')).toMatchObject({ lastYearFen: 27_000, budgetFen: 27_000, prefilled: true });
    expect(prefilled.expense.find((l) => l.code === '501')).toMatchObject({ lastYearFen: 170_000, budgetFen: 170_000, prefilled: true });
    await setBudgets(store, 2027, [
      { accountCode: '401', amountFen: 36_000 },
      { accountCode: '501', amountFen: 250_000 },
    ]);
    expect(live(store)).toEqual([
      [2027, '401', 36_000],
      [2027, '501', 250_000],
    ]);
    const saved = budgetTable(store.book, 2027);
    expect(saved.expense.find((l) => l.code === '501')).toMatchObject({ budgetFen: 250_000, prefilled: false });
    // saving again changes the one line that changed, in place
    await setBudgets(store, 2027, [
      { accountCode: '401', amountFen: 36_000 },
      { accountCode: '501', amountFen: 240_000 },
    ]);
    expect(live(store)).toEqual([
      [2027, '401', 36_000],
      [2027, '501', 240_000],
    ]);
  });

  it('refuses bad lines with a Chinese message naming each account, and writes nothing', async () => {
    const store = memoryStore();
    await seedBook(store);
    const error = await setBudgets(store, 2027, [
      { accountCode: '401', amountFen: 36_000 },
      { accountCode: '501', amountFen: null },
      { accountCode: '504', amountFen: -100 },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BookErrors);
    expect((error as BookErrors).problems).toEqual([
      { field: '501', message: '501 职工活动支出：预算金额必须是不小于 0 的金额（元，最多两位小数）' },
      { field: '504', message: '504 维权支出：预算金额必须是不小于 0 的金额（元，最多两位小数）' },
    ]);
    expect(live(store)).toEqual([]);
  });

  it('refuses a top-level figure where the budget is kept on sub-accounts, so nothing is counted twice', async () => {
    const store = memoryStore();
    await seedBook(store);
    await setBudget(store, 2027, '50101', 80_000);
    const error = await setBudgets(store, 2027, [{ accountCode: '501', amountFen: 300_000 }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BookError);
    expect((error as BookError).message).toBe('501 职工活动支出：已按明细科目编制2027年预算，请在明细科目上修改');
    expect(live(store)).toEqual([[2027, '50101', 80_000]]);
  });
});
