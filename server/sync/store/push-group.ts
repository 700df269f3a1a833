import type { Database } from '../db';
import { isTimeout } from '../db-errors';
import { LIMITS } from '../../../shared/sync/protocol';
import { overruledIn, UNIQUE_VIOLATION, type PreparedBatch, type PushOutcome } from './apply';
import { Batcher, perDatabase, statementsAtOnce } from './batcher';
import { ClientError, num } from './util';

/**
 * The common push — a few new records — without a transaction, and in one statement with the
 * pushes of other unions that arrived meanwhile (batcher.ts): it locks each union, inserts its
 * rows, moves its sequence and notes the sync.
 *
 * Each push is still whole or nothing: only a union none of whose keys is stored gets its rows
 * written; any other answers null and takes the transaction (applyChanges). A key that another
 * server process stored while the statement waited for a union makes the primary key refuse the
 * whole statement (23505): every push in it answers null and takes the transaction. Any other
 * failure of a shared statement is narrowed down by trying its pushes one by one.
 */

export interface Caller {
  unionId: string;
  deviceRowId: string;
}

export type QuickPush = (PushOutcome & { before: number }) | null;

interface Push {
  caller: Caller;
  batch: PreparedBatch;
}

/** A statement takes a push's worth of rows (a first sync's batch alone), from at most this many unions. */
const MAX_ROWS = LIMITS.maxChangesPerPush;
const MAX_PUSHES = 500;

/** Writes a push of new records in a shared statement; null when the push needs the transaction instead. */
export function pushNewRecords(db: Database, caller: Caller, batch: PreparedBatch): Promise<QuickPush> {
  if (!batch.all.length || batch.all.length > MAX_ROWS) return Promise.resolve(null);
  return pushBatcher(db).call({ caller, batch });
}

const pushBatcher = perDatabase(
  (db: Database) =>
    new Batcher<Push, QuickPush>({
      parallel: statementsAtOnce(db),
      // At most one push per union (its rows are numbered from its last), and a push's worth of rows.
      group() {
        const unions = new Set<string>();
        let rows = 0;
        return ({ caller, batch }) => {
          if (unions.size >= MAX_PUSHES || unions.has(caller.unionId) || rows + batch.all.length > MAX_ROWS) return false;
          unions.add(caller.unionId);
          rows += batch.all.length;
          return true;
        };
      },
      run: (pushes) => pushTogether(db, pushes),
    }),
);

/**
 * One statement for the pushes. When it fails for another reason than a key stored meanwhile, the
 * pushes are tried again each on its own: one union's bad change then fails only its own push,
 * never the pushes of the unions that happened to share its statement.
 */
async function pushTogether(db: Database, pushes: Push[]): Promise<(QuickPush | Error)[]> {
  try {
    return await pushStatement(db, pushes);
  } catch (error) {
    // A database too busy to answer is not narrowed down: that would only add statements.
    if (pushes.length === 1 || isTimeout(error)) return pushes.map(() => asError(error));
    const out: (QuickPush | Error)[] = [];
    for (const push of pushes) out.push(await pushStatement(db, [push]).then((r) => r[0]!, asError));
    return out;
  }
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

async function pushStatement(db: Database, pushes: Push[]): Promise<(QuickPush | Error)[]> {
  const heads = JSON.stringify(pushes.map((p, g) => ({ g, union_id: p.caller.unionId, device_id: p.caller.deviceRowId })));
  const rows = `[${pushes
    .map((p, g) => p.batch.encode(g).slice(1, -1))
    .filter(Boolean)
    .join(',')}]`;
  let found: { g: number; before: unknown; fresh: boolean | null }[];
  try {
    found = await db.query(PUSH_GROUP, [heads, rows], 'push_group');
  } catch (error) {
    // Another server process stored one of the keys meanwhile: each push takes the transaction.
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return pushes.map(() => null);
    throw error;
  }
  const byGroup = new Map(found.map((r) => [Number(r.g), r]));
  return pushes.map((p, g) => {
    const row = byGroup.get(g);
    if (!row || row.before === null) return new ClientError(404, 'no-union', '工会不存在');
    if (!row.fresh) return null;
    const before = num(row.before);
    return { before, lastSeq: before + p.batch.all.length, overruled: overruledIn(p.batch.groups.values()) };
  });
}

// $1: the pushes [{g, union_id, device_id}]; $2: their rows, each with its push's g.
// The unions are locked in id order, so two statements on different connections cannot deadlock.
// The lock is taken after the statement's snapshot: rows another process committed meanwhile are
// not seen by EXISTS, but the primary key still refuses them. The UPDATE of a locked union row
// sees its latest version.
const PUSH_GROUP = `WITH pushes AS MATERIALIZED (
    SELECT p.g, p.union_id, p.device_id FROM json_to_recordset($1::json) AS p(g int, union_id text, device_id text)),
  locked AS MATERIALIZED (
    SELECT p.g, u.key, u.last_seq FROM unions u JOIN pushes p ON p.union_id = u.id ORDER BY u.id FOR UPDATE OF u),
  input AS MATERIALIZED (
    SELECT x.g, x.tbl, x.row_id, x.data, x.clocks, x.n, l.key, l.last_seq,
      EXISTS (SELECT 1 FROM rows r WHERE r.union_key = l.key AND r.tbl = x.tbl AND r.row_id = x.row_id) AS stored
    FROM json_to_recordset($2::json) AS x(g int, tbl text, row_id text, data json, clocks json, n int)
    JOIN locked l ON l.g = x.g),
  verdict AS MATERIALIZED (SELECT g, NOT bool_or(stored) AS fresh, count(*) AS n FROM input GROUP BY g),
  inserted AS (
    INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
    SELECT i.key, i.tbl, i.row_id, i.data, i.clocks, i.last_seq + i.n + 1
    FROM input i JOIN verdict v ON v.g = i.g WHERE v.fresh),
  seen AS (
    UPDATE devices d SET last_seen_at = now() FROM pushes p WHERE d.id = p.device_id AND d.union_id = p.union_id),
  bump AS (
    UPDATE unions u SET last_sync_at = now(), last_seq = u.last_seq + CASE WHEN v.fresh THEN v.n ELSE 0 END
    FROM pushes p JOIN verdict v ON v.g = p.g WHERE u.id = p.union_id)
  SELECT p.g, l.last_seq AS before, v.fresh FROM pushes p LEFT JOIN locked l ON l.g = p.g LEFT JOIN verdict v ON v.g = p.g`;
