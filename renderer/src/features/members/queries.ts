import { useLiveQuery } from 'dexie-react-hooks';
import type { Member, MembershipEvent, WageBase } from '../../../../shared/model/records';
import { useServices } from '../../app/services';

// One collator for every sort: localeCompare builds one per call, which shows with 5,000 names.
const byName = new Intl.Collator('zh-CN');

/** Every member not tombstoned, whatever their status, in Chinese name order. */
export function useMembers(): Member[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => (await db.members.filter((m) => m.deleted === 0).toArray()).sort((a, b) => byName.compare(a.name, b.name)),
    [db],
  );
}

export function useAllMembershipEvents(): MembershipEvent[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => db.memberships.filter((e) => e.deleted === 0).toArray(), [db]);
}

/** One member's history, oldest first (the order it happened in). */
export function useMembershipEvents(memberId: string | null): MembershipEvent[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () =>
      memberId
        ? (
            await db.memberships
              .where('memberId')
              .equals(memberId)
              .filter((e) => e.deleted === 0)
              .toArray()
          ).sort((a, b) => a.date.localeCompare(b.date) || a.updatedAt.localeCompare(b.updatedAt))
        : [],
    [db, memberId],
  );
}

export function useWageBases(year: number): WageBase[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    () =>
      db.wageBases
        .where('year')
        .equals(year)
        .filter((w) => w.deleted === 0)
        .toArray(),
    [db, year],
  );
}
