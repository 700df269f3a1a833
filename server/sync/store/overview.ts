import {
  unionPageSchema,
  type AdminOverview,
  type AdminOverviewPage,
  type AdminTotals,
  type AdminUnionRow,
  type UnionPageQuery,
} from '../../../shared/sync/admin';
import { calendarYear, ZERO_STATS } from '../../../shared/sync/stats';
import type { Queryable } from '../db';
import { rollUpOrgs, type OrgRollUp } from './org-rollup';
import { requireOrg } from './orgs';
import { upwardStatsByUnion } from './stats';
import { currentSubmissions } from './submissions';
import { isoOrNull } from './util';

const STATUS_LABEL = { submitted: '已报送', returned: '已退回', accepted: '已接收' } as const;
const STATUS_OF = { 已报送: 'submitted', 已退回: 'returned', 已接收: 'accepted' } as const;
const SORT_COLUMN = { code: 'u.code', name: 'u.name', lastSyncAt: 'u.last_sync_at' } as const;

const totalsOf = (r: OrgRollUp): AdminTotals => ({ unions: r.unions, ...r.stats, submitted: r.submitted });

/**
 * The dashboard's table for an admin: the organisations of its subtree with their totals and the
 * subtree's totals (added up in SQL, org-rollup.ts), and one page of its unions (`page`: by code
 * unless asked otherwise), each with its upward statistics and the year's report status. Only the
 * page's unions are read, so a city's root costs what a town's does plus its sums.
 */
export async function adminOverview(db: Queryable, year: number, top: string, page: UnionPageQuery = {}): Promise<AdminOverviewPage> {
  const query = unionPageSchema.parse(page);
  const rolled = await rollUpOrgs(db, top, year, calendarYear(year));
  const orgs = rolled.map((r) => ({ ...r.org, totals: totalsOf(r) }));
  const within = query.org ? (await requireOrg(db, top, query.org)).id : top;
  const params: unknown[] = [within, year];
  const where: string[] = [];
  if (query.status === '未报送') where.push('cur.status IS NULL');
  else if (query.status) where.push(`cur.status = $${params.push(STATUS_OF[query.status])}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(`(u.code ILIKE $${params.push(like)} OR u.name ILIKE $${params.length})`);
  }
  const order = `${SORT_COLUMN[query.sort]} ${query.order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}, u.code`;
  const rows = await db.query<{
    id: string;
    key: unknown;
    code: string;
    name: string;
    org_id: string;
    created_at: unknown;
    last_sync_at: unknown;
    total: unknown;
  }>(
    `WITH RECURSIVE subtree(id) AS (
       SELECT id FROM orgs WHERE id = $1 UNION ALL SELECT o.id FROM orgs o JOIN subtree s ON o.parent_id = s.id
     ),
     cur AS (
       SELECT DISTINCT ON (union_id) union_id, status FROM submissions WHERE year = $2 AND is_current ORDER BY union_id, submitted_at DESC
     )
     SELECT u.id, u.code, u.name, u.org_id, u.created_at, u.last_sync_at, count(*) OVER () AS total
     FROM unions u JOIN subtree s ON s.id = u.org_id LEFT JOIN cur ON cur.union_id = u.id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${order} LIMIT ${query.limit} OFFSET ${query.offset}`,
    params,
  );
  // A page past the end still answers how many there are.
  const total = rows.length
    ? Number(rows[0]!.total)
    : query.offset > 0
      ? (await adminOverview(db, year, top, { ...query, offset: 0, limit: 1 })).page.total
      : 0;
  const ids = rows.map((r) => r.id);
  const stats = await upwardStatsByUnion(db, within, calendarYear(year), ids);
  const submissions = new Map((await currentSubmissions(db, year, { unionIds: ids })).map((s) => [s.unionId, s]));
  const devices = new Map(
    (
      await db.query<{ union_id: string; n: unknown }>(
        'SELECT union_id, count(*) AS n FROM devices WHERE union_id = ANY($1::text[]) AND revoked_at IS NULL GROUP BY union_id',
        [ids],
      )
    ).map((d) => [d.union_id, Number(d.n)]),
  );
  const unions: AdminUnionRow[] = rows.map((u) => {
    const sub = submissions.get(u.id);
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      orgId: u.org_id,
      createdAt: isoOrNull(u.created_at) ?? '',
      lastSyncAt: isoOrNull(u.last_sync_at),
      devices: devices.get(u.id) ?? 0,
      ...(stats.get(u.id) ?? ZERO_STATS),
      reportYear: year,
      reportStatus: sub ? STATUS_LABEL[sub.status] : '未报送',
      submissionId: sub?.id ?? null,
      receiptNumber: sub?.receiptNumber ?? '',
      returnReason: sub?.returnReason ?? '',
      documents: sub?.documents ?? [],
    };
  });
  return { year, orgs, unions, totals: orgs[0]!.totals, page: { offset: query.offset, limit: query.limit, total } };
}

/** Every union of the subtree, a page at a time (the CLI's `server stats`, which prints them all). */
export async function adminOverviewAll(db: Queryable, year: number, top: string): Promise<AdminOverview> {
  const first = await adminOverview(db, year, top, { limit: 500 });
  const unions = [...first.unions];
  while (unions.length < first.page.total) {
    const next = await adminOverview(db, year, top, { limit: 500, offset: unions.length });
    if (!next.unions.length) break;
    unions.push(...next.unions);
  }
  return { year: first.year, orgs: first.orgs, unions, totals: first.totals };
}
