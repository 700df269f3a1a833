import type { StatsPeriod, UpwardStats } from '../../../shared/sync/stats';
import type { Queryable } from '../db';
import { MEASURES } from '../stats-maintenance';
import { subtreeCte } from './orgs';

const LIST = MEASURES.join(', ');

/**
 * The sums of the kept contributions (stats-maintenance.ts) of every union of `param`'s prefix:
 * those dated up to `day` when `inclusive`, before it otherwise. Whole years before the day's year,
 * then the months of its year before its month, then the days of its month. A date field holds any
 * string; these ranges hold exactly the strings up to the day, compared byte by byte.
 */
const upTo = (sign: 1 | -1, day: string, inclusive: boolean) => `
  SELECT ${sign} AS sign, y.union_key, ${LIST} FROM stat_years y JOIN scoped s ON s.key = y.union_key WHERE y.year < left(${day}, 4)
  UNION ALL SELECT ${sign}, m.union_key, ${LIST} FROM stat_months m JOIN scoped s ON s.key = m.union_key
    WHERE m.month >= left(${day}, 4) AND m.month < left(${day}, 7)
  UNION ALL SELECT ${sign}, d.union_key, ${LIST} FROM stat_days d JOIN scoped s ON s.key = d.union_key
    WHERE d.day >= left(${day}, 7) AND d.day ${inclusive ? '<=' : '<'} ${day}`;

/**
 * The upward statistics of every union in `top`'s subtree that holds rows the figures read, for a
 * period: sums of the figures the database keeps as rows change, so no member row is read into Node
 * and no stored row is read at all. Members on the last day are the contributions up to it; the
 * figures of the period (joined, left, dues …) those up to its last day less those before its first.
 * They equal `upwardStats` of shared/sync/stats.ts over the same rows (tests/unit/sync/stats-sql.test.ts).
 */
export async function upwardStatsByUnion(db: Queryable, top: string, period: StatsPeriod): Promise<Map<string, UpwardStats>> {
  const rows = await db.query<Record<string, unknown> & { union_id: string }>(
    `${subtreeCte('$1')},
     scoped AS (SELECT u.key, u.id FROM unions u JOIN subtree s ON s.id = u.org_id),
     parts AS (${upTo(1, '$3::text COLLATE "C"', true)} UNION ALL ${upTo(-1, '$2::text COLLATE "C"', false)}),
     sums AS (
       SELECT union_key,
         sum(members) FILTER (WHERE sign = 1) AS members, sum(women) FILTER (WHERE sign = 1) AS women,
         sum(farmer_workers) FILTER (WHERE sign = 1) AS farmer_workers, sum(in_service) FILTER (WHERE sign = 1) AS in_service,
         sum(sign * joined) AS joined, sum(sign * new_members) AS new_members, sum(sign * left_n) AS left_n,
         sum(sign * dues) AS dues, sum(sign * income) AS income, sum(sign * spending) AS spending
       FROM parts GROUP BY union_key
     )
     SELECT s.id AS union_id, p.members, p.women, p.farmer_workers, p.in_service, p.joined, p.new_members, p.left_n,
       p.dues, p.income, p.spending, c.invalid_rows
     FROM stat_unions c JOIN scoped s ON s.key = c.union_key LEFT JOIN sums p ON p.union_key = c.union_key`,
    [top, period.from, period.to],
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
