import type { HybridLogicalClock } from '../../../shared/clock/hlc';
import type { TableName } from '../../../shared/model/book';
import { latestClock } from '../../../shared/sync/merge';
import { LIMITS, type RemoteRow } from '../../../shared/sync/protocol';
import type { Queryable } from '../db';
import { mergeInto } from './apply';
import { unpackClocks } from './clocks';
import { ClientError, json, num, UNION_KEY } from './util';

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

function toRemote(table: TableName, rowId: string, r: { data: unknown; field_clocks: unknown; seq: unknown }): RemoteRow {
  const data = json<Record<string, unknown>>(r.data);
  return { table, rowId, data, clocks: unpackClocks(data, json(r.field_clocks)), seq: num(r.seq) };
}

/**
 * A page of rows after `cursor`: at most `limit` rows and `maxBytes` of row text, so that a union
 * with many large attachments never makes one answer larger than a string can hold. A row larger
 * than the budget goes alone. The sizes are read from the stored values' headers, and only the
 * rows of the page are read whole.
 */
export async function pullRows(
  q: Queryable,
  unionId: string,
  cursor: number,
  limit: number,
  maxBytes: number = LIMITS.pullPageBytes,
): Promise<{ rows: RemoteRow[]; more: boolean }> {
  const found = await q.query<{ tbl: string; row_id: string; data: unknown; field_clocks: unknown; seq: unknown; total: unknown }>(
    `SELECT tbl, row_id, data, field_clocks, seq, total FROM (
       SELECT r.*, sum(size) OVER (ORDER BY seq) AS upto, count(*) OVER () AS total FROM (
         SELECT tbl, row_id, data, field_clocks, seq, octet_length(data::text) + octet_length(field_clocks::text) AS size
         FROM rows WHERE union_key = ${UNION_KEY} AND seq > $2 ORDER BY seq LIMIT $3) r) w
     WHERE upto <= $4 OR upto = size
     ORDER BY seq`,
    [unionId, cursor, limit + 1, maxBytes],
  );
  const rows = found.slice(0, limit).map((r) => toRemote(r.tbl as TableName, r.row_id, r));
  return { rows, more: found.length > 0 && num(found[0]!.total) > rows.length };
}

export async function getRows(q: Queryable, unionId: string, keys: { table: string; rowId: string }[]): Promise<RemoteRow[]> {
  if (!keys.length) return [];
  const found = await q.query<{ tbl: string; row_id: string; data: unknown; field_clocks: unknown; seq: unknown }>(
    `SELECT tbl, row_id, data, field_clocks, seq FROM rows
     WHERE union_key = ${UNION_KEY} AND (tbl, row_id) IN (SELECT x->>0, x->>1 FROM jsonb_array_elements($2::jsonb) AS x) ORDER BY seq`,
    [unionId, JSON.stringify(keys.map((k) => [k.table, k.rowId]))],
  );
  return found.map((r) => toRemote(r.tbl as TableName, r.row_id, r));
}

export async function getRow(q: Queryable, unionId: string, table: TableName, rowId: string): Promise<RemoteRow | null> {
  const found = await q.query<{ data: unknown; field_clocks: unknown; seq: unknown }>(
    `SELECT data, field_clocks, seq FROM rows WHERE union_key = ${UNION_KEY} AND tbl = $2 AND row_id = $3`,
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
