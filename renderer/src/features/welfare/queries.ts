import { thisYear } from '../../../../shared/clock/today';
import { useLiveQuery } from 'dexie-react-hooks';
import { checkVisit, type LimitWarning, type VisitToCheck } from '../../../../shared/limits/check';
import { resolvePreset } from '../../../../shared/limits/presets';
import type { Budget, Transaction, UnionProfile, WelfareVisit } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import type { UnionBooksDB } from '../../db/database';

function yearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year}-12-31`];
}

/** Live visits of a year, newest first. */
export function useWelfare(year: number): WelfareVisit[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () =>
      (
        await db.welfare
          .where('date')
          .between(...yearRange(year), true, true)
          .filter((w) => w.deleted === 0)
          .toArray()
      ).sort((a, b) => b.date.localeCompare(a.date)),
    [db, year],
  );
}

/** Years that have visits, newest first, always including the current year. */
export function useWelfareYears(): number[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const now = thisYear();
    const first = await db.welfare.orderBy('date').first();
    const last = await db.welfare.orderBy('date').last();
    const from = Math.min(now, first ? Number(first.date.slice(0, 4)) : now);
    const to = Math.max(now, last ? Number(last.date.slice(0, 4)) : now);
    return Array.from({ length: to - from + 1 }, (_, i) => to - i);
  }, [db]);
}

/** The expenses linked to the given visits, by transaction id. */
export function useLinkedTransactions(ids: readonly string[]): Map<string, Transaction> | undefined {
  const { db } = useServices();
  const key = ids.filter(Boolean).join(',');
  return useLiveQuery(async () => {
    const rows = key ? await db.transactions.bulkGet(key.split(',')) : [];
    return new Map(rows.filter((t): t is Transaction => !!t).map((t) => [t.id, t]));
  }, [db, key]);
}

/** What the limit check needs for one year: the union's visits and budgets of that year. */
export async function loadLimitContext(db: UnionBooksDB, year: number): Promise<{ visits: WelfareVisit[]; budgets: Budget[] }> {
  const visits = await db.welfare
    .where('date')
    .between(...yearRange(year), true, true)
    .filter((w) => w.deleted === 0)
    .toArray();
  const budgets = await db.budgets
    .where('year')
    .equals(year)
    .filter((b) => b.deleted === 0)
    .toArray();
  return { visits, budgets };
}

/** Warnings for a visit being entered, recomputed as the form and the book change. */
export function useLimitWarnings(
  visit: VisitToCheck | null,
  union: UnionProfile,
  memberName: string | undefined,
): LimitWarning[] | undefined {
  const { db } = useServices();
  const key = visit ? JSON.stringify(visit) : '';
  return useLiveQuery(async () => {
    if (!key) return [];
    const v = JSON.parse(key) as VisitToCheck;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) return [];
    const ctx = await loadLimitContext(db, Number(v.date.slice(0, 4)));
    return checkVisit(v, ctx.visits, resolvePreset(union.spendingPreset, union.spendingLimits), { budgets: ctx.budgets, memberName });
  }, [db, key, union, memberName]);
}
