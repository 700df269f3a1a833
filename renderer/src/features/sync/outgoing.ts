import type { ChangeEntry } from '../../../../shared/book/changes';
import { TABLE_NAMES, type TableName } from '../../../../shared/model/book';
import { LIMITS, type WireChange } from '../../../../shared/sync/protocol';
import { encodeFields } from '../../../../shared/sync/wire';
import type { UnionBooksDB } from '../../db/database';
import { turnEvery } from '../../platform/turns';
import type { BootstrapProgress } from './state';

const MAX_BATCH = LIMITS.maxChangesPerPush;
/** Rows a first sync reads from one table at a time while filling a batch. */
const BOOTSTRAP_PAGE = 1000;
/** Records are small: a batch of them stays far below the server's body limit. */
const RECORD_BATCH_BYTES = 4 * 1024 * 1024;
/**
 * Attachments go up in batches of their own, bounded by bytes, so a few large scans never make one
 * push exceed the server's body limit. A single attachment above the budget goes alone; if even
 * that is too large the server refuses it (413) and the sync sets it aside (./isolate.ts).
 */
const ATTACHMENT_BATCH_BYTES = LIMITS.syncBodyBytes / 2;

export function toWire(entry: Pick<ChangeEntry, 'changeId' | 'table' | 'rowId' | 'hlc' | 'fields'>): WireChange {
  return { changeId: entry.changeId, table: entry.table, rowId: entry.rowId, hlc: entry.hlc, fields: encodeFields(entry.fields) };
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** About how many bytes a change takes in a request body (bytes go as base64), without encoding it. */
export function wireBytes(fields: Record<string, unknown>): number {
  // Change id, row id, clock, table and the JSON punctuation around them.
  let n = 200;
  for (const [key, value] of Object.entries(fields)) {
    n += key.length + 4;
    n += value instanceof Uint8Array ? Math.ceil(value.length / 3) * 4 + 12 : utf8Length(JSON.stringify(value) ?? '');
  }
  return n;
}

/** The longest run from the start that stays within `budget` bytes (always at least one item). */
function withinBytes<T>(items: readonly T[], bytes: (item: T) => number, budget: number): T[] {
  let total = 0;
  const out: T[] = [];
  for (const item of items) {
    total += bytes(item);
    if (out.length && total > budget) break;
    out.push(item);
  }
  return out;
}

const rowKey = (c: Pick<ChangeEntry, 'table' | 'rowId'>) => `${c.table}/${c.rowId}`;
const byClock = (a: ChangeEntry, b: ChangeEntry) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0);

/**
 * The next batch of the outbox: record changes first, oldest first; once none wait, attachments
 * in batches bounded by bytes. A record with a change the server refused (`synced: 2`) is held
 * back whole until the user retries or drops it: its later changes would otherwise reach the
 * server without the write they build on.
 */
export async function nextOutboxBatch(db: UnionBooksDB): Promise<WireChange[]> {
  const held = new Set<string>();
  await db.$changes
    .where('synced')
    .equals(2)
    .each((c) => void held.add(rowKey(c)));
  const waiting = await db.$changes.where('synced').equals(0).primaryKeys();
  if (!waiting.length) return [];
  const files = new Set(await db.$changes.where('table').equals('attachments').primaryKeys());

  // Primary keys are `${deviceId}:${hlc}`, so key order is (nearly) clock order; read only as many as a batch takes.
  const recordKeys = waiting.filter((k) => !files.has(k));
  const records: ChangeEntry[] = [];
  for (let at = 0; at < recordKeys.length && records.length < MAX_BATCH; at += MAX_BATCH) {
    const chunk = await db.$changes.bulkGet(recordKeys.slice(at, at + MAX_BATCH));
    for (const c of chunk) if (c && !held.has(rowKey(c))) records.push(c);
  }
  if (records.length) {
    records.sort(byClock);
    return withinBytes(records.slice(0, MAX_BATCH), (c) => wireBytes(c.fields), RECORD_BATCH_BYTES).map(toWire);
  }

  // Attachments are read one at a time, and only as many as the batch takes: each may be megabytes.
  const out: WireChange[] = [];
  let total = 0;
  for (const key of waiting.filter((k) => files.has(k))) {
    const c = await db.$changes.get(key);
    if (!c || held.has(rowKey(c))) continue;
    total += wireBytes(c.fields);
    if (out.length && total > ATTACHMENT_BATCH_BYTES) break;
    out.push(toWire(c));
  }
  return out;
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
 * Change id of a row sent whole by a first sync. It names the row and its clock, so resending
 * after an interruption is recognised by the server. The `-` after the device id sorts these
 * before the device's own writes (`${deviceId}:${hlc}`) where a refused one is kept in the
 * outbox: the last change id must stay the device's latest write (openMutator starts its clock there).
 */
export function bootChangeId(deviceId: string, table: TableName, rowId: string, hlc: string): string {
  return `${deviceId}-boot:${table}:${rowId}:${hlc}`;
}

/**
 * The next slice of a first sync. A restored or demo book has no outbox, so every row goes up as
 * one change stamped with the row's own clock. Each table goes in batches of its own, so
 * attachments are bounded by bytes like the outbox's.
 */
export async function nextBootstrapBatch(
  db: UnionBooksDB,
  deviceId: string,
  progress: BootstrapProgress,
  pause: () => Promise<void> = turnEvery(),
): Promise<{ changes: WireChange[]; next: BootstrapProgress }> {
  let { tableIndex, lastId } = progress;
  while (tableIndex < TABLE_NAMES.length) {
    const table = TABLE_NAMES[tableIndex]!;
    const budget = table === 'attachments' ? ATTACHMENT_BATCH_BYTES : RECORD_BATCH_BYTES;
    // Attachments are read a few at a time: a batch of them holds megabytes, not thousands.
    const limit = table === 'attachments' ? 50 : MAX_BATCH;
    const changes: WireChange[] = [];
    let bytes = 0;
    // Read and encoded a page at a time with the window's turn in between: reading and encoding a
    // whole batch of 5,000 records at once held the window for a few hundred milliseconds.
    for (let after = lastId, full = false; changes.length < limit;) {
      const page = Math.min(BOOTSTRAP_PAGE, limit - changes.length);
      const rows = (await db.table(table).where('id').above(after).limit(page).toArray()) as Record<string, unknown>[];
      for (const row of rows) {
        const { updatedAt, deviceId: _d, ...fields } = row;
        bytes += wireBytes(fields);
        // Always at least one change, however large.
        if (changes.length > 0 && bytes > budget) {
          full = true;
          break;
        }
        const hlc = String(updatedAt);
        const rowId = String(row.id);
        changes.push(toWire({ changeId: bootChangeId(deviceId, table, rowId, hlc), table, rowId, hlc, fields }));
      }
      if (full || rows.length < page) break;
      after = String(rows[rows.length - 1]!.id);
      await pause();
    }
    if (changes.length) {
      const last = changes[changes.length - 1]!;
      return { changes, next: { ...progress, tableIndex, lastId: last.rowId, sent: progress.sent + changes.length } };
    }
    tableIndex++;
    lastId = '';
  }
  return { changes: [], next: { ...progress, tableIndex, lastId: '', done: true } };
}
