import type { ChangeEntry } from '../../../../shared/book/changes';
import { TABLE_NAMES } from '../../../../shared/model/book';
import { LIMITS, type WireChange } from '../../../../shared/sync/protocol';
import { encodeFields } from '../../../../shared/sync/wire';
import type { UnionBooksDB } from '../../db/database';
import type { BootstrapProgress } from './state';

/** Batches stay well under the server's body limit even with photos in them. */
const MAX_BATCH = LIMITS.maxChangesPerPush;
const MAX_BATCH_CHARS = 4 * 1024 * 1024;

export function toWire(entry: Pick<ChangeEntry, 'changeId' | 'table' | 'rowId' | 'hlc' | 'fields'>): WireChange {
  return { changeId: entry.changeId, table: entry.table, rowId: entry.rowId, hlc: entry.hlc, fields: encodeFields(entry.fields) };
}

/** Takes changes while the batch stays under the size cap (always at least one). */
function capBatch(changes: WireChange[]): WireChange[] {
  let chars = 0;
  const out: WireChange[] = [];
  for (const c of changes) {
    chars += JSON.stringify(c).length;
    if (out.length && chars > MAX_BATCH_CHARS) break;
    out.push(c);
  }
  return out;
}

export async function nextOutboxBatch(db: UnionBooksDB): Promise<WireChange[]> {
  const entries = (await db.$changes.where('synced').equals(0).limit(MAX_BATCH).toArray()) as ChangeEntry[];
  entries.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  return capBatch(entries.map(toWire));
}

export async function markSynced(db: UnionBooksDB, changeIds: readonly string[]): Promise<void> {
  await db.$changes.where('changeId').anyOf(changeIds).modify({ synced: 1 });
}

export async function countAllRows(db: UnionBooksDB): Promise<number> {
  let n = 0;
  for (const t of TABLE_NAMES) n += await db.table(t).count();
  return n;
}

/**
 * The next slice of a first sync. A restored or demo book has no outbox, so every row goes up as
 * one change stamped with the row's own clock; the change id names the row and that clock, so
 * resending after an interruption is recognised by the server.
 */
export async function nextBootstrapBatch(
  db: UnionBooksDB,
  deviceId: string,
  progress: BootstrapProgress,
): Promise<{ changes: WireChange[]; next: BootstrapProgress }> {
  let { tableIndex, lastId } = progress;
  while (tableIndex < TABLE_NAMES.length) {
    const table = TABLE_NAMES[tableIndex]!;
    const rows = (await db.table(table).where('id').above(lastId).limit(MAX_BATCH).toArray()) as Record<string, unknown>[];
    if (rows.length) {
      const changes = capBatch(
        rows.map((row) => {
          const { updatedAt, deviceId: _d, ...fields } = row;
          const hlc = String(updatedAt);
          return toWire({ changeId: `${deviceId}:boot:${table}:${String(row.id)}:${hlc}`, table, rowId: String(row.id), hlc, fields });
        }),
      );
      const last = changes[changes.length - 1]!;
      return { changes, next: { ...progress, tableIndex, lastId: last.rowId, sent: progress.sent + changes.length } };
    }
    tableIndex++;
    lastId = '';
  }
  return { changes: [], next: { ...progress, tableIndex, lastId: '', done: true } };
}
