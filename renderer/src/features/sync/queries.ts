import { useLiveQuery } from 'dexie-react-hooks';
import { isYearLockedBy } from '../../../../shared/finance/year-lock';
import type { YearSubmission } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';
import { useServices } from '../../app/services';
import { IDLE, KEYS, type BootstrapProgress, type PublishedItem, type SyncConfig, type SyncStatus } from './state';

export function useSyncConfig(): SyncConfig | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => ((await db.$sync.get(KEYS.config))?.value as SyncConfig | undefined) ?? null, [db]);
}

export function useSyncStatus(): SyncStatus {
  const { db } = useServices();
  return useLiveQuery(async () => ((await db.$sync.get(KEYS.status))?.value as SyncStatus | undefined) ?? IDLE, [db]) ?? IDLE;
}

/** Changes waiting to go up: the outbox, plus the rows a first sync has not sent yet. */
export async function pendingCount(db: UnionBooksDB): Promise<number> {
  const outbox = await db.$changes.where('synced').equals(0).count();
  const boot = (await db.$sync.get(KEYS.bootstrap))?.value as BootstrapProgress | undefined;
  if (boot?.done) return outbox;
  let rows = 0;
  for (const t of db.userTables()) rows += await t.count();
  return outbox + Math.max(0, rows - (boot?.sent ?? 0));
}

export function usePendingCount(): number | undefined {
  const { db } = useServices();
  return useLiveQuery(() => pendingCount(db), [db]);
}

export function usePublished(): PublishedItem[] {
  const { db } = useServices();
  return useLiveQuery(async () => ((await db.$sync.get(KEYS.published))?.value as PublishedItem[] | undefined) ?? [], [db]) ?? [];
}

export async function yearSubmission(db: UnionBooksDB, year: number): Promise<YearSubmission | undefined> {
  const rows = await db.submissions.where('year').equals(year).toArray();
  return rows.filter((r) => r.deleted === 0).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
}

export function useYearSubmission(year: number): YearSubmission | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (await yearSubmission(db, year)) ?? null, [db, year]);
}

/**
 * Whether a year's money records are closed to edits: from the moment its report is submitted
 * until the upper union returns it. Pages that write money rows of a year check this first.
 */
export async function isYearLocked(db: UnionBooksDB, year: number): Promise<boolean> {
  return isYearLockedBy(await db.submissions.where('year').equals(year).toArray(), year);
}

export function useYearLocked(year: number): boolean {
  const { db } = useServices();
  return useLiveQuery(() => isYearLocked(db, year), [db, year]) ?? false;
}
