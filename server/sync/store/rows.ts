import { HybridLogicalClock, MAX_DRIFT_MS, parseHlc } from '../../../shared/clock/hlc';
import type { TableName } from '../../../shared/model/book';
import { applyChange, latestClock, type MergedRow } from '../../../shared/sync/merge';
import type { RemoteRow, WireChange } from '../../../shared/sync/protocol';
import type { Queryable } from '../db';
import { packClocks, unpackClocks } from './clocks';
import { ClientError, json, num } from './util';

/**
 * The merged rows of each union. Every write to a union's rows happens with the union's row
 * locked, and takes the next number of that union's own sequence: a pull `seq > cursor` can then
 * never miss a row that a slower, concurrent transaction commits later with a smaller number.
 */
export async function lockUnion(q: Queryable, unionId: string): Promise<number> {
  const rows = await q.query<{ last_seq: unknown }>('SELECT last_seq FROM unions WHERE id = $1 FOR UPDATE', [unionId]);
  if (!rows[0]) throw new ClientError(404, 'no-union', '工会不存在');
  return num(rows[0].last_seq);
}

/** lockUnion for a sync round, noting the sync time in the same statement (an UPDATE locks the row as well). */
export async function lockUnionForSync(q: Queryable, unionId: string): Promise<number> {
  const rows = await q.query<{ last_seq: unknown }>('UPDATE unions SET last_sync_at = now() WHERE id = $1 RETURNING last_seq', [unionId]);
  if (!rows[0]) throw new ClientError(404, 'no-union', '工会不存在');
  return num(rows[0].last_seq);
}

async function loadRows(q: Queryable, unionId: string, keys: { table: string; rowId: string }[]): Promise<Map<string, MergedRow>> {
  const found = await q.query<{ tbl: string; row_id: string; data: unknown; field_clocks: unknown }>(
    `SELECT tbl, row_id, data, field_clocks FROM rows
     WHERE union_id = $1 AND (tbl, row_id) IN (SELECT x->>0, x->>1 FROM jsonb_array_elements($2::jsonb) AS x)`,
    [unionId, JSON.stringify(keys.map((k) => [k.table, k.rowId]))],
  );
  return new Map(
    found.map((r) => {
      const data = json<Record<string, unknown>>(r.data);
      return [`${r.tbl}\u0000${r.row_id}`, { data, clocks: unpackClocks(data, json(r.field_clocks)) }];
    }),
  );
}

async function saveRows(
  q: Queryable,
  unionId: string,
  rows: { table: string; rowId: string; row: MergedRow; seq: number }[],
): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `INSERT INTO rows (union_id, tbl, row_id, data, field_clocks, seq)
     SELECT $1, x.tbl, x.row_id, x.data, x.clocks, x.seq
     FROM jsonb_to_recordset($2::jsonb) AS x(tbl text, row_id text, data jsonb, clocks jsonb, seq bigint)
     ON CONFLICT (union_id, tbl, row_id) DO UPDATE SET data = excluded.data, field_clocks = excluded.field_clocks, seq = excluded.seq`,
    [unionId, JSON.stringify(rows.map((r) => ({ tbl: r.table, row_id: r.rowId, data: r.row.data, clocks: packClocks(r.row.data, r.row.clocks), seq: r.seq })))],
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
  const fresh = await q.query<{ change_id: string }>(
    `INSERT INTO applied_changes (union_id, change_id) SELECT $1, x FROM jsonb_array_elements_text($2::jsonb) AS x
     ON CONFLICT DO NOTHING RETURNING change_id`,
    [unionId, JSON.stringify([...new Set(changes.map((c) => c.changeId))])],
  );
  const freshIds = new Set(fresh.map((r) => r.change_id));
  const todo = changes.filter((c) => freshIds.delete(c.changeId));
  return mergeInto(q, unionId, lastSeq, todo);
}

/** Merges changes into the stored rows and gives each changed row the union's next sequence number. */
export async function mergeInto(
  q: Queryable,
  unionId: string,
  lastSeq: number,
  changes: readonly Pick<WireChange, 'table' | 'rowId' | 'hlc' | 'fields'>[],
): Promise<PushOutcome> {
  if (!changes.length) return { lastSeq, overruled: [] };
  const keys = new Map<string, { table: string; rowId: string }>();
  for (const c of changes) keys.set(`${c.table}\u0000${c.rowId}`, { table: c.table, rowId: c.rowId });
  const stored = await loadRows(q, unionId, [...keys.values()]);
  const touched = new Set<string>();
  for (const c of changes) {
    const key = `${c.table}\u0000${c.rowId}`;
    const row = stored.get(key) ?? { data: { id: c.rowId }, clocks: {} };
    stored.set(key, row);
    if (applyChange(row, c)) touched.add(key);
  }
  const overruled = new Set<string>();
  for (const c of changes) {
    const key = `${c.table}\u0000${c.rowId}`;
    if (Object.keys(c.fields).some((f) => stored.get(key)!.clocks[f] !== c.hlc)) overruled.add(key);
  }
  let seq = lastSeq;
  const out = [...touched].map((key) => ({ ...keys.get(key)!, row: stored.get(key)!, seq: ++seq }));
  await saveRows(q, unionId, out);
  await q.query('UPDATE unions SET last_seq = $2 WHERE id = $1', [unionId, seq]);
  return { lastSeq: seq, overruled: [...overruled].map((key) => keys.get(key)!) };
}

function toRemote(table: TableName, rowId: string, r: { data: unknown; field_clocks: unknown; seq: unknown }): RemoteRow {
  const data = json<Record<string, unknown>>(r.data);
  return { table, rowId, data, clocks: unpackClocks(data, json(r.field_clocks)), seq: num(r.seq) };
}

export async function pullRows(
  q: Queryable,
  unionId: string,
  cursor: number,
  limit: number,
): Promise<{ rows: RemoteRow[]; more: boolean }> {
  const found = await q.query<{ tbl: string; row_id: string; data: unknown; field_clocks: unknown; seq: unknown }>(
    'SELECT tbl, row_id, data, field_clocks, seq FROM rows WHERE union_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [unionId, cursor, limit + 1],
  );
  const rows = found.slice(0, limit).map((r) => toRemote(r.tbl as TableName, r.row_id, r));
  return { rows, more: found.length > limit };
}

export async function getRows(q: Queryable, unionId: string, keys: { table: string; rowId: string }[]): Promise<RemoteRow[]> {
  if (!keys.length) return [];
  const found = await q.query<{ tbl: string; row_id: string; data: unknown; field_clocks: unknown; seq: unknown }>(
    `SELECT tbl, row_id, data, field_clocks, seq FROM rows
     WHERE union_id = $1 AND (tbl, row_id) IN (SELECT x->>0, x->>1 FROM jsonb_array_elements($2::jsonb) AS x) ORDER BY seq`,
    [unionId, JSON.stringify(keys.map((k) => [k.table, k.rowId]))],
  );
  return found.map((r) => toRemote(r.tbl as TableName, r.row_id, r));
}

export async function getRow(q: Queryable, unionId: string, table: TableName, rowId: string): Promise<RemoteRow | null> {
  const found = await q.query<{ data: unknown; field_clocks: unknown; seq: unknown }>(
    'SELECT data, field_clocks, seq FROM rows WHERE union_id = $1 AND tbl = $2 AND row_id = $3',
    [unionId, table, rowId],
  );
  const r = found[0];
  return r ? toRemote(table, rowId, r) : null;
}

/**
 * A write by the upper union (a returned report) into a union's rows. Its clock is first moved past
 * every clock the row already has, so it wins even over a device whose clock runs ahead.
 */
export async function serverWrite(
  q: Queryable,
  unionId: string,
  clock: HybridLogicalClock,
  table: TableName,
  rowId: string,
  fields: Record<string, unknown>,
): Promise<RemoteRow> {
  const lastSeq = await lockUnion(q, unionId);
  const existing = await getRow(q, unionId, table, rowId);
  const latest = existing ? latestClock(existing.clocks) : '';
  if (latest) clock.receive(latest);
  await mergeInto(q, unionId, lastSeq, [{ table, rowId, hlc: clock.now(), fields }]);
  return (await getRow(q, unionId, table, rowId))!;
}
