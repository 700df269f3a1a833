import type { StatsPeriod, UpwardStats } from '../../../shared/sync/stats';
import type { Queryable } from '../db';
import { listOrgs } from './orgs';
import { periodPartsSql } from './stats-period';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function checkPeriod(period: StatsPeriod): void {
  if (!ISO_DAY.test(period.from) || !ISO_DAY.test(period.to)) throw new Error(`not a period: ${period.from}…${period.to}`);
}

/** The measures summed over a period's parts, as the columns `statsOf` reads. */
export const SUMMED = `sum(members) AS members, sum(women) AS women, sum(farmer_workers) AS farmer_workers,
  sum(in_service) AS in_service, sum(joined) AS joined, sum(new_members) AS new_members, sum(left_n) AS left_n,
  sum(dues) AS dues, sum(income) AS income, sum(spending) AS spending`;

const n = (v: unknown) => Number(v ?? 0);

/** A row of `SUMMED` columns and `invalid_rows` as figures (a missing sum is 0). */
export function statsOf(r: Record<string, unknown>): UpwardStats {
  return {
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
  };
}

/**
 * The upward statistics of the unions in `top`'s subtree (or only those of `unionIds` among them)
 * that hold rows the figures read, for a period: sums of the figures the database keeps as rows
 * change, so no member row is read into Node and no stored row is read at all. Members on the last
 * day are the contributions up to it; the figures of the period (joined, left, dues …) those up to
 * its last day less those before its first (stats-period.ts picks the sums to read). They equal
 * `upwardStats` of shared/sync/stats.ts over the same rows (tests/unit/sync/stats-sql.test.ts).
 */
export async function upwardStatsByUnion(
  db: Queryable,
  top: string,
  period: StatsPeriod,
  unionIds?: readonly string[],
): Promise<Map<string, UpwardStats>> {
  checkPeriod(period);
  // The subtree's organisations (a few hundred at most) scope the unions: the planner estimates
  // `org_id = ANY(…)` from the column's statistics, which it cannot for a recursive CTE.
  const orgIds = (await listOrgs(db, top)).map((o) => o.id);
  if (!orgIds.length || unionIds?.length === 0) return new Map();
  const params: unknown[] = [orgIds, unionIds ?? null];
  const p = (value: unknown) => `$${params.push(value)}::text COLLATE "C"`;
  const scope = `JOIN unions u ON u.key = t.union_key AND u.org_id = ANY($1::text[]) AND ($2::text[] IS NULL OR u.id = ANY($2::text[]))`;
  const parts = periodPartsSql(period, p, { join: scope, select: 'u.id' });
  const rows = await db.query<Record<string, unknown> & { id: string }>(
    `WITH parts AS (${parts}),
     sums AS (SELECT union_key, ${SUMMED} FROM parts GROUP BY union_key)
     SELECT u.id, p.*, c.invalid_rows
     FROM unions u JOIN stat_unions c ON c.union_key = u.key LEFT JOIN sums p ON p.union_key = u.key
     WHERE u.org_id = ANY($1::text[]) AND ($2::text[] IS NULL OR u.id = ANY($2::text[]))`,
    params,
  );
  return new Map(rows.map((r) => [r.id, statsOf(r)]));
}
