import type { AdminOverview, AdminUnionRow } from '../../../shared/sync/admin';
import { addStats, upwardStats, ZERO_STATS } from '../../../shared/sync/stats';
import type { Queryable } from '../db';
import { currentSubmissions } from './submissions';
import { listUnions } from './unions';
import { json } from './util';

const STATUS_LABEL = { submitted: '已报送', returned: '已退回', accepted: '已接收' } as const;

/**
 * The dashboard's table: per union, the upward statistics computed from its synced rows with the
 * same shared function the app uses, and the year's report status; plus totals across unions.
 */
export async function adminOverview(db: Queryable, year: number): Promise<AdminOverview> {
  const unions = await listUnions(db);
  const submissions = await currentSubmissions(db, year);
  // Only the two tables the figures need, and only the year's dues, are read.
  const rows = await db.query<{ union_id: string; tbl: string; data: unknown }>(
    `SELECT u.id AS union_id, r.tbl, r.data FROM rows r JOIN unions u ON u.key = r.union_key
     WHERE r.tbl = 'members' OR (r.tbl = 'duesPayments' AND r.data->>'paidDate' LIKE $1)`,
    [`${year}-%`],
  );
  // Rows as the devices sent them: upwardStats counts what it cannot read instead of trusting types.
  const members = new Map<string, unknown[]>();
  const dues = new Map<string, unknown[]>();
  for (const r of rows) {
    const target = r.tbl === 'members' ? members : dues;
    const list = target.get(r.union_id) ?? [];
    if (!list.length) target.set(r.union_id, list);
    list.push(json(r.data));
  }
  let totals = ZERO_STATS;
  const list: AdminUnionRow[] = unions.map((u) => {
    const stats = upwardStats(members.get(u.id) ?? [], dues.get(u.id) ?? [], year);
    totals = addStats(totals, stats);
    const sub = submissions.find((s) => s.unionId === u.id);
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      createdAt: u.createdAt ?? '',
      lastSyncAt: u.lastSyncAt,
      devices: u.devices,
      ...stats,
      reportYear: year,
      reportStatus: sub ? STATUS_LABEL[sub.status] : '未报送',
      submissionId: sub?.id ?? null,
      receiptNumber: sub?.receiptNumber ?? '',
      returnReason: sub?.returnReason ?? '',
      documents: sub?.documents ?? [],
    };
  });
  return {
    year,
    unions: list,
    totals: { unions: list.length, ...totals, submitted: list.filter((u) => u.reportStatus === '已报送').length },
  };
}
