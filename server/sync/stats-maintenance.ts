import { MAX_FEN } from '../../shared/records/spec';
import { ACCOUNT_CODES, EVENT_KIND_VALUES, MEMBER_STATUS_VALUES } from '../../shared/sync/stats';

/**
 * The upward statistics kept in SQL as rows change, in the transaction of the statement that
 * changes them (statement triggers on `rows`), so the dashboard and the 统计年报 of a city's tens of
 * thousands of unions read a few hundred thousand small sums instead of millions of stored rows.
 *
 * Every figure of shared/sync/stats.ts is a sum over dated contributions: a dues payment adds its
 * amount on its paid date, an entry its income or spending on its date, and a member adds +1 to
 * 会员 on the day a membership begins and −1 on the day it ends (in service likewise, from its last
 * event), with the membership begun or ended counted on that day. So a period's figures are sums
 * of contributions up to its last day (members on that day) or between its two days (joined, dues …).
 * The contributions are kept per union and day, month, year and decade (`stat_days` … `stat_decades`):
 * a period reads whole decades and years, then the months and days of its edges. A member's
 * contributions depend on all of its events, so they are kept per member (`stat_member_days`) and
 * recomputed for the members a statement touched; money and invalid rows depend on the row alone.
 *
 * Strings compare byte by byte (COLLATE "C"), as in JavaScript, and a row whose needed fields have
 * the wrong type is counted as invalid and left out, as `upwardStats` does. The account codes, the
 * amount limit, the statuses and the kinds are written into the functions when they are created: a
 * change to one of them needs a migration that creates the functions again and runs REBUILD_STATS.
 * tests/unit/sync/stats-sql.test.ts holds the kept figures to `upwardStats` after random changes.
 */

/** A list of the code's own constants (statuses, kinds, account codes) as an SQL list; never user input. */
function sqlList(values: readonly string[]): string {
  for (const v of values) if (!/^[a-z0-9-]+$/.test(v)) throw new Error(`not a constant: ${v}`);
  return `(${values.map((v) => `'${v}'`).join(', ')})`;
}

const MEMBER_KEPT = sqlList(['active', 'retired', 'unemployed']);
const STARTS = sqlList(['join', 'transfer-in']);
const STARTS_AND_ENDS = sqlList(['join', 'transfer-in', 'transfer-out', 'leave', 'death']);
const STAT_TABLES = `('members', 'memberships', 'duesPayments', 'transactions')`;

/**
 * True when `field` of `d` holds an amount `isAmount` accepts; the arms run in order, so a cast only
 * meets a number. A jsonb number is a numeric already: `(d->'f')::numeric` takes it as it is, where
 * `(d->>'f')::numeric` printed it as text and parsed it back (twice a row and field, in WebAssembly on PGlite).
 */
const amountOk = (d: string, field: string) => `CASE
  WHEN jsonb_typeof(${d}->'${field}') IS DISTINCT FROM 'number' THEN false
  WHEN (${d}->'${field}')::numeric <> trunc((${d}->'${field}')::numeric) THEN false
  ELSE abs((${d}->'${field}')::numeric) <= ${MAX_FEN} END`;

/**
 * True when the numeric `n` (NULL when the field was not a number) is an amount `isAmount` accepts:
 * whole (scale 0, as nearly every stored amount is, or equal to its truncation, as 1.0) and within the limit.
 */
const wholeAmount = (n: string) => `${n} BETWEEN -${MAX_FEN} AND ${MAX_FEN} AND (scale(${n}) = 0 OR ${n} = trunc(${n}))`;

/** 'ok', 'deleted' or 'invalid' for a row (its data as jsonb: one parse, then lookups) of one of the four tables the figures read, as stats.ts classifies it. */
export const rowState = (tbl: string, d: string) => `CASE
  WHEN jsonb_typeof(${d}) <> 'object' THEN 'invalid'
  WHEN jsonb_typeof(${d}->'deleted') IS DISTINCT FROM 'number' THEN 'deleted'
  WHEN (${d}->'deleted')::numeric <> 0 THEN 'deleted'
  WHEN ${tbl} = 'members' THEN
    CASE WHEN jsonb_typeof(${d}->'status') = 'string' AND ${d}->>'status' IN ${sqlList(MEMBER_STATUS_VALUES)}
          AND coalesce(jsonb_typeof(${d}->'gender'), 'null') IN ('null', 'string')
          AND coalesce(jsonb_typeof(${d}->'isMigrantWorker'), 'null') IN ('null', 'boolean')
          AND coalesce(jsonb_typeof(${d}->'joinDate'), 'null') IN ('null', 'string')
         THEN 'ok' ELSE 'invalid' END
  WHEN ${tbl} = 'memberships' THEN
    CASE WHEN jsonb_typeof(${d}->'memberId') = 'string' AND jsonb_typeof(${d}->'date') = 'string'
          AND jsonb_typeof(${d}->'kind') = 'string' AND ${d}->>'kind' IN ${sqlList(EVENT_KIND_VALUES)}
         THEN 'ok' ELSE 'invalid' END
  WHEN ${tbl} = 'duesPayments' THEN
    CASE WHEN jsonb_typeof(${d}->'paidDate') = 'string' AND ${amountOk(d, 'amountFen')} THEN 'ok' ELSE 'invalid' END
  ELSE
    CASE WHEN jsonb_typeof(${d}->'date') = 'string' AND jsonb_typeof(${d}->'accountCode') = 'string'
          AND ${d}->>'accountCode' IN ${sqlList(ACCOUNT_CODES.all)} AND ${amountOk(d, 'amountFen')}
          AND (coalesce(jsonb_typeof(${d}->'payableFen'), 'null') = 'null' OR ${amountOk(d, 'payableFen')})
         THEN 'ok' ELSE 'invalid' END
END`;

/** The measures of every contribution and aggregate table: the first four are read up to a day, the rest between two. */
export const MEASURES = [
  'members',
  'women',
  'farmer_workers',
  'in_service',
  'joined',
  'new_members',
  'left_n',
  'dues',
  'income',
  'spending',
] as const;
const COLUMNS = MEASURES.map((m) => `${m} ${['dues', 'income', 'spending'].includes(m) ? 'numeric' : 'bigint'} NOT NULL DEFAULT 0`).join(
  ', ',
);
const LIST = MEASURES.join(', ');
const SUMS = MEASURES.map((m) => `sum(${m})`).join(', ');
const NONZERO = MEASURES.map((m) => `${m} <> 0`).join(' OR ');

/** Its data parsed once per row of `r` as `x.j` (OFFSET 0 keeps the planner from copying the cast into every use of `x.j`). */
const parsed = (r: string) => `LATERAL (SELECT ${r}.data::jsonb AS j OFFSET 0) x`;

/** What a member's contributions depend on, from a member row whose data is parsed as `j`: status, woman, migrant, from_date. */
const memberFlags = (j: string) => `${j}->>'status' AS status,
  coalesce(${j}->>'gender' = '女', false) AS woman, coalesce(${j}->>'isMigrantWorker' = 'true', false) AS migrant,
  coalesce(nullif(${j}->>'joinDate', ''), '0000-01-01') COLLATE "C" AS from_date`;
/** The same with the member's union and id, from a member row `r` whose data is parsed as `x.j`. */
const MEMBER_COLUMNS = `r.union_key, r.row_id AS member_id, ${memberFlags('x.j')}`;

/** What an event contributes by, from a membership row `r` whose data is parsed as `x.j`. */
const EVENT_COLUMNS = `r.union_key, (x.j->>'memberId') COLLATE "C" AS member_id, x.j->>'kind' AS kind, (x.j->>'date') COLLATE "C" AS day, r.row_id`;

/**
 * CTEs `mem` (the valid members, with `has_events`) and `ev` (their valid membership events, with the
 * member's flags), of the members named by the CTE `aff` (union_key, member_id): what a statement
 * touched. A member whose row the statement wrote is taken from the CTE `fresh` (union_key,
 * member_id, ok and the member columns), which the classifying statement read from the row it had
 * parsed already; any other is found by index and parsed. Each member's events are found by index,
 * one probe per member, and classified once. The members and their events then meet in one sort
 * (a window per member) rather than a join: the planner takes the arrays behind `aff` for a handful
 * of rows, and a join of two such CTEs became a nested loop, quadratic in the members of a first sync.
 */
const AFFECTED_MEMBERS = `
  found AS (
    SELECT union_key, member_id, true AS is_member, status, woman, migrant, from_date,
      NULL::text AS kind, NULL::text COLLATE "C" AS day, NULL::text COLLATE "C" AS row_id
    FROM fresh WHERE ok
    UNION ALL
    SELECT r.union_key, r.row_id, true, ${memberFlags('x.j')}, NULL, NULL, NULL
    FROM aff a JOIN rows r ON r.union_key = a.union_key AND r.tbl = 'members' AND r.row_id = a.member_id, ${parsed('r')}
    WHERE (a.union_key, a.member_id) NOT IN (SELECT union_key, member_id FROM fresh) AND ${rowState('r.tbl', 'x.j')} = 'ok'
    UNION ALL
    SELECT r.union_key, (x.j->>'memberId') COLLATE "C", false, NULL::text, NULL::boolean, NULL::boolean, NULL::text COLLATE "C",
      x.j->>'kind', (x.j->>'date') COLLATE "C", r.row_id
    FROM aff a JOIN rows r ON r.union_key = a.union_key AND r.tbl = 'memberships' AND (r.data->>'memberId') COLLATE "C" = a.member_id,
      ${parsed('r')}
    WHERE ${rowState('r.tbl', 'x.j')} = 'ok'
  ),
  per_member AS (
    SELECT f.*, bool_or(is_member) OVER w AS member_found, bool_or(NOT is_member) OVER w AS has_events,
      bool_or(woman) OVER w AS member_woman, bool_or(migrant) OVER w AS member_migrant
    FROM found f WINDOW w AS (PARTITION BY union_key, member_id)
  ),
  mem AS (SELECT union_key, member_id, status, woman, migrant, from_date, has_events FROM per_member WHERE is_member),
  ev AS (
    SELECT union_key, member_id, kind, day, row_id, member_woman AS woman, member_migrant AS migrant
    FROM per_member WHERE NOT is_member AND member_found AND has_events
  )`;

/**
 * The same CTEs for every member of every union, in one scan of each kind: the rebuild. `has_events`
 * is a hashed lookup in the events (a join there was planned as a nested loop over every member,
 * the planner taking the classified events for a handful).
 */
const ALL_MEMBERS = `
  events AS (
    SELECT ${EVENT_COLUMNS} FROM rows r, ${parsed('r')} WHERE r.tbl = 'memberships' AND ${rowState('r.tbl', 'x.j')} = 'ok'
  ),
  mem AS (
    SELECT ${MEMBER_COLUMNS}, (r.union_key, r.row_id) IN (SELECT union_key, member_id FROM events) AS has_events
    FROM rows r, ${parsed('r')}
    WHERE r.tbl = 'members' AND ${rowState('r.tbl', 'x.j')} = 'ok'
  ),
  ev AS (
    SELECT e.union_key, e.member_id, e.kind, e.day, e.row_id, m.woman, m.migrant
    FROM mem m JOIN events e ON e.union_key = m.union_key AND e.member_id = m.member_id
    WHERE m.has_events
  )`;

/**
 * CTE `contrib`, after `mem` and `ev` (AFFECTED_MEMBERS or ALL_MEMBERS): the dated
 * contributions of those members, as stats.ts counts them. A member with events counts from them (a
 * start opens a membership unless the previous start-or-end already did, an end closes an open one;
 * in service while its last event is a start, which only an open membership can have); one without
 * counts from its join date and status.
 */
const contributions = (members: string) => `${members},
  se AS (
    SELECT union_key, member_id, woman, migrant, day, kind, kind IN ${STARTS} AS is_start,
      lag(kind IN ${STARTS}) OVER (PARTITION BY union_key, member_id ORDER BY day, row_id) AS prev_start
    FROM ev WHERE kind IN ${STARTS_AND_ENDS}
  ),
  steps AS (
    SELECT union_key, member_id, woman, migrant, day,
      CASE WHEN is_start AND prev_start IS NOT TRUE THEN 1 WHEN NOT is_start AND prev_start IS TRUE THEN -1 ELSE 0 END AS opened,
      0 AS working, (is_start AND prev_start IS NOT TRUE)::int AS joined,
      (is_start AND prev_start IS NOT TRUE AND kind = 'join')::int AS new_members,
      (NOT is_start AND prev_start IS TRUE)::int AS left_n
    FROM se
    UNION ALL
    SELECT union_key, member_id, woman, migrant, day, 0, (kind IN ${STARTS})::int
      - (lag(kind IN ${STARTS}, 1, false) OVER (PARTITION BY union_key, member_id ORDER BY day, row_id))::int, 0, 0, 0
    FROM ev
  ),
  contrib AS (
    SELECT union_key, member_id, day, opened AS members, CASE WHEN woman THEN opened ELSE 0 END AS women,
      CASE WHEN migrant THEN opened ELSE 0 END AS farmer_workers, working AS in_service, joined, new_members, left_n,
      0::numeric AS dues, 0::numeric AS income, 0::numeric AS spending
    FROM steps
    UNION ALL
    SELECT m.union_key, m.member_id, m.from_date, k, CASE WHEN m.woman THEN k ELSE 0 END, CASE WHEN m.migrant THEN k ELSE 0 END,
      (m.status = 'active')::int, k, k, 0, 0, 0, 0
    FROM (SELECT *, (status IN ${MEMBER_KEPT})::int AS k FROM mem WHERE NOT has_events) m
  )`;

/**
 * The rows of table `tbl` among `source`, their data parsed once as `j` (OFFSET 0 keeps the cast from
 * being copied into every use of `j`). `runs` is a condition on no column (a PL/pgSQL variable, or
 * `true`): the planner makes it a one-time filter above the scan, so a statement that changed no row
 * of the table does not read its changed rows for them.
 */
const rowsOf = (source: string, tbl: string, runs: string) =>
  `(SELECT c.sign, c.union_key, c.data::jsonb AS j FROM ${source} c WHERE c.tbl = '${tbl}' AND ${runs} OFFSET 0)`;

/**
 * CTE `dues_rows` (sign, union_key, day, invalid, dues): the dues payments of `source` as stats.ts
 * counts them. Each is classified from four things looked up once in its parsed data: whether it is an
 * object, whether `deleted` is the number 0 (jsonb equality, which holds for a number equal to 0 however
 * it is written and for nothing else), and `paidDate` and `amountFen`, which the next step reads as text
 * and as a numeric when they have the right type.
 */
const duesRows = (source: string, runs: string) => `
  dues_rows AS (
    SELECT sign, union_key, CASE WHEN ok THEN day END AS day, NOT ok AND NOT deleted AS invalid, CASE WHEN ok THEN amount END AS dues
    FROM (
      SELECT sign, union_key, deleted,
        coalesce(is_object AND NOT deleted AND day IS NOT NULL AND ${wholeAmount('amount')}, false) AS ok, day, amount
      FROM (
        SELECT sign, union_key, is_object, is_object AND not_deleted IS NOT TRUE AS deleted,
          CASE WHEN jsonb_typeof(paid) = 'string' THEN paid #>> '{}' END COLLATE "C" AS day,
          CASE WHEN jsonb_typeof(amount) = 'number' THEN amount::numeric END AS amount
        FROM (
          SELECT sign, union_key, jsonb_typeof(j) = 'object' AS is_object, j->'deleted' = '0' AS not_deleted, j->'paidDate' AS paid,
            j->'amountFen' AS amount
          FROM ${rowsOf(source, 'duesPayments', runs)} p OFFSET 0
        ) f OFFSET 0
      ) v OFFSET 0
    ) r
  )`;

/**
 * CTE `entry_rows` (sign, union_key, day, invalid, income, spending): the entries of `source`,
 * classified as dues payments are, from `date`, `accountCode`, `amountFen` and `payableFen` (absent,
 * null or an amount), each looked up once. Income is the amount less its payable part, on the income accounts.
 */
const entryRows = (source: string, runs: string) => `
  entry_rows AS (
    SELECT sign, union_key, CASE WHEN ok THEN day END AS day, NOT ok AND NOT deleted AS invalid,
      CASE WHEN ok AND code IN ${sqlList(ACCOUNT_CODES.income)} THEN amount - coalesce(payable, 0) END AS income,
      CASE WHEN ok AND code IN ${sqlList(ACCOUNT_CODES.expense)} THEN amount END AS spending
    FROM (
      SELECT sign, union_key, deleted, day, code, amount, payable,
        coalesce(is_object AND NOT deleted AND day IS NOT NULL AND code IN ${sqlList(ACCOUNT_CODES.all)} AND ${wholeAmount('amount')}
          AND (no_payable OR ${wholeAmount('payable')}), false) AS ok
      FROM (
        SELECT sign, union_key, is_object, is_object AND not_deleted IS NOT TRUE AS deleted,
          CASE WHEN jsonb_typeof(day) = 'string' THEN day #>> '{}' END COLLATE "C" AS day,
          CASE WHEN jsonb_typeof(code) = 'string' THEN code #>> '{}' END AS code,
          CASE WHEN jsonb_typeof(amount) = 'number' THEN amount::numeric END AS amount,
          payable IS NULL OR payable = 'null' AS no_payable,
          CASE WHEN jsonb_typeof(payable) = 'number' THEN payable::numeric END AS payable
        FROM (
          SELECT sign, union_key, jsonb_typeof(j) = 'object' AS is_object, j->'deleted' = '0' AS not_deleted, j->'date' AS day,
            j->'accountCode' AS code, j->'amountFen' AS amount, j->'payableFen' AS payable
          FROM ${rowsOf(source, 'transactions', runs)} p OFFSET 0
        ) f OFFSET 0
      ) v OFFSET 0
    ) r
  )`;

/** The steps of the classifying statement: the member rows' or not, and conditions under which the dues payments' and the entries' run. */
interface Steps {
  members: boolean;
  dues: string;
  entries: string;
}

/**
 * CTE `money` (union_key, day, measures…): what the changed rows of `source` (sign, union_key, tbl,
 * row_id, data) add to dues, income and spending, per union and date, and CTE `invalid` (union_key, n):
 * the change in invalid rows per union. With `steps.members`, also CTE `classified` (sign, union_key,
 * tbl, row_id, j, state): the member and membership rows, parsed and classified, which the member step reads.
 *
 * Each table has a step of its own that reads only its rows and applies only its own rules, where one
 * step for all four tested each row's table in every expression; each row is parsed once and each of
 * its fields looked up once (OFFSET 0 keeps each step a subquery of its own: an inlined step is
 * evaluated again in every expression that names it; and no step is a LATERAL subquery taking the
 * parsed jsonb, which the planner would put behind a cache hashing every row's whole value). The rows
 * are summed per sign, union and day before the sign is applied, not multiplied by it one by one, and
 * the rebuild's scan of every stored row is never held whole.
 */
const rowLocal = (source: string, steps: Steps) => `${
  steps.members
    ? `
  classified AS (
    SELECT c.sign, c.union_key, c.tbl, c.row_id, x.j, ${rowState('c.tbl', 'x.j')} AS state
    FROM ${source} c, ${parsed('c')} WHERE c.tbl IN ('members', 'memberships') OFFSET 0
  ),`
    : ''
}${duesRows(source, steps.dues)},${entryRows(source, steps.entries)},
  union_days AS (
    SELECT union_key, day, sum(sign * invalid_n)::bigint AS invalid_n, coalesce(sum(sign * dues), 0) AS dues,
      coalesce(sum(sign * income), 0) AS income, coalesce(sum(sign * spending), 0) AS spending
    FROM (
      SELECT sign, union_key, day, count(*) FILTER (WHERE invalid) AS invalid_n, sum(dues) AS dues, NULL::numeric AS income,
        NULL::numeric AS spending
      FROM dues_rows GROUP BY 1, 2, 3
      UNION ALL
      SELECT sign, union_key, day, count(*) FILTER (WHERE invalid), NULL, sum(income), sum(spending) FROM entry_rows GROUP BY 1, 2, 3${
        steps.members
          ? `
      UNION ALL
      SELECT sign, union_key, NULL, count(*) FILTER (WHERE state = 'invalid'), NULL, NULL, NULL FROM classified GROUP BY 1, 2`
          : ''
      }
    ) s GROUP BY 1, 2
  ),
  invalid AS (SELECT union_key, sum(invalid_n) AS n FROM union_days GROUP BY union_key),
  money AS (
    SELECT union_key, day, 0 AS members, 0 AS women, 0 AS farmer_workers, 0 AS in_service, 0 AS joined, 0 AS new_members, 0 AS left_n,
      dues, income, spending
    FROM union_days WHERE day IS NOT NULL
  )`;

/** CTEs adding the contributions of `source` (union_key, day, measures…) to the day, month, year and decade sums. */
const addTo = (source: string) => {
  const upsert = (table: string, key: string, expr: string) => `
    INSERT INTO ${table} AS t (union_key, ${key}, ${LIST})
    SELECT union_key, ${expr}, ${SUMS} FROM ${source} GROUP BY 1, 2
    ON CONFLICT (union_key, ${key}) DO UPDATE SET ${MEASURES.map((m) => `${m} = t.${m} + excluded.${m}`).join(', ')}`;
  return `
  to_days AS (${upsert('stat_days', 'day', 'day')}),
  to_months AS (${upsert('stat_months', 'month', 'left(day, 7)')}),
  to_years AS (${upsert('stat_years', 'year', 'left(day, 4)')})
  ${upsert('stat_decades', 'decade', 'left(day, 3)')}`;
};

/** The rows a statement changed: +1 for the rows as they are now, −1 for the rows as they were. */
const changedRows = (newRows: string | null, oldRows: string | null) =>
  [
    newRows && `SELECT 1 AS sign, union_key, tbl, row_id, data FROM ${newRows}`,
    oldRows && `SELECT -1 AS sign, union_key, tbl, row_id, data FROM ${oldRows}`,
  ]
    .filter(Boolean)
    .join(' UNION ALL ');

/** A `jsonb_to_recordset` column list of what gone, kept and money rows hold: union, day and the measures. */
const DAY_RECORD = `union_key integer, day text, ${MEASURES.map((m) => `${m} ${['dues', 'income', 'spending'].includes(m) ? 'numeric' : 'bigint'}`).join(', ')}`;

/**
 * The body of a statement trigger on `rows` with the given transition tables.
 *
 * A push of a few rows pays for every statement the trigger runs, whatever it finds: each one opens
 * and locks its tables and indexes and sets up every node of its plan. So the changed rows are
 * classified once, in one statement that also counts the invalid rows and sums the money per day
 * and answers whether any member's contributions can change; the member step runs only then (new
 * members that are not valid, as most pushes of unfinished records hold, never contribute); and the
 * day, month, year and decade sums take one set of upserts for the member and money steps
 * together, run only when some sum changes. The steps hand their sums on as jsonb.
 *
 * A statement that changed no member or membership row (dues payments and entries, the most common
 * push after a first sync) has no member step, so its classifying statement adds the money to the
 * sums itself: two statements in all, the first telling which kind of change this is and which of the
 * money steps (dues payments, entries) have rows to read.
 */
function triggerBody(newRows: string | null, oldRows: string | null): string {
  const changed = `(${changedRows(newRows, oldRows)})`;
  // The members whose contributions may change (those whose row changed, and those an event that
  // changed names, before or after) and the members as the statement wrote them, read by the
  // classifying statement from the rows it parsed and handed on as arrays: the later steps neither
  // parse a changed row again nor look up a member the statement wrote.
  const aff = `aff AS (SELECT k AS union_key, id COLLATE "C" AS member_id FROM unnest(aff_keys, aff_ids) AS a(k, id)),
  fresh AS (
    SELECT k AS union_key, id COLLATE "C" AS member_id, ok, status, woman, migrant, from_date COLLATE "C" AS from_date
    FROM unnest(fresh_keys, fresh_ids, fresh_ok, fresh_status, fresh_woman, fresh_migrant, fresh_from)
      AS f(k, id, ok, status, woman, migrant, from_date)
  )`;
  // Only an insert can skip removing the kept days: a member whose row did not exist has none
  // (its days are removed with its row, and only a valid member row gets any), so only the members
  // that inserted events name can have some.
  const removeKept = oldRows ? 'members_may_change' : 'events_changed';
  // A statement that touches none of the four tables (profiles, activities …) does nothing more.
  return `
DECLARE
  members_touched boolean;
  dues_changed boolean;
  entries_changed boolean;
  members_may_change boolean;
  events_changed boolean;
  gone jsonb := '[]';
  member_days jsonb;
  money_days jsonb;
  aff_keys integer[];
  aff_ids text[];
  fresh_keys integer[];
  fresh_ids text[];
  fresh_ok boolean[];
  fresh_status text[];
  fresh_woman boolean[];
  fresh_migrant boolean[];
  fresh_from text[];
BEGIN
  -- NULL when no changed row is of the four tables.
  SELECT bool_or(c.tbl IN ('members', 'memberships')), bool_or(c.tbl = 'duesPayments'), bool_or(c.tbl = 'transactions')
  INTO members_touched, dues_changed, entries_changed FROM ${changed} c WHERE c.tbl IN ${STAT_TABLES};
  IF members_touched IS NULL THEN RETURN NULL; END IF;
  IF NOT members_touched THEN
  WITH ${rowLocal(changed, { members: false, dues: 'dues_changed', entries: 'entries_changed' })},
  counted AS (
    INSERT INTO stat_unions AS t (union_key, invalid_rows) SELECT union_key, n FROM invalid
    ON CONFLICT (union_key) DO UPDATE SET invalid_rows = t.invalid_rows + excluded.invalid_rows WHERE excluded.invalid_rows <> 0
  ),
  delta AS (SELECT union_key, day, ${LIST} FROM money WHERE ${NONZERO}),
  ${addTo('delta')};
  RETURN NULL;
  END IF;
  WITH ${rowLocal(changed, { members: true, dues: 'dues_changed', entries: 'entries_changed' })},
  counted AS (
    INSERT INTO stat_unions AS t (union_key, invalid_rows) SELECT union_key, n FROM invalid
    ON CONFLICT (union_key) DO UPDATE SET invalid_rows = t.invalid_rows + excluded.invalid_rows WHERE excluded.invalid_rows <> 0
  ),
  flags AS (
    SELECT bool_or(tbl = 'memberships' OR (tbl = 'members' AND state = 'ok')) AS may_change, bool_or(tbl = 'memberships') AS events
    FROM classified
  ),
  affected AS (
    SELECT DISTINCT union_key, member_id FROM (
      SELECT union_key, row_id AS member_id FROM classified WHERE tbl = 'members'
      UNION ALL SELECT union_key, (j->>'memberId') COLLATE "C" FROM classified
        WHERE tbl = 'memberships' AND jsonb_typeof(j) = 'object' AND jsonb_typeof(j->'memberId') = 'string'
    ) a
  ),
  written AS (SELECT c.union_key, c.row_id AS member_id, ${memberFlags('c.j')}, c.state = 'ok' AS ok FROM classified c WHERE c.tbl = 'members' AND c.sign = 1)
  SELECT (SELECT jsonb_agg(m) FROM money m WHERE ${NONZERO}), fl.may_change, fl.events, af.keys, af.ids,
    w.keys, w.ids, w.ok, w.status, w.woman, w.migrant, w.from_date
  INTO money_days, members_may_change, events_changed, aff_keys, aff_ids,
    fresh_keys, fresh_ids, fresh_ok, fresh_status, fresh_woman, fresh_migrant, fresh_from
  FROM flags fl,
    (SELECT array_agg(union_key) AS keys, array_agg(member_id) AS ids FROM affected) af,
    (SELECT array_agg(union_key) AS keys, array_agg(member_id) AS ids, array_agg(ok) AS ok, array_agg(status) AS status,
       array_agg(woman) AS woman, array_agg(migrant) AS migrant, array_agg(from_date) AS from_date FROM written) w;
  IF ${removeKept} THEN
  WITH ${aff},
  removed AS (
    DELETE FROM stat_member_days s USING aff a WHERE s.union_key = a.union_key AND s.member_id = a.member_id
    RETURNING s.union_key, s.day, ${MEASURES.map((m) => `s.${m}`).join(', ')}
  )
  SELECT coalesce(jsonb_agg(d), '[]') INTO gone
  FROM (SELECT union_key, day, ${MEASURES.map((m) => `-sum(${m}) AS ${m}`).join(', ')} FROM removed GROUP BY 1, 2) d;
  END IF;
  IF members_may_change THEN
  WITH ${aff}, ${contributions(AFFECTED_MEMBERS)},
  kept AS (
    INSERT INTO stat_member_days (union_key, member_id, day, ${LIST})
    SELECT union_key, member_id, day, ${SUMS} FROM contrib GROUP BY 1, 2, 3 HAVING ${MEASURES.map((m) => `sum(${m}) <> 0`).join(' OR ')}
    RETURNING union_key, day, ${LIST}
  ),
  both_ways AS (
    SELECT union_key, day, ${LIST} FROM kept
    UNION ALL SELECT union_key, day COLLATE "C", ${LIST} FROM jsonb_to_recordset(gone) AS g(${DAY_RECORD})
  )
  SELECT jsonb_agg(d) INTO member_days
  FROM (SELECT union_key, day, ${MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', ')} FROM both_ways GROUP BY 1, 2
    HAVING ${MEASURES.map((m) => `sum(${m}) <> 0`).join(' OR ')}) d;
  END IF;
  IF member_days IS NOT NULL OR money_days IS NOT NULL THEN
  WITH delta AS (
    SELECT union_key, day COLLATE "C" AS day, ${LIST}
    FROM jsonb_to_recordset(coalesce(member_days, '[]') || coalesce(money_days, '[]')) AS d(${DAY_RECORD})
  ),
  ${addTo('delta')};
  END IF;
  RETURN NULL;
END`;
}

// OR REPLACE: a later migration brings a server's trigger functions up to the current bodies without touching the triggers.
const fn = (name: string, body: string) =>
  `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $body$${body}$body$`;

/** The trigger functions that keep the figures as rows are pushed, edited and removed. */
const ROW_TRIGGER_FUNCTIONS: readonly string[] = [
  fn('stat_rows_inserted', triggerBody('new_rows', null)),
  fn('stat_rows_updated', triggerBody('new_rows', 'old_rows')),
  fn('stat_rows_deleted', triggerBody(null, 'old_rows')),
];

/**
 * Replaces the trigger functions of a server that created them before each row's JSON was parsed
 * once (OFFSET 0); the figures they keep are the same, so nothing is rebuilt.
 */
export const STATS_PARSE_ONCE_MIGRATION: readonly string[] = ROW_TRIGGER_FUNCTIONS;

/**
 * Replaces the trigger functions of a server migrated to 15, whose money step classified each row
 * again in every expression that read its state or amount; the figures are the same, so nothing is
 * rebuilt.
 */
export const STATS_CLASSIFY_ONCE_MIGRATION: readonly string[] = [...ROW_TRIGGER_FUNCTIONS];

/**
 * Replaces the trigger functions of a server migrated to 16, which ran the member step and three
 * sets of day, month, year and decade upserts for every change to the four tables, whatever they
 * found (the fixed cost of a small push); the figures are the same, so nothing is rebuilt.
 */
export const STATS_FEWER_STATEMENTS_MIGRATION: readonly string[] = [...ROW_TRIGGER_FUNCTIONS];

/**
 * Replaces the trigger functions of a server migrated to 17, which ran a statement of its own for the
 * day, month, year and decade upserts of a push of dues payments or entries; the figures are the same,
 * so nothing is rebuilt.
 */
export const STATS_MONEY_IN_ONE_STATEMENT_MIGRATION: readonly string[] = [...ROW_TRIGGER_FUNCTIONS];

/**
 * Replaces the trigger functions of a server migrated to 18, which read each amount (and `deleted`)
 * as text and parsed it back into a numeric, up to four times a row; the figures are the same, so
 * nothing is rebuilt.
 */
export const STATS_NUMBERS_AS_STORED_MIGRATION: readonly string[] = [...ROW_TRIGGER_FUNCTIONS];

/**
 * Replaces the trigger functions of a server migrated to 19, whose member step looked up and parsed
 * again every member the statement had written and classified each member's events twice (once to
 * tell whether it has any, once to count them); the figures are the same, so nothing is rebuilt.
 */
export const STATS_MEMBERS_READ_ONCE_MIGRATION: readonly string[] = [...ROW_TRIGGER_FUNCTIONS];

/**
 * Replaces the trigger functions of a server migrated to 20, which classified a dues payment or an
 * entry by the rules of every table in turn, looked its amount up in the parsed row five times and
 * multiplied each row's amounts by its sign; the figures are the same, so nothing is rebuilt.
 */
export const STATS_MONEY_LOOKED_UP_ONCE_MIGRATION: readonly string[] = [...ROW_TRIGGER_FUNCTIONS];

/**
 * Builds every kept figure again from the stored rows, after the tables are created and whenever a
 * rule changes: each statement covers every union at once, set-based (a scan of the rows, hash joins,
 * GROUP BY), so a city's tens of millions of rows take one pass for the members and one for the rest.
 * The month, year and decade sums are the day sums added up.
 */
export const REBUILD_STATS: readonly string[] = [
  // Room to sum a city's rows per union and day in memory; it lasts to the end of the migration's transaction (outside one it does nothing).
  "SET LOCAL work_mem = '256MB'",
  'TRUNCATE stat_member_days, stat_days, stat_months, stat_years, stat_decades, stat_unions',
  `INSERT INTO stat_member_days (union_key, member_id, day, ${LIST})
   WITH ${contributions(ALL_MEMBERS)}
   SELECT union_key, member_id, day, ${SUMS} FROM contrib GROUP BY 1, 2, 3 HAVING ${MEASURES.map((m) => `sum(${m}) <> 0`).join(' OR ')}`,
  `WITH ${rowLocal('(SELECT 1 AS sign, union_key, tbl, row_id, data FROM rows)', { members: true, dues: 'true', entries: 'true' })},
   counted AS (INSERT INTO stat_unions (union_key, invalid_rows) SELECT union_key, n FROM invalid),
   both_kinds AS (
     SELECT union_key, day, ${LIST} FROM money WHERE ${NONZERO}
     UNION ALL SELECT union_key, day, ${LIST} FROM stat_member_days
   )
   INSERT INTO stat_days (union_key, day, ${LIST}) SELECT union_key, day, ${SUMS} FROM both_kinds GROUP BY 1, 2`,
  `INSERT INTO stat_months (union_key, month, ${LIST}) SELECT union_key, left(day, 7), ${SUMS} FROM stat_days GROUP BY 1, 2`,
  `INSERT INTO stat_years (union_key, year, ${LIST}) SELECT union_key, left(month, 4), ${SUMS} FROM stat_months GROUP BY 1, 2`,
  `INSERT INTO stat_decades (union_key, decade, ${LIST}) SELECT union_key, left(year, 3), ${SUMS} FROM stat_years GROUP BY 1, 2`,
];

/** The statements of the migration that creates the kept statistics (split by hand: the function bodies hold semicolons). */
export const STATS_MIGRATION: readonly string[] = [
  `CREATE TABLE stat_member_days (union_key integer NOT NULL, member_id text COLLATE "C" NOT NULL, day text COLLATE "C" NOT NULL, ${COLUMNS},
     PRIMARY KEY (union_key, member_id, day))`,
  `CREATE TABLE stat_days (union_key integer NOT NULL, day text COLLATE "C" NOT NULL, ${COLUMNS}, PRIMARY KEY (union_key, day))`,
  `CREATE TABLE stat_months (union_key integer NOT NULL, month text COLLATE "C" NOT NULL, ${COLUMNS}, PRIMARY KEY (union_key, month))`,
  `CREATE TABLE stat_years (union_key integer NOT NULL, year text COLLATE "C" NOT NULL, ${COLUMNS}, PRIMARY KEY (union_key, year))`,
  `CREATE TABLE stat_decades (union_key integer NOT NULL, decade text COLLATE "C" NOT NULL, ${COLUMNS}, PRIMARY KEY (union_key, decade))`,
  // A city's root reads one range of days, months or years across all its unions.
  'CREATE INDEX stat_days_day ON stat_days (day, union_key)',
  'CREATE INDEX stat_months_month ON stat_months (month, union_key)',
  'CREATE INDEX stat_years_year ON stat_years (year, union_key)',
  'CREATE INDEX stat_decades_decade ON stat_decades (decade, union_key)',
  'CREATE TABLE stat_unions (union_key integer PRIMARY KEY, invalid_rows bigint NOT NULL DEFAULT 0)',
  // A member's events are found by its id when one of them or the member changes.
  `CREATE INDEX rows_member_events ON rows (union_key, ((data->>'memberId') COLLATE "C")) WHERE tbl = 'memberships'`,
  ...ROW_TRIGGER_FUNCTIONS,
  fn(
    'stat_rows_truncated',
    `BEGIN TRUNCATE stat_member_days, stat_days, stat_months, stat_years, stat_decades, stat_unions; RETURN NULL; END`,
  ),
  'CREATE TRIGGER stat_rows_inserted AFTER INSERT ON rows REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_rows_inserted()',
  'CREATE TRIGGER stat_rows_updated AFTER UPDATE ON rows REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_rows_updated()',
  'CREATE TRIGGER stat_rows_deleted AFTER DELETE ON rows REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_rows_deleted()',
  'CREATE TRIGGER stat_rows_truncated AFTER TRUNCATE ON rows FOR EACH STATEMENT EXECUTE FUNCTION stat_rows_truncated()',
  ...REBUILD_STATS,
];
