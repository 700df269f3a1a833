import { MAX_DRIFT_MS, parseHlc } from '../../../shared/clock/hlc';
import { applyChange, type MergedRow } from '../../../shared/sync/merge';
import type { WireChange } from '../../../shared/sync/protocol';
import type { Queryable } from '../db';
import { packClocks, unpackClocks } from './clocks';
import { ClientError, json, num } from './util';

/**
 * How a batch of changes lands in a union's rows: exactly once per change id, merged per field,
 * in as few statements as the batch allows (a first sync sends hundreds of thousands of rows).
 * Everything here runs inside the caller's transaction with the union's row locked.
 */

/** lockUnion for a sync round, noting the sync time in the same statement (an UPDATE locks the row as well). */
export async function lockUnionForSync(q: Queryable, unionId: string): Promise<number> {
  const rows = await q.query<{ last_seq: unknown }>('UPDATE unions SET last_sync_at = now() WHERE id = $1 RETURNING last_seq', [unionId]);
  if (!rows[0]) throw new ClientError(404, 'no-union', '工会不存在');
  return num(rows[0].last_seq);
}

type Key = { table: string; rowId: string };
const keyOf = (c: Key) => `${c.table}\u0000${c.rowId}`;
const ROWS_OF_KEYS = `SELECT tbl, row_id, data, field_clocks FROM rows
  WHERE union_id = $1 AND (tbl, row_id) IN (SELECT k->>0, k->>1 FROM jsonb_array_elements($KEYS::jsonb) AS k)`;

function toMerged(found: { tbl: string; row_id: string; data: unknown; field_clocks: unknown }[]): Map<string, MergedRow> {
  const out = new Map<string, MergedRow>();
  for (const r of found) {
    const data = json<Record<string, unknown>>(r.data);
    out.set(keyOf({ table: r.tbl, rowId: r.row_id }), { data, clocks: unpackClocks(data, json(r.field_clocks)) });
  }
  return out;
}

async function loadRows(q: Queryable, unionId: string, keys: Key[]): Promise<Map<string, MergedRow>> {
  const found = await q.query<{ tbl: string; row_id: string; data: unknown; field_clocks: unknown }>(ROWS_OF_KEYS.replace('$KEYS', '$2'), [
    unionId,
    JSON.stringify(keys.map((k) => [k.table, k.rowId])),
  ]);
  return toMerged(found);
}

/** Writes the merged rows and moves the union's last sequence number, in one statement. */
async function saveRows(q: Queryable, unionId: string, rows: (Key & { row: MergedRow; seq: number })[], lastSeq: number): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `WITH bump AS (UPDATE unions SET last_seq = $3 WHERE id = $1)
     INSERT INTO rows (union_id, tbl, row_id, data, field_clocks, seq)
     SELECT $1, x.tbl, x.row_id, x.data, x.clocks, x.seq
     FROM jsonb_to_recordset($2::jsonb) AS x(tbl text, row_id text, data jsonb, clocks jsonb, seq bigint)
     ON CONFLICT (union_id, tbl, row_id) DO UPDATE SET data = excluded.data, field_clocks = excluded.field_clocks, seq = excluded.seq`,
    [
      unionId,
      JSON.stringify(
        rows.map((r) => ({ tbl: r.table, row_id: r.rowId, data: r.row.data, clocks: packClocks(r.row.data, r.row.clocks), seq: r.seq })),
      ),
      lastSeq,
    ],
  );
}

/** A device whose clock runs far ahead would win every future merge: refuse the batch instead. */
export function checkClocks(changes: readonly WireChange[], now: number): void {
  for (const [i, c] of changes.entries()) {
    if (parseHlc(c.hlc).wallMs - now > MAX_DRIFT_MS) {
      throw new ClientError(400, 'clock-ahead', `第 ${i + 1} 条变更的时钟超前服务器一天以上，请检查本机的系统时间`);
    }
    if ('deleted' in c.fields && c.fields.deleted !== 0 && c.fields.deleted !== 1) {
      throw new ClientError(400, 'invalid', `第 ${i + 1} 条变更：字段 deleted 只能是 0 或 1`);
    }
  }
}

/** What a push did: the union's new last sequence number, and the rows where some pushed field lost to a later write. */
export interface PushOutcome {
  lastSeq: number;
  overruled: { table: string; rowId: string }[];
}

/**
 * Applies a batch exactly once: change ids already recorded for this union are skipped, the rest
 * are merged per field. Runs inside the caller's transaction with the union locked.
 */
export async function applyChanges(q: Queryable, unionId: string, lastSeq: number, changes: readonly WireChange[]): Promise<PushOutcome> {
  if (!changes.length) return { lastSeq, overruled: [] };
  const keys = new Map<string, Key>();
  for (const c of changes) keys.set(keyOf(c), { table: c.table, rowId: c.rowId });
  // One statement records the ids, answers with those recorded before (a retry; usually none —
  // sending every fresh id back would cost more than the insert on PGlite), and reads the stored
  // rows of the batch (as before the statement, so as before this batch).
  const found = await q.query<{ seen: string | null; tbl: string; row_id: string; data: unknown; field_clocks: unknown }>(
    `WITH input AS (SELECT DISTINCT x FROM jsonb_array_elements_text($2::jsonb) AS x),
     fresh AS (INSERT INTO applied_changes (union_id, change_id) SELECT $1, x FROM input ON CONFLICT DO NOTHING RETURNING change_id)
     SELECT x AS seen, NULL AS tbl, NULL AS row_id, NULL::jsonb AS data, NULL::jsonb AS field_clocks
       FROM input WHERE x NOT IN (SELECT change_id FROM fresh)
     UNION ALL
     SELECT NULL, stored.* FROM (${ROWS_OF_KEYS.replace('$KEYS', '$3')}) AS stored`,
    [unionId, JSON.stringify(changes.map((c) => c.changeId)), JSON.stringify([...keys.values()].map((k) => [k.table, k.rowId]))],
  );
  const skip = new Set(found.flatMap((r) => (r.seen === null ? [] : [r.seen])));
  const todo = changes.filter((c) => {
    if (skip.has(c.changeId)) return false;
    // A change id repeated within the batch applies once, like one resent in a later batch.
    skip.add(c.changeId);
    return true;
  });
  return mergeInto(q, unionId, lastSeq, todo, toMerged(found.filter((r) => r.seen === null)));
}

/** Merges changes into the stored rows and gives each changed row the union's next sequence number. */
export async function mergeInto(
  q: Queryable,
  unionId: string,
  lastSeq: number,
  changes: readonly Pick<WireChange, 'table' | 'rowId' | 'hlc' | 'fields'>[],
  /** The stored rows of the changes' keys when the caller has read them already. */
  preloaded?: Map<string, MergedRow>,
): Promise<PushOutcome> {
  if (!changes.length) return { lastSeq, overruled: [] };
  const keys = new Map<string, Key>();
  for (const c of changes) keys.set(keyOf(c), { table: c.table, rowId: c.rowId });
  const stored = preloaded ?? (await loadRows(q, unionId, [...keys.values()]));
  const touched = new Set<string>();
  for (const c of changes) {
    const key = keyOf(c);
    const row = stored.get(key) ?? { data: { id: c.rowId }, clocks: {} };
    stored.set(key, row);
    if (applyChange(row, c)) touched.add(key);
  }
  const overruled = new Set<string>();
  for (const c of changes) {
    const key = keyOf(c);
    if (Object.keys(c.fields).some((f) => stored.get(key)!.clocks[f] !== c.hlc)) overruled.add(key);
  }
  let seq = lastSeq;
  const out = [...touched].map((key) => ({ ...keys.get(key)!, row: stored.get(key)!, seq: ++seq }));
  await saveRows(q, unionId, out, seq);
  return { lastSeq: seq, overruled: [...overruled].map((key) => keys.get(key)!) };
}
