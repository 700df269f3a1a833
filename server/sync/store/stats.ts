import { MAX_FEN } from '../../../shared/records/spec';
import { ACCOUNT_CODES, EVENT_KIND_VALUES, MEMBER_STATUS_VALUES, type StatsPeriod, type UpwardStats } from '../../../shared/sync/stats';
import type { Queryable } from '../db';
import { subtreeCte } from './orgs';

/** A list of the code's own constants (statuses, kinds, account codes) as an SQL list; never user input. */
function sqlList(values: readonly string[]): string {
  for (const v of values) if (!/^[a-z0-9-]+$/.test(v)) throw new Error(`not a constant: ${v}`);
  return `(${values.map((v) => `'${v}'`).join(', ')})`;
}

const MEMBER_KEPT = sqlList(['active', 'retired', 'unemployed']);
const STARTS = sqlList(['join', 'transfer-in']);
const STARTS_AND_ENDS = sqlList(['join', 'transfer-in', 'transfer-out', 'leave', 'death']);

/** True when `field` of the row holds an amount `isAmount` accepts; the arms run in order, so a cast only meets a number. */
const amountOk = (field: string) => `CASE
  WHEN json_typeof(r.data->'${field}') IS DISTINCT FROM 'number' THEN false
  WHEN (r.data->>'${field}')::numeric <> trunc((r.data->>'${field}')::numeric) THEN false
  ELSE abs((r.data->>'${field}')::numeric) <= $4 END`;

const inPeriod = (expr: string) => `(${expr}) COLLATE "C" BETWEEN $2 AND $3`;

/**
 * The upward statistics of every union in `top`'s subtree for a period, computed by the database:
 * no member row is read into Node. Each row is classified as `shared/sync/stats.ts` classifies it —
 * the same rules, in SQL: a row whose needed fields have the wrong type is counted in `invalidRows`
 * and left out of the figures. Membership follows the app's standing: a start event opens a
 * membership unless the previous start-or-end event (by date, then id) already did, an end event
 * closes one that is open; a member without events counts by join date and status. Money follows
 * the books' sign rule with the account kinds of the chart. Strings compare byte by byte, as in
 * JavaScript. tests/unit/sync/stats-sql.test.ts holds the two to the same answers.
 */
export async function upwardStatsByUnion(db: Queryable, top: string, period: StatsPeriod): Promise<Map<string, UpwardStats>> {
  const rows = await db.query<Record<string, unknown> & { union_id: string }>(
    `${subtreeCte('$1')},
     scoped AS (SELECT u.key, u.id FROM unions u JOIN subtree s ON s.id = u.org_id),
     raw AS (
       SELECT r.union_key, r.tbl, r.row_id COLLATE "C" AS row_id, r.data AS d,
         CASE
           WHEN json_typeof(r.data) <> 'object' THEN 'invalid'
           WHEN json_typeof(r.data->'deleted') IS DISTINCT FROM 'number' THEN 'deleted'
           WHEN (r.data->>'deleted')::numeric <> 0 THEN 'deleted'
           WHEN r.tbl = 'members' THEN
             CASE WHEN json_typeof(r.data->'status') = 'string' AND r.data->>'status' IN ${sqlList(MEMBER_STATUS_VALUES)}
                   AND coalesce(json_typeof(r.data->'gender'), 'null') IN ('null', 'string')
                   AND coalesce(json_typeof(r.data->'isMigrantWorker'), 'null') IN ('null', 'boolean')
                   AND coalesce(json_typeof(r.data->'joinDate'), 'null') IN ('null', 'string')
                  THEN 'ok' ELSE 'invalid' END
           WHEN r.tbl = 'memberships' THEN
             CASE WHEN json_typeof(r.data->'memberId') = 'string' AND json_typeof(r.data->'date') = 'string'
                   AND json_typeof(r.data->'kind') = 'string' AND r.data->>'kind' IN ${sqlList(EVENT_KIND_VALUES)}
                  THEN 'ok' ELSE 'invalid' END
           WHEN r.tbl = 'duesPayments' THEN
             CASE WHEN json_typeof(r.data->'paidDate') = 'string' AND ${amountOk('amountFen')} THEN 'ok' ELSE 'invalid' END
           ELSE
             CASE WHEN json_typeof(r.data->'date') = 'string' AND json_typeof(r.data->'accountCode') = 'string'
                   AND r.data->>'accountCode' IN ${sqlList(ACCOUNT_CODES.all)} AND ${amountOk('amountFen')}
                   AND (coalesce(json_typeof(r.data->'payableFen'), 'null') = 'null' OR ${amountOk('payableFen')})
                  THEN 'ok' ELSE 'invalid' END
         END AS state
       FROM rows r
       WHERE r.union_key IN (SELECT key FROM scoped) AND r.tbl IN ('members', 'memberships', 'duesPayments', 'transactions')
     ),
     mem AS (
       SELECT union_key, row_id AS id, d->>'status' AS status,
         coalesce(d->>'gender' = '女', false) AS woman, coalesce(d->>'isMigrantWorker' = 'true', false) AS migrant,
         coalesce(nullif(d->>'joinDate', ''), '0000-01-01') COLLATE "C" AS from_date
       FROM raw WHERE state = 'ok' AND tbl = 'members'
     ),
     ev AS (
       SELECT union_key, (d->>'memberId') COLLATE "C" AS member_id, d->>'kind' AS kind, (d->>'date') COLLATE "C" AS date, row_id
       FROM raw WHERE state = 'ok' AND tbl = 'memberships'
     ),
     se AS (
       SELECT union_key, member_id, kind, date, row_id, kind IN ${STARTS} AS is_start,
         lag(kind IN ${STARTS}) OVER (PARTITION BY union_key, member_id ORDER BY date, row_id) AS prev_start
       FROM ev WHERE kind IN ${STARTS_AND_ENDS}
     ),
     moves AS (
       SELECT union_key, member_id,
         count(*) FILTER (WHERE is_start AND prev_start IS NOT TRUE AND ${inPeriod('date')}) AS joined,
         count(*) FILTER (WHERE is_start AND prev_start IS NOT TRUE AND kind = 'join' AND ${inPeriod('date')}) AS new_members,
         count(*) FILTER (WHERE NOT is_start AND prev_start IS TRUE AND ${inPeriod('date')}) AS left_n
       FROM se GROUP BY union_key, member_id
     ),
     last_se AS (
       SELECT DISTINCT ON (union_key, member_id) union_key, member_id, is_start
       FROM se WHERE date <= $3 ORDER BY union_key, member_id, date DESC, row_id DESC
     ),
     last_ev AS (
       SELECT DISTINCT ON (union_key, member_id) union_key, member_id, kind IN ${STARTS} AS working
       FROM ev WHERE date <= $3 ORDER BY union_key, member_id, date DESC, row_id DESC
     ),
     has_ev AS (SELECT DISTINCT union_key, member_id FROM ev),
     people AS (
       SELECT m.union_key, m.woman, m.migrant,
         CASE WHEN h.member_id IS NULL THEN m.status IN ${MEMBER_KEPT} AND m.from_date <= $3
              ELSE coalesce(ls.is_start, false) END AS is_member,
         CASE WHEN h.member_id IS NULL THEN m.status = 'active' ELSE coalesce(le.working, false) END AS working,
         CASE WHEN h.member_id IS NULL THEN (m.status IN ${MEMBER_KEPT} AND ${inPeriod('m.from_date')})::int
              ELSE coalesce(mv.joined, 0) END AS joined,
         CASE WHEN h.member_id IS NULL THEN (m.status IN ${MEMBER_KEPT} AND ${inPeriod('m.from_date')})::int
              ELSE coalesce(mv.new_members, 0) END AS new_members,
         coalesce(mv.left_n, 0) AS left_n
       FROM mem m
       LEFT JOIN has_ev h ON h.union_key = m.union_key AND h.member_id = m.id
       LEFT JOIN last_se ls ON ls.union_key = m.union_key AND ls.member_id = m.id
       LEFT JOIN last_ev le ON le.union_key = m.union_key AND le.member_id = m.id
       LEFT JOIN moves mv ON mv.union_key = m.union_key AND mv.member_id = m.id
     ),
     people_counts AS (
       SELECT union_key,
         count(*) FILTER (WHERE is_member) AS members,
         count(*) FILTER (WHERE is_member AND woman) AS women,
         count(*) FILTER (WHERE is_member AND migrant) AS farmer_workers,
         count(*) FILTER (WHERE is_member AND working) AS in_service,
         sum(joined) AS joined, sum(new_members) AS new_members, sum(left_n) AS left_n
       FROM people GROUP BY union_key
     ),
     money AS (
       SELECT union_key, tbl, state, d->>'accountCode' AS account,
         CASE WHEN state = 'ok' AND tbl IN ('duesPayments', 'transactions') THEN (d->>'amountFen')::numeric END AS amount,
         CASE WHEN state = 'ok' AND tbl = 'transactions' AND json_typeof(d->'payableFen') = 'number'
              THEN (d->>'payableFen')::numeric ELSE 0 END AS payable,
         CASE WHEN state = 'ok' AND tbl = 'duesPayments' THEN ${inPeriod("d->>'paidDate'")}
              WHEN state = 'ok' AND tbl = 'transactions' THEN ${inPeriod("d->>'date'")} ELSE false END AS in_period
       FROM raw
     ),
     money_counts AS (
       SELECT union_key,
         count(*) FILTER (WHERE state = 'invalid') AS invalid_rows,
         coalesce(sum(amount) FILTER (WHERE in_period AND tbl = 'duesPayments'), 0) AS dues,
         coalesce(sum(amount - payable) FILTER (WHERE in_period AND tbl = 'transactions' AND account IN ${sqlList(ACCOUNT_CODES.income)}), 0) AS income,
         coalesce(sum(amount) FILTER (WHERE in_period AND tbl = 'transactions' AND account IN ${sqlList(ACCOUNT_CODES.expense)}), 0) AS spending
       FROM money GROUP BY union_key
     )
     SELECT s.id AS union_id, p.members, p.women, p.farmer_workers, p.in_service, p.joined, p.new_members, p.left_n,
       c.dues, c.income, c.spending, c.invalid_rows
     FROM money_counts c JOIN scoped s ON s.key = c.union_key LEFT JOIN people_counts p ON p.union_key = c.union_key`,
    [top, period.from, period.to, MAX_FEN],
  );
  const n = (v: unknown) => Number(v ?? 0);
  return new Map(
    rows.map((r) => [
      r.union_id,
      {
        members: n(r.members),
        women: n(r.women),
        farmerWorkers: n(r.farmer_workers),
        inService: n(r.in_service),
        joined: n(r.joined),
        newMembers: n(r.new_members),
        left: n(r.left_n),
        duesCollectedFen: n(r.dues),
        incomeFen: n(r.income),
        spendingFen: n(r.spending),
        invalidRows: n(r.invalid_rows),
      },
    ]),
  );
}
