import { closeProblem, reopenProblem } from '../../../../shared/finance/closing';
import { budgetProblem } from '../../../../shared/finance/budgets';
import type { Budget, Fen, MonthClose, OpeningBalance } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { FinanceInputError } from './mutations';

/** 结账: appends a close record (the history keeps every close and reopen). */
export async function closeMonth(db: UnionBooksDB, mutator: Mutator, month: string, today: string): Promise<MonthClose> {
  return mutator.transaction(['monthCloses'], async () => {
    const problem = closeProblem(await db.monthCloses.toArray(), month, today);
    if (problem) throw new FinanceInputError(problem);
    return mutator.insert('monthCloses', { month, closed: true, reopenReason: '', closedAt: new Date().toISOString() });
  });
}

/** 反结账 with its reason, recorded as a new row so the reason stays on file. */
export async function reopenMonth(db: UnionBooksDB, mutator: Mutator, month: string, reason: string): Promise<MonthClose> {
  return mutator.transaction(['monthCloses'], async () => {
    const problem = reopenProblem(await db.monthCloses.toArray(), month, reason);
    if (problem) throw new FinanceInputError(problem);
    return mutator.insert('monthCloses', { month, closed: false, reopenReason: reason.trim(), closedAt: new Date().toISOString() });
  });
}

/** Sets 上年结余 of a year by hand (overrides the carried-forward figure). */
export async function setOpeningBalance(
  db: UnionBooksDB,
  mutator: Mutator,
  year: number,
  cashFen: Fen,
  bankFen: Fen,
): Promise<OpeningBalance> {
  if (!Number.isSafeInteger(cashFen) || !Number.isSafeInteger(bankFen))
    throw new FinanceInputError('年初结余：请填写金额（元，最多两位小数）');
  return mutator.transaction(['openingBalances'], async () => {
    const rows = (await db.openingBalances.where('year').equals(year).toArray()).filter((r) => r.deleted === 0);
    const [first, ...extra] = rows;
    for (const r of extra) await mutator.remove('openingBalances', r.id);
    if (first) return mutator.update('openingBalances', first.id, { cashFen, bankFen });
    return mutator.insert('openingBalances', { year, month: `${year}-01`, cashFen, bankFen, booksStart: false, duesBeforeFen: 0 });
  });
}

/** Drops the hand-set figure of a year, so it is carried forward again from the year before. */
export async function clearOpeningBalance(db: UnionBooksDB, mutator: Mutator, year: number): Promise<void> {
  await mutator.transaction(['openingBalances'], async () => {
    for (const r of await db.openingBalances.where('year').equals(year).toArray())
      if (r.deleted === 0) await mutator.remove('openingBalances', r.id);
  });
}

export async function setBudget(
  db: UnionBooksDB,
  mutator: Mutator,
  year: number,
  accountCode: string,
  amountFen: Fen | null,
): Promise<Budget> {
  const problem = budgetProblem(accountCode, amountFen);
  if (problem || amountFen === null) throw new FinanceInputError(problem ?? '请填写预算金额');
  return mutator.transaction(['budgets'], async () => {
    const existing = (await db.budgets.where('[year+accountCode]').equals([year, accountCode]).toArray()).find((b) => b.deleted === 0);
    if (existing) return mutator.update('budgets', existing.id, { amountFen });
    return mutator.insert('budgets', { year, accountCode, amountFen });
  });
}

export function removeBudget(mutator: Mutator, id: string): Promise<void> {
  return mutator.remove('budgets', id);
}
