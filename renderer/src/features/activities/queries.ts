import { thisYear } from '../../../../shared/clock/today';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Activity, Attachment, Member, Transaction } from '../../../../shared/model/records';
import { useServices } from '../../app/services';

/** Live activities of a year, newest first. */
export function useActivities(year: number): Activity[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () =>
      (
        await db.activities
          .where('startDate')
          .between(`${year}-01-01`, `${year}-12-31`, true, true)
          .filter((a) => a.deleted === 0)
          .toArray()
      ).sort((a, b) => b.startDate.localeCompare(a.startDate)),
    [db, year],
  );
}

/** Members who can be picked: everyone not tombstoned, in name order. */
export function useRoster(): Member[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => (await db.members.filter((m) => m.deleted === 0).toArray()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [db],
  );
}

export function useAttachments(ids: readonly string[]): Attachment[] | undefined {
  const { db } = useServices();
  const key = ids.join(',');
  return useLiveQuery(
    async () => (await db.attachments.bulkGet(key ? key.split(',') : [])).filter((a): a is Attachment => !!a && a.deleted === 0),
    [db, key],
  );
}

/** The activity's expenses and their reversals. */
export function useActivityTransactions(activityId: string | null): Transaction[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () =>
      activityId
        ? (
            await db.transactions
              .where('activityId')
              .equals(activityId)
              .filter((t) => t.deleted === 0)
              .toArray()
          ).sort((a, b) => a.date.localeCompare(b.date))
        : [],
    [db, activityId],
  );
}

/** Years that have activities, newest first, always including the current year. */
export function useActivityYears(): number[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const first = await db.activities.orderBy('startDate').first();
    const last = await db.activities.orderBy('startDate').last();
    const now = thisYear();
    const from = Math.min(now, first ? Number(first.startDate.slice(0, 4)) : now);
    const to = Math.max(now, last ? Number(last.startDate.slice(0, 4)) : now);
    return Array.from({ length: to - from + 1 }, (_, i) => to - i);
  }, [db]);
}

export function useActivity(id: string | null): Activity | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (id ? ((await db.activities.get(id)) ?? null) : null), [db, id]);
}

/** Net expense (after reversals) per activity id, for the given activities. */
export function useExpenseByActivity(ids: readonly string[]): Map<string, number> | undefined {
  const { db } = useServices();
  const key = ids.join(',');
  return useLiveQuery(async () => {
    const rows = key
      ? await db.transactions
          .where('activityId')
          .anyOf(key.split(','))
          .filter((t) => t.deleted === 0)
          .toArray()
      : [];
    const sums = new Map<string, number>();
    for (const t of rows) sums.set(t.activityId, (sums.get(t.activityId) ?? 0) + t.amountFen);
    return sums;
  }, [db, key]);
}
