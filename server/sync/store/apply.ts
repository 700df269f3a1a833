import { MAX_DRIFT_MS, parseHlc } from '../../../shared/clock/hlc';
import { applyChange, type MergedRow } from '../../../shared/sync/merge';
import type { WireChange } from '../../../shared/sync/protocol';
import type { Queryable } from '../db';
import { packClocks, unpackClocks } from './clocks';
import { ClientError, json, num, UNION_KEY } from './util';

/**
 * How a batch of changes lands in a union's rows: exactly once, merged per field, in as few
 * statements as the batch allows (a first sync sends hundreds of thousands of rows). Every write
 * happens with the union's row locked: inside the caller's transaction (applyChanges, mergeInto),
 * or taken by the statement itself (push-group.ts).
 */

/**
 * lockUnion for a sync round, noting the sync time of the union and of the device in the same
 * statement (an UPDATE locks the row as well), so authenticating a request stays a plain read.
 */
export async function lockUnionForSync(q: Queryable, unionId: string, deviceRowId: string): Promise<number> {
  const rows = await q.query<{ last_seq: unknown }>(
    `WITH seen AS (UPDATE devices SET last_seen_at = now() WHERE id = $2 AND union_id = $1)
     UPDATE unions SET last_sync_at = now() WHERE id = $1 RETURNING last_seq`,
    [unionId, deviceRowId],
  );
  if (!rows[0]) throw new ClientError(404, 'no-union', '工会不存在');
  return num(rows[0].last_seq);
}

type Key = { table: string; rowId: string };
const keyOf = (c: Key) => `${c.table}\u0000${c.rowId}`;
/** What a key holds before any change: only its id, which came with the key and has no clock. */
const emptyRow = (rowId: string): MergedRow => ({ data: { id: rowId }, clocks: {} });

async function loadRows(q: Queryable, unionId: string, keys: Key[]): Promise<Map<string, MergedRow>> {
  const found = await q.query<{ tbl: string; row_id: string; data: unknown; field_clocks: unknown }>(
    `SELECT tbl, row_id, data, field_clocks FROM rows
     WHERE union_key = ${UNION_KEY} AND (tbl, row_id) IN (SELECT k->>0, k->>1 FROM jsonb_array_elements($2::jsonb) AS k)`,
    [unionId, JSON.stringify(keys.map((k) => [k.table, k.rowId]))],
  );
  const out = new Map<string, MergedRow>();
  for (const r of found) {
    const data = json<Record<string, unknown>>(r.data);
    out.set(keyOf({ table: r.tbl, rowId: r.row_id }), { data, clocks: unpackClocks(data, json(r.field_clocks)) });
  }
  return out;
}

const storedForm = (r: Key & { row: MergedRow }) => ({
  tbl: r.table,
  row_id: r.rowId,
  data: r.row.data,
  clocks: packClocks(r.row.data, r.row.clocks),
});

/** Writes merged rows over stored ones and moves the union's last sequence number, in one statement. */
async function saveRows(q: Queryable, unionId: string, rows: (Key & { row: MergedRow; seq: number })[], lastSeq: number): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `WITH bump AS (UPDATE unions SET last_seq = $3 WHERE id = $1)
     INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
     SELECT ${UNION_KEY}, x.tbl, x.row_id, x.data, x.clocks, x.seq
     FROM json_to_recordset($2::json) AS x(tbl text, row_id text, data json, clocks json, seq bigint)
     ON CONFLICT (union_key, tbl, row_id) DO UPDATE SET data = excluded.data, field_clocks = excluded.field_clocks, seq = excluded.seq`,
    [unionId, JSON.stringify(rows.map((r) => ({ ...storedForm(r), seq: r.seq }))), lastSeq],
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
  overruled: Key[];
}

type Change = Pick<WireChange, 'table' | 'rowId' | 'hlc' | 'fields'>;
interface Group extends Key {
  changes: Change[];
  /** The row the changes make on their own, as if nothing were stored under this key yet. */
  row: MergedRow;
}

function groupByRow(changes: readonly Change[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const c of changes) {
    const key = keyOf(c);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { table: c.table, rowId: c.rowId, changes: [], row: emptyRow(c.rowId) }));
    g.changes.push(c);
    applyChange(g.row, c);
  }
  return groups;
}

/** Fields a change sent that the final row holds from some other write. */
export function overruledIn(groups: Iterable<Group>): Key[] {
  const out: Key[] = [];
  for (const g of groups) {
    if (g.changes.some((c) => Object.keys(c.fields).some((f) => g.row.clocks[f] !== c.hlc))) out.push({ table: g.table, rowId: g.rowId });
  }
  return out;
}

/** Merges groups into the rows stored under their keys and gives each changed row the next sequence number. */
async function mergeStored(q: Queryable, unionId: string, lastSeq: number, groups: Group[]): Promise<number> {
  if (!groups.length) return lastSeq;
  const stored = await loadRows(q, unionId, groups);
  let seq = lastSeq;
  const out: (Key & { row: MergedRow; seq: number })[] = [];
  for (const g of groups) {
    const row = stored.get(keyOf(g)) ?? emptyRow(g.rowId);
    let changed = false;
    for (const c of g.changes) changed = applyChange(row, c) || changed;
    g.row = row;
    if (changed) out.push({ table: g.table, rowId: g.rowId, row, seq: ++seq });
  }
  await saveRows(q, unionId, out, seq);
  return seq;
}

/**
 * Applies a batch exactly once. The merge itself is what makes that so: a change whose clock is not
 * later than the stored field's changes nothing, so a batch sent again (an answer lost on the way
 * back, a device restarted mid-push) leaves rows and sequence numbers as they were, even after
 * other writes have overtaken it. No log of change ids is kept: it would be the largest table on
 * the server (every change ever pushed) and a third of the work of a first sync, to tell what the
 * clocks already tell. A change id repeated within one batch is taken once, the first time.
 *
 * One statement inserts every row whose key is not stored yet (what a first sync and most new
 * records are), numbered in order, and answers with the keys that are stored. Only those rows are
 * then read, merged and written back. Runs inside the caller's transaction with the union locked.
 */
export async function applyChanges(q: Queryable, unionId: string, lastSeq: number, batch: PreparedBatch): Promise<PushOutcome> {
  const { groups, all, encode } = batch;
  if (!all.length) return { lastSeq, overruled: [] };
  let seq = lastSeq;
  const stored: Group[] = [];
  for (const r of await q.query<{ tbl: string | null; row_id: string; fresh: unknown }>(INSERT_FRESH, [unionId, encode(), seq])) {
    if (r.tbl === null) seq += num(r.fresh);
    else stored.push(groups.get(keyOf({ table: r.tbl, rowId: r.row_id }))!);
  }
  seq = await mergeStored(q, unionId, seq, stored);
  return { lastSeq: seq, overruled: overruledIn(groups.values()) };
}

export interface PreparedBatch {
  groups: Map<string, Group>;
  all: Group[];
  /** The JSON of the rows, each marked with the push it belongs to (`g`) when pushes share a statement. */
  encode(g?: number): string;
}

/** Groups a batch by row and folds each row's changes, before the union is locked. */
export function prepareBatch(changes: readonly WireChange[]): PreparedBatch {
  const firstOfId = new Set<string>();
  const unique = changes.filter((c) => !firstOfId.has(c.changeId) && !!firstOfId.add(c.changeId));
  const groups = groupByRow(unique);
  const all = [...groups.values()];
  const encode = (g = 0) => JSON.stringify(all.map((row, n) => ({ ...storedForm(row), n, g })));
  return { groups, all, encode };
}

export const UNIQUE_VIOLATION = '23505';
// $2 is PreparedBatch.encode(); each row is marked whether its key is stored already.
const INSERT_FRESH = `WITH input AS MATERIALIZED (
    SELECT x.tbl, x.row_id, x.data, x.clocks, x.n,
      EXISTS (SELECT 1 FROM rows r WHERE r.union_key = ${UNION_KEY} AND r.tbl = x.tbl AND r.row_id = x.row_id) AS stored
    FROM json_to_recordset($2::json) AS x(tbl text, row_id text, data json, clocks json, n int)),
  inserted AS (
    INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
    SELECT ${UNION_KEY}, tbl, row_id, data, clocks, $3::bigint + row_number() OVER (ORDER BY n) FROM input WHERE NOT stored),
  counted AS (SELECT count(*) AS fresh FROM input WHERE NOT stored),
  bump AS (UPDATE unions SET last_seq = $3::bigint + (SELECT fresh FROM counted) WHERE id = $1)
  SELECT tbl, row_id, NULL::bigint AS fresh FROM input WHERE stored
  UNION ALL SELECT NULL, NULL, fresh FROM counted`;

/** Merges changes that carry no change id (the upper union's own writes) into the stored rows. */
export async function mergeInto(q: Queryable, unionId: string, lastSeq: number, changes: readonly Change[]): Promise<PushOutcome> {
  if (!changes.length) return { lastSeq, overruled: [] };
  const groups = [...groupByRow(changes).values()];
  const seq = await mergeStored(q, unionId, lastSeq, groups);
  return { lastSeq: seq, overruled: overruledIn(groups) };
}
