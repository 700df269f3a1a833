import { formatHlc, parseHlc } from '../../../../shared/clock/hlc';
import type { ChangeEntry } from '../../../../shared/book/changes';
import type { UserTemplate } from '../../../../shared/model/records';
import { resolvePulledRow } from '../../../../shared/sync/merge';
import type { PublishedItem, RemoteRow } from '../../../../shared/sync/protocol';
import { decodeFields } from '../../../../shared/sync/wire';
import type { UnionBooksDB } from '../../db/database';
import { KEYS } from './state';
import { describeProblem, rowProblems } from '../../../../shared/records/check';
import { upgradeRow } from '../../../../shared/records/upgrade';
import { SYNC_KEYS } from '../../db/sync-keys';

/** A pulled row this version cannot accept, kept for the sync page to show. */
export interface SkippedRow {
  table: string;
  rowId: string;
  reason: string;
}

function sameRecord(a: Record<string, unknown> | undefined, b: Record<string, unknown>): boolean {
  return !!a && a.updatedAt === b.updatedAt && a.deleted === b.deleted && Object.keys(b).length === Object.keys(a).length;
}

/**
 * Writes pulled rows into the local book, per field by clock, without creating outbox entries
 * (they came from the server; sending them back would be an echo). The cursor moves in the same
 * transaction, so a crash half-way pulls the page again rather than skipping it. Without a
 * cursor (a single row handed back by a submission) the cursor stays where it is.
 * Returns the latest clock seen, for the device clock; it is also kept, so that the clock starts
 * past it after a restart even when this device has written nothing since.
 */
export async function applyPulledRows(db: UnionBooksDB, rows: readonly RemoteRow[], cursor?: number): Promise<string> {
  let latest = '';
  const skipped: SkippedRow[] = [];
  const tables = [...new Set(rows.map((r) => r.table))].map((t) => db.table(t));
  await db.transaction('rw', [...tables, db.$changes, db.$sync], async () => {
    // Refused changes (synced 2) are still this device's writes: a pull must not undo them behind the user's back.
    const pending = (await db.$changes.where('synced').anyOf(0, 2).toArray()) as ChangeEntry[];
    const byRow = new Map<string, ChangeEntry[]>();
    for (const c of pending) {
      const key = `${c.table}/${c.rowId}`;
      byRow.set(key, [...(byRow.get(key) ?? []), c]);
    }
    for (const row of rows) {
      const merged = resolvePulledRow({ data: decodeFields(row.data), clocks: row.clocks }, byRow.get(`${row.table}/${row.rowId}`) ?? []);
      if (!merged.updatedAt) continue;
      const record = { ...merged.data, id: row.rowId, updatedAt: merged.updatedAt, deviceId: parseHlc(merged.updatedAt).node };
      const table = db.table(row.table);
      const local = (await table.get(row.rowId)) as Record<string, unknown> | undefined;
      // A row from an older device gets this version's defaults; a row that is still not valid for its
      // kind never enters the book (the sync page lists it) — the rest of the page is applied.
      const next = upgradeRow(row.table, local ? { ...local, ...record } : record);
      const problem = rowProblems(row.table, next)[0];
      if (problem) {
        skipped.push({ table: row.table, rowId: row.rowId, reason: describeProblem(problem) });
        continue;
      }
      if (!sameRecord(local, record)) await table.put(next);
      if (merged.updatedAt > latest) latest = merged.updatedAt;
    }
    if (skipped.length > 0) {
      const before = ((await db.$sync.get(SYNC_KEYS.skippedRows))?.value as SkippedRow[] | undefined) ?? [];
      await db.$sync.put({ key: SYNC_KEYS.skippedRows, value: [...before, ...skipped].slice(-200) });
    }
    if (cursor !== undefined) await db.$sync.put({ key: KEYS.cursor, value: cursor });
    const seen = (await db.$sync.get(KEYS.clockSeen))?.value as string | undefined;
    if (latest && (!seen || latest > seen)) await db.$sync.put({ key: KEYS.clockSeen, value: latest });
  });
  return latest;
}

/**
 * Keeps what the upper union published. Templates also land in the templates table marked
 * `origin: 'upper'`, once: the union may edit its copy, and a later pull does not overwrite it.
 */
export async function applyPublished(db: UnionBooksDB, items: readonly PublishedItem[]): Promise<void> {
  await db.transaction('rw', [db.templates, db.$sync], async () => {
    await db.$sync.put({ key: KEYS.published, value: items });
    for (const item of items) {
      if (item.kind !== 'template' || (await db.templates.get(item.id))) continue;
      const template: UserTemplate = {
        id: item.id,
        name: item.name,
        kind: (item.payload.kind as UserTemplate['kind']) ?? 'other',
        source: String(item.payload.source ?? ''),
        origin: 'upper',
        basedOn: '',
        updatedAt: formatHlc({ wallMs: Date.parse(item.publishedAt) || 0, counter: 0 }, 'upper'),
        deviceId: 'upper',
        deleted: 0,
      };
      await db.templates.put(template);
    }
  });
}
