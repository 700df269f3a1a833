import { useLiveQuery } from 'dexie-react-hooks';
import type { UnionBooksDB } from '../../db/database';
import { getValue, KEYS, type SyncConfig } from '../sync/state';

/**
 * The union this device syncs with, kept current so a confirmation opens at once on a click.
 * Resolves to null when the device is not enrolled; reads afresh while the first answer is on its way.
 */
// Read here rather than through replace-book.ts, which would bring the sync engine into every start.
const readEnrolment = async (db: UnionBooksDB): Promise<SyncConfig | null> => (await getValue<SyncConfig>(db, KEYS.config)) ?? null;

export function useEnrolment(db: UnionBooksDB): () => Promise<SyncConfig | null> {
  const enrolment = useLiveQuery(() => readEnrolment(db), [db]);
  return async () => (enrolment === undefined ? readEnrolment(db) : enrolment);
}
