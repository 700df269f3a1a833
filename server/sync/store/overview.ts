import type { AdminOrg, AdminOverview, AdminTotals, AdminUnionRow } from '../../../shared/sync/admin';
import { MAX_FEN } from '../../../shared/records/spec';
import { addStats, ZERO_STATS, type UpwardStats } from '../../../shared/sync/stats';
import type { Queryable } from '../db';
import { listOrgs, subtreeCte } from './orgs';
import { currentSubmissions } from './submissions';
import { listUnions } from './unions';

const STATUS_LABEL = { submitted: '已报送', returned: '已退回', accepted: '已接收' } as const;

/**
 * The upward statistics of every union in `top`'s subtree for a year, computed by the database:
 * no member row is read into Node. Each row is classified as `shared/sync/stats.ts` classifies it
 * — the same rules, in SQL: a row whose needed fields have the wrong type is counted in
 * `invalidRows` and left out of the figures (the CASE arms run in order, so a cast only ever
 * meets a number). tests/unit/sync/stats-sql.test.ts holds the two to the same answers.
 */
export async function upwardStatsByUnion(db: Queryable, top: string, year: number): Promise<Map<string, UpwardStats>> {
  const rows = await db.query<{
    union_id: string;
    members: unknown;
    women: unknown;
    farmer_workers: unknown;
    dues: unknown;
    invalid_rows: unknown;
  }>(
    `${subtreeCte('$1')},
     scoped AS (SELECT u.key, u.id FROM unions u JOIN subtree s ON s.id = u.org_id),
     classified AS (
       SELECT r.union_key, r.tbl, r.data AS d,
         CASE
           WHEN json_typeof(r.data) <> 'object' THEN 'invalid'
           WHEN json_typeof(r.data->'deleted') IS DISTINCT FROM 'number' THEN 'deleted'
           WHEN (r.data->>'deleted')::numeric <> 0 THEN 'deleted'
           WHEN r.tbl = 'members' THEN
             CASE WHEN json_typeof(r.data->'status') = 'string'
                   AND coalesce(json_typeof(r.data->'gender'), 'null') IN ('null', 'string')
                   AND coalesce(json_typeof(r.data->'isMigrantWorker'), 'null') IN ('null', 'boolean')
                  THEN 'ok' ELSE 'invalid' END
           WHEN json_typeof(r.data->'paidDate') IS DISTINCT FROM 'string' THEN 'invalid'
           WHEN json_typeof(r.data->'amountFen') IS DISTINCT FROM 'number' THEN 'invalid'
           WHEN (r.data->>'amountFen')::numeric <> trunc((r.data->>'amountFen')::numeric) THEN 'invalid'
           WHEN abs((r.data->>'amountFen')::numeric) > $3 THEN 'invalid'
           ELSE 'ok'
         END AS state
       FROM rows r
       WHERE r.union_key IN (SELECT key FROM scoped) AND r.tbl IN ('members', 'duesPayments')
     ),
     counted AS (
       SELECT union_key,
         count(*) FILTER (WHERE state = 'invalid') AS invalid_rows,
         count(*) FILTER (WHERE state = 'ok' AND tbl = 'members' AND d->>'status' IN ('active', 'retired', 'unemployed')) AS members,
         count(*) FILTER (WHERE state = 'ok' AND tbl = 'members' AND d->>'status' IN ('active', 'retired', 'unemployed')
                            AND d->>'gender' = '女') AS women,
         count(*) FILTER (WHERE state = 'ok' AND tbl = 'members' AND d->>'status' IN ('active', 'retired', 'unemployed')
                            AND d->>'isMigrantWorker' = 'true') AS farmer_workers,
         coalesce(sum((d->>'amountFen')::numeric) FILTER (WHERE state = 'ok' AND tbl = 'duesPayments' AND left(d->>'paidDate', 5) = $2), 0) AS dues
       FROM classified GROUP BY union_key
     )
     SELECT s.id AS union_id, c.members, c.women, c.farmer_workers, c.dues, c.invalid_rows
     FROM counted c JOIN scoped s ON s.key = c.union_key`,
    [top, `${year}-`, MAX_FEN],
  );
  return new Map(
    rows.map((r) => [
      r.union_id,
      {
        members: Number(r.members),
        women: Number(r.women),
        farmerWorkers: Number(r.farmer_workers),
        duesCollectedFen: Number(r.dues),
        invalidRows: Number(r.invalid_rows),
      },
    ]),
  );
}

/**
 * The dashboard's table for an admin: the organisations of its subtree, per union the upward
 * statistics and the year's report status, and totals across the subtree.
 */
export async function adminOverview(db: Queryable, year: number, top: string): Promise<AdminOverview> {
  const orgs = await listOrgs(db, top);
  const unions = await listUnions(db, top);
  const stats = await upwardStatsByUnion(db, top, year);
  const inScope = new Set(unions.map((u) => u.id));
  const submissions = (await currentSubmissions(db, year)).filter((s) => inScope.has(s.unionId));
  const list: AdminUnionRow[] = unions.map((u) => {
    const figures = stats.get(u.id) ?? ZERO_STATS;
    const sub = submissions.find((s) => s.unionId === u.id);
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      orgId: u.orgId,
      createdAt: u.createdAt ?? '',
      lastSyncAt: u.lastSyncAt,
      devices: u.devices,
      ...figures,
      reportYear: year,
      reportStatus: sub ? STATUS_LABEL[sub.status] : '未报送',
      submissionId: sub?.id ?? null,
      receiptNumber: sub?.receiptNumber ?? '',
      returnReason: sub?.returnReason ?? '',
      documents: sub?.documents ?? [],
    };
  });
  return { year, orgs: rollUp(orgs, list), unions: list, totals: totalsOf(list) };
}

function totalsOf(unions: readonly AdminUnionRow[]): AdminTotals {
  let figures = ZERO_STATS;
  for (const u of unions) figures = addStats(figures, u);
  return { unions: unions.length, ...pickStats(figures), submitted: unions.filter((u) => u.reportStatus === '已报送').length };
}

const pickStats = (s: UpwardStats): UpwardStats => ({
  members: s.members,
  women: s.women,
  farmerWorkers: s.farmerWorkers,
  duesCollectedFen: s.duesCollectedFen,
  invalidRows: s.invalidRows,
});

/** Each organisation's totals over the unions of its own subtree (the unions were already added up per union in SQL). */
function rollUp(orgs: readonly (AdminOrg & { depth: number })[], unions: readonly AdminUnionRow[]) {
  const parentOf = new Map(orgs.map((o) => [o.id, o.parentId]));
  const under = new Map<string, AdminUnionRow[]>(orgs.map((o) => [o.id, []]));
  for (const u of unions)
    for (let at: string | null | undefined = u.orgId; at && under.has(at); at = parentOf.get(at)) under.get(at)!.push(u);
  return orgs.map((o) => ({ ...o, totals: totalsOf(under.get(o.id) ?? []) }));
}
