import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext } from 'react';
import type { UnionProfile } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import type { BookDatabase } from '../../db/book-database';

/** The union profile, or null before the first-run form is filled. */
export async function readUnion(db: BookDatabase): Promise<UnionProfile | null> {
  return (await db.union.filter((u) => u.deleted === 0).first()) ?? null;
}

/** The union profile the app shows the book's pages for (App.tsx): a page's own query starts from it. */
export const OpenUnionContext = createContext<UnionProfile | undefined>(undefined);

/**
 * The union profile: undefined while loading, null before the first-run form is filled. `first`, the
 * profile read already (start-up reads it beside the device's own rows), stands until the live query
 * answers; in a page of the book, it is the profile the app shows the pages for, so that the page's
 * first render has it rather than a blank name for a frame.
 */
export function useUnion(first?: UnionProfile | null): UnionProfile | null | undefined {
  const { db } = useServices();
  const open = useContext(OpenUnionContext);
  // A first value of null (start-up found no union: the first run) stands as it is, not as "not read yet".
  return useLiveQuery(() => readUnion(db), [db], first === undefined ? open : first);
}
