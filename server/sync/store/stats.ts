import type { StatsPeriod, UpwardStats } from '../../../shared/sync/stats';
import type { Queryable } from '../db';
import { MEASURES } from '../stats-maintenance';
import { subtreeCte } from './orgs';

const LIST = MEASURES.join(', ');
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first string after every string that starts with `prefix`, byte by byte. */
const successor = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/**
 * The parts whose sum is every kept contribution of the scoped unions dated up to `day` (`inclusive`)
 * or before it, times `sign`: whole decades before the day's decade, the years of its decade before
 * its year, then either the months of its year before its month and that month's days up to the
 * day, or the months up to and with its month less that month's days after the day, whichever reads
 * fewer days. A date field holds any string; each range holds exactly the strings it should, compared
 * byte by byte. `p` adds a parameter and answers its placeholder.
 */
function upTo(sign: 1 | -1, day: string, inclusive: boolean, p: (value: unknown) => string): string {
  const from = (table: string, where: string, s: number = sign) =>
    `SELECT ${sign === 1 ? "'to'" : "'from'"} AS part, ${s} AS sign, t.union_key, ${LIST} FROM ${table} t JOIN scoped s ON s.key = t.union_key WHERE ${where}`;
  const [d3, d4, d7, d] = [p(day.slice(0, 3)), p(day.slice(0, 4)), p(day.slice(0, 7)), p(day)];
  const early = Number(day.slice(8, 10)) <= 15;
  return [
    from('stat_decades', `t.decade < ${d3}`),
    from('stat_years', `t.year >= ${d3} AND t.year < ${d4}`),
    early ? from('stat_months', `t.month >= ${d4} AND t.month < ${d7}`) : from('stat_months', `t.month >= ${d4} AND t.month <= ${d7}`),
    early
      ? from('stat_days', `t.day >= ${d7} AND t.day ${inclusive ? '<=' : '<'} ${d}`)
      : from('stat_days', `t.day ${inclusive ? '>' : '>='} ${d} AND t.day < ${p(successor(day.slice(0, 7)))}`, -sign),
  ].join(' UNION ALL ');
}

/**
 * The upward statistics of every union in `top`'s subtree that holds rows the figures read, for a
 * period: sums of the figures the database keeps as rows change, so no member row is read into Node
 * and no stored row is read at all. Members on the last day are the contributions up to it; the
 * figures of the period (joined, left, dues …) those up to its last day less those before its first.
 * They equal `upwardStats` of shared/sync/stats.ts over the same rows (tests/unit/sync/stats-sql.test.ts).
 */
export async function upwardStatsByUnion(db: Queryable, top: string, period: StatsPeriod): Promise<Map<string, UpwardStats>> {
  if (!ISO_DAY.test(period.from) || !ISO_DAY.test(period.to)) throw new Error(`not a period: ${period.from}…${period.to}`);
  // The subtree's unions first, so the planner knows how many it joins (a recursive CTE's estimate is blind).
  const scoped = await db.query<{ key: unknown; id: string }>(
    `${subtreeCte('$1')} SELECT u.key, u.id FROM unions u JOIN subtree s ON s.id = u.org_id`,
    [top],
  );
  if (!scoped.length) return new Map();
  const params: unknown[] = [scoped.map((u) => Number(u.key))];
  const p = (value: unknown) => `$${params.push(value)}::text COLLATE "C"`;
  const parts = `${upTo(1, period.to, true, p)} UNION ALL ${upTo(-1, period.from, false, p)}`;
  const rows = await db.query<Record<string, unknown> & { union_key: unknown }>(
    `WITH scoped AS (SELECT unnest($1::int[]) AS key),
     parts AS (${parts}),
     sums AS (
       SELECT union_key,
         ${['members', 'women', 'farmer_workers', 'in_service'].map((m) => `sum(sign * ${m}) FILTER (WHERE part = 'to') AS ${m}`).join(', ')},
         ${['joined', 'new_members', 'left_n', 'dues', 'income', 'spending'].map((m) => `sum(sign * ${m}) AS ${m}`).join(', ')}
       FROM parts GROUP BY union_key
     )
     SELECT c.union_key, p.members, p.women, p.farmer_workers, p.in_service, p.joined, p.new_members, p.left_n,
       p.dues, p.income, p.spending, c.invalid_rows
     FROM stat_unions c JOIN scoped s ON s.key = c.union_key LEFT JOIN sums p ON p.union_key = c.union_key`,
    params,
  );
  const idOf = new Map(scoped.map((u) => [Number(u.key), u.id]));
  const n = (v: unknown) => Number(v ?? 0);
  return new Map(
    rows.map((r) => [
      idOf.get(Number(r.union_key))!,
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
