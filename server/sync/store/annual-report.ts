import { addStats, ZERO_STATS, type StatsPeriod } from '../../../shared/sync/stats';
import { employeeFigures, type AnnualReport, type AnnualReportOrg, type AnnualReportUnion } from '../../../shared/sync/annual-report';
import type { Queryable } from '../db';
import { rollUpOrgs } from './org-rollup';
import { subtreeCte } from './orgs';
import { upwardStatsByUnion } from './stats';
import { currentSubmissions } from './submissions';
import { listUnions } from './unions';

const STATUS_LABEL = { submitted: '已报送', returned: '已退回', accepted: '已接收' } as const;

/**
 * The 统计年报 of `top`'s subtree for a statistics period: the figures of shared/sync/stats.ts by SQL
 * aggregates, 职工/女职工 from each union's profile row (one small row per union, read through the
 * shared `employeeFigures`), and whether the year's report is with the upper union.
 */
export async function annualReport(db: Queryable, top: string, year: number, period: StatsPeriod): Promise<AnnualReport> {
  const { orgs } = await annualRollUp(db, top, year, period);
  const unions = await listUnions(db, top);
  const stats = await upwardStatsByUnion(db, top, period);
  const profiles = await db.query<{ union_id: string; profile: unknown }>(
    `${subtreeCte('$1')}
     SELECT u.id AS union_id, json_build_object('id', r.row_id, 'deleted', r.data->'deleted',
       'employeeCount', r.data->'employeeCount', 'womenEmployeeCount', r.data->'womenEmployeeCount') AS profile
     FROM unions u JOIN subtree s ON s.id = u.org_id JOIN rows r ON r.union_key = u.key AND r.tbl = 'union'`,
    [top],
  );
  const profilesOf = new Map<string, unknown[]>();
  for (const p of profiles) profilesOf.set(p.union_id, [...(profilesOf.get(p.union_id) ?? []), parsed(p.profile)]);
  const submissions = new Map((await currentSubmissions(db, year, { top })).map((s) => [s.unionId, s]));
  const list: AnnualReportUnion[] = unions.map((u) => {
    const staff = employeeFigures(profilesOf.get(u.id) ?? []);
    const figures = addStats(stats.get(u.id) ?? ZERO_STATS, { ...ZERO_STATS, invalidRows: staff.invalidRows });
    const status = submissions.get(u.id)?.status;
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      orgId: u.orgId,
      lastSyncAt: u.lastSyncAt,
      ...figures,
      employees: staff.employees,
      womenEmployees: staff.womenEmployees,
      reported: status === 'submitted' || status === 'accepted',
      reportStatus: status ? STATUS_LABEL[status] : '未报送',
    };
  });
  return { year, period, orgs, unions: list };
}

/**
 * The 统计年报's totals per organisation of `top`'s subtree, added up in SQL (org-rollup.ts): what a
 * screen shows of it without reading a row per union; the export adds the unions (`annualReport`).
 */
export async function annualRollUp(
  db: Queryable,
  top: string,
  year: number,
  period: StatsPeriod,
): Promise<{ year: number; period: StatsPeriod; orgs: AnnualReportOrg[] }> {
  const rolled = await rollUpOrgs(db, top, year, period, { staff: true });
  const orgs = rolled.map((r) => ({
    ...r.org,
    totals: { ...r.stats, employees: r.employees, womenEmployees: r.womenEmployees, unions: r.unions, reported: r.reported },
  }));
  return { year, period, orgs };
}

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
