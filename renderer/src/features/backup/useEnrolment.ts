import { useLiveQuery } from 'dexie-react-hooks';
import type { UnionBooksDB } from '../../db/database';
import type { SyncConfig } from '../sync/state';
import { readEnrolment } from './replace-book';

/**
 * The union this device syncs with, kept current so a confirmation opens at once on a click.
 * Resolves to null when the device is not enrolled; reads afresh while the first answer is on its way.
 */
export function useEnrolment(db: UnionBooksDB): () => Promise<SyncConfig | null> {
  const enrolment = useLiveQuery(() => readEnrolment(db), [db]);
  return async () => (enrolment === undefined ? readEnrolment(db) : enrolment);
}
