import { useLiveQuery } from 'dexie-react-hooks';
import type { UnionProfile } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import type { BookDatabase } from '../../db/book-database';

/** The union profile, or null before the first-run form is filled. */
export async function readUnion(db: BookDatabase): Promise<UnionProfile | null> {
  return (await db.union.filter((u) => u.deleted === 0).first()) ?? null;
}

/**
 * The union profile: undefined while loading, null before the first-run form is filled. `first`, the
 * profile read already (start-up reads it beside the device's own rows), stands until the live query answers.
 */
export function useUnion(first?: UnionProfile | null): UnionProfile | null | undefined {
  const { db } = useServices();
  return useLiveQuery(() => readUnion(db), [db], first);
}
