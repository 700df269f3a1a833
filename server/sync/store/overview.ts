import type { AdminOrg, AdminOverview, AdminTotals, AdminUnionRow } from '../../../shared/sync/admin';
import { addStats, calendarYear, pickStats, ZERO_STATS } from '../../../shared/sync/stats';
import type { Queryable } from '../db';
import { listOrgs } from './orgs';
import { currentSubmissions } from './submissions';
import { upwardStatsByUnion } from './stats';
import { listUnions } from './unions';

const STATUS_LABEL = { submitted: '已报送', returned: '已退回', accepted: '已接收' } as const;

/**
 * The dashboard's table for an admin: the organisations of its subtree, per union the upward
 * statistics and the year's report status, and totals across the subtree.
 */
export async function adminOverview(db: Queryable, year: number, top: string): Promise<AdminOverview> {
  const orgs = await listOrgs(db, top);
  const unions = await listUnions(db, top);
  const stats = await upwardStatsByUnion(db, top, calendarYear(year));
  const submissions = new Map((await currentSubmissions(db, year, { top })).map((s) => [s.unionId, s]));
  const list: AdminUnionRow[] = unions.map((u) => {
    const figures = stats.get(u.id) ?? ZERO_STATS;
    const sub = submissions.get(u.id);
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

/** Each organisation's totals over the unions of its own subtree (the unions were already added up per union in SQL). */
function rollUp(orgs: readonly (AdminOrg & { depth: number })[], unions: readonly AdminUnionRow[]) {
  const parentOf = new Map(orgs.map((o) => [o.id, o.parentId]));
  const under = new Map<string, AdminUnionRow[]>(orgs.map((o) => [o.id, []]));
  for (const u of unions)
    for (let at: string | null | undefined = u.orgId; at && under.has(at); at = parentOf.get(at)) under.get(at)!.push(u);
  return orgs.map((o) => ({ ...o, totals: totalsOf(under.get(o.id) ?? []) }));
}
