import type { AdminOrg } from '../../../shared/sync/admin';
import { MAX_EMPLOYEES } from '../../../shared/sync/annual-report';
import type { StatsPeriod, UpwardStats } from '../../../shared/sync/stats';
import type { Queryable } from '../db';
import { listOrgs } from './orgs';
import { checkPeriod, statsOf, SUMMED } from './stats';
import { periodPartsSql } from './stats-period';
import { withoutJit } from './util';

/** An organisation of the subtree with the totals over every union below it. */
export interface OrgRollUp {
  org: AdminOrg & { depth: number };
  stats: UpwardStats;
  unions: number;
  /** The year's report status: 已报送 (waiting for a decision), and 已报送 or 已接收 (with the upper union). */
  submitted: number;
  reported: number;
  /** 职工 and 女职工 from the unions' profiles (`staff` only), as `employeeFigures` reads them; a bad profile counts in stats.invalidRows. */
  employees: number;
  womenEmployees: number;
}

/** Whether a profile's count reads as `isCount` of shared/sync/annual-report.ts does (absent or null reads 0); the arms run in order. */
const countOk = (j: string, field: string) => `CASE
  WHEN ${j}->'${field}' IS NULL OR jsonb_typeof(${j}->'${field}') = 'null' THEN true
  WHEN jsonb_typeof(${j}->'${field}') <> 'number' THEN false
  WHEN (${j}->>'${field}')::numeric <> trunc((${j}->>'${field}')::numeric) THEN false
  ELSE (${j}->>'${field}')::numeric BETWEEN 0 AND ${MAX_EMPLOYEES} END`;

/**
 * The totals of every organisation of `top`'s subtree over the unions below it, for a period and a
 * report year, added up in SQL: the kept sums per organisation, then per ancestor (a closure of the
 * tree, a few hundred rows), so a city's root reads a few sums per union and no union row reaches
 * Node. They equal the shared figures of each union added up the tree (tests/unit/sync/org-rollup.test.ts).
 */
export async function rollUpOrgs(
  db: Queryable,
  top: string,
  year: number,
  period: StatsPeriod,
  options: { staff?: boolean } = {},
): Promise<OrgRollUp[]> {
  checkPeriod(period);
  const orgs = await listOrgs(db, top);
  if (!orgs.length) return [];
  const params: unknown[] = [orgs.map((o) => o.id), top, year];
  const p = (value: unknown) => `$${params.push(value)}::text COLLATE "C"`;
  const parts = periodPartsSql(period, p, {
    join: 'JOIN unions u ON u.key = t.union_key AND u.org_id = ANY($1::text[])',
    select: 'u.org_id',
  });
  const staff = options.staff
    ? `staff AS (
         SELECT DISTINCT ON (r.union_key) u.org_id, x.j
         FROM rows r JOIN unions u ON u.key = r.union_key AND u.org_id = ANY($1::text[]), LATERAL (SELECT r.data::jsonb AS j OFFSET 0) x
         WHERE r.tbl = 'union' AND jsonb_typeof(x.j) = 'object' AND jsonb_typeof(x.j->'deleted') = 'number'
           AND (x.j->>'deleted')::numeric = 0
         ORDER BY r.union_key, r.row_id COLLATE "C"
       ),
       staff_checked AS (SELECT org_id, j, (${countOk('j', 'employeeCount')}) AND (${countOk('j', 'womenEmployeeCount')}) AS ok FROM staff),
       staffed AS (
         SELECT org_id, sum(CASE WHEN ok THEN coalesce((j->>'employeeCount')::numeric, 0) ELSE 0 END) AS employees,
           sum(CASE WHEN ok THEN coalesce((j->>'womenEmployeeCount')::numeric, 0) ELSE 0 END) AS women_employees,
           count(*) FILTER (WHERE NOT ok) AS staff_invalid
         FROM staff_checked GROUP BY org_id
       ),`
    : `staffed AS (SELECT NULL::text AS org_id, 0 AS employees, 0 AS women_employees, 0 AS staff_invalid WHERE false),`;
  const rows = await withoutJit(db, (q) =>
    q.query<Record<string, unknown> & { org_id: string }>(
      `WITH RECURSIVE closure(org, anc) AS (
       SELECT id, id FROM orgs WHERE id = ANY($1::text[])
       UNION ALL SELECT c.org, o.parent_id FROM closure c JOIN orgs o ON o.id = c.anc WHERE c.anc <> $2 AND o.parent_id IS NOT NULL
     ),
     parts AS (${parts}),
     figures AS (SELECT org_id, ${SUMMED} FROM parts GROUP BY org_id),
     current AS (
       SELECT DISTINCT ON (union_id) union_id, status FROM submissions WHERE year = $3::int AND is_current
       ORDER BY union_id, submitted_at DESC
     ),
     counted AS (
       SELECT u.org_id, count(*) AS unions, count(*) FILTER (WHERE s.status = 'submitted') AS submitted,
         count(*) FILTER (WHERE s.status IN ('submitted', 'accepted')) AS reported, coalesce(sum(c.invalid_rows), 0) AS invalid_rows
       FROM unions u LEFT JOIN stat_unions c ON c.union_key = u.key LEFT JOIN current s ON s.union_id = u.id
       WHERE u.org_id = ANY($1::text[]) GROUP BY u.org_id
     ),
     ${staff}
     direct AS (
       SELECT k.org_id, k.unions, k.submitted, k.reported, k.invalid_rows + coalesce(st.staff_invalid, 0) AS invalid_rows,
         coalesce(st.employees, 0) AS employees, coalesce(st.women_employees, 0) AS women_employees,
         f.members, f.women, f.farmer_workers, f.in_service, f.joined, f.new_members, f.left_n, f.dues, f.income, f.spending
       FROM counted k LEFT JOIN figures f ON f.org_id = k.org_id LEFT JOIN staffed st ON st.org_id = k.org_id
     )
     SELECT c.anc AS org_id, sum(d.unions) AS unions, sum(d.submitted) AS submitted, sum(d.reported) AS reported,
       sum(d.invalid_rows) AS invalid_rows, sum(d.employees) AS employees, sum(d.women_employees) AS women_employees, ${SUMMED}
     FROM direct d JOIN closure c ON c.org = d.org_id GROUP BY c.anc`,
      params,
    ),
  );
  const byOrg = new Map(rows.map((r) => [r.org_id, r]));
  return orgs.map((org) => {
    const r: Record<string, unknown> = byOrg.get(org.id) ?? {};
    return {
      org,
      stats: statsOf(r),
      unions: Number(r.unions ?? 0),
      submitted: Number(r.submitted ?? 0),
      reported: Number(r.reported ?? 0),
      employees: Number(r.employees ?? 0),
      womenEmployees: Number(r.women_employees ?? 0),
    };
  });
}
