import { useLiveQuery } from 'dexie-react-hooks';
import type { UnionProfile } from '../../../../shared/model/records';
import { useServices } from '../../app/services';

/** The union profile: undefined while loading, null before the first-run form is filled. */
export function useUnion(): UnionProfile | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (await db.union.filter((u) => u.deleted === 0).first()) ?? null, [db]);
}
