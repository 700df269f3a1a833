import { useLiveQuery } from 'dexie-react-hooks';
import { isYearLockedBy } from '../../../../shared/finance/year-lock';
import { TABLE_LABELS, type TableName } from '../../../../shared/model/book';
import type { YearSubmission } from '../../../../shared/model/records';
import type { BookDatabase } from '../../db/book-database';
import type { UnionBooksDB } from '../../db/database';
import { useServices } from '../../app/services';
import { SYNC_KEYS } from '../../db/sync-keys';
import type { SkippedRow } from './apply';
import { recordTitle, visibleText } from './record-title';
import { IDLE, KEYS, type BootstrapProgress, type PublishedItem, type SyncConfig, type SyncStatus } from './state';

export function useSyncConfig(): SyncConfig | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => ((await db.$sync.get(KEYS.config))?.value as SyncConfig | undefined) ?? null, [db]);
}

export function useSyncStatus(): SyncStatus {
  const { db } = useServices();
  return useLiveQuery(async () => ((await db.$sync.get(KEYS.status))?.value as SyncStatus | undefined) ?? IDLE, [db]) ?? IDLE;
}

/** The outbox's changes waiting to be sent: neither acknowledged nor refused. */
export function outboxWaiting(db: BookDatabase): Promise<number> {
  return db.$changes.where('synced').equals(0).count();
}

/** Changes waiting to go up: the outbox, plus the rows a first sync has not sent yet. Refused changes are not waiting. */
export async function pendingCount(db: UnionBooksDB): Promise<number> {
  const outbox = await outboxWaiting(db);
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

import { refusedRecords, type RefusedRecord } from './refused-records';

export { refusedRecords, type RefusedRecord };

export function useRefusedRecords(): RefusedRecord[] {
  const { db } = useServices();
  return useLiveQuery(() => refusedRecords(db), [db]) ?? [];
}

/** A row pulled from the server that this device left out of its book, as the 同步 page lists it. */
export interface SkippedRecord {
  key: string;
  tableLabel: string;
  title: string;
  reason: string;
}

/** The rows sync apply set aside, latest reason per row, newest last. */
export async function skippedRecords(db: UnionBooksDB): Promise<SkippedRecord[]> {
  const rows = ((await db.$sync.get(SYNC_KEYS.skippedRows))?.value as SkippedRow[] | undefined) ?? [];
  const latest = new Map<string, SkippedRow>();
  for (const r of rows) {
    const key = `${r.table}/${r.rowId}`;
    latest.delete(key);
    latest.set(key, r);
  }
  const out: SkippedRecord[] = [];
  for (const [key, r] of latest) {
    const table = r.table as TableName;
    const known = Object.hasOwn(TABLE_LABELS, table);
    // Usually the row never reached this device; then the short number is all there is to name it by.
    const local = known ? ((await db.table(table).get(r.rowId)) as Record<string, unknown> | undefined) : undefined;
    const title = local ? recordTitle(table, local) : `编号 ${r.rowId.slice(-8)}`;
    out.push({
      key,
      tableLabel: known ? TABLE_LABELS[table] : r.table,
      title,
      reason: visibleText(r.reason.split(r.rowId).join(title)),
    });
  }
  return out;
}

export function useSkippedRecords(): SkippedRecord[] {
  const { db } = useServices();
  return useLiveQuery(() => skippedRecords(db), [db]) ?? [];
}

/** The user has read the list: it is cleared until a later pull skips a row again. */
export async function clearSkippedRecords(db: UnionBooksDB): Promise<void> {
  await db.$sync.delete(SYNC_KEYS.skippedRows);
}
