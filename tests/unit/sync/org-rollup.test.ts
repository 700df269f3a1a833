import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { migrate } from '../../../server/sync/migrations';
import { annualRollUp } from '../../../server/sync/store/annual-report';
import { createOrg, listOrgs, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { adminOverview, adminOverviewAll } from '../../../server/sync/store/overview';
import { createUnion } from '../../../server/sync/store/unions';
import type { AdminOrg } from '../../../shared/sync/admin';
import { employeeFigures, rollUpReport, type AnnualReportUnion } from '../../../shared/sync/annual-report';
import { addStats, calendarYear, upwardStats, ZERO_STATS, type StatsPeriod, type StatsRows } from '../../../shared/sync/stats';
import { backends } from './backends';
import { randomUnionRows, storeRows } from './stats-rows';

// Profiles as devices may have stored them: good, absent counts, wrong types, deleted, two rows.
const PROFILES: unknown[][] = [
  [{ id: 'p', employeeCount: 120, womenEmployeeCount: 50, deleted: 0 }],
  [{ id: 'p', deleted: 0 }],
  [{ id: 'p', employeeCount: 'many', womenEmployeeCount: 3, deleted: 0 }],
  [{ id: 'p', employeeCount: 2_000_000, deleted: 0 }],
  [
    { id: 'a', employeeCount: 7, womenEmployeeCount: 1.5, deleted: 1 },
    { id: 'b', employeeCount: 9, womenEmployeeCount: 4, deleted: 0 },
  ],
  [{ id: 'p', employeeCount: 10, womenEmployeeCount: null, deleted: '0' }],
  [],
];
const STATUSES = [null, 'submitted', 'returned', 'accepted'] as const;
const LABEL = { submitted: '已报送', returned: '已退回', accepted: '已接收' } as const;

describe.each(backends())('organisation totals and union pages on $name', (backend) => {
  let db: Database;
  const unions: {
    id: string;
    code: string;
    name: string;
    orgId: string;
    rows: StatsRows;
    profile: unknown[];
    status: (typeof STATUSES)[number];
  }[] = [];
  let orgs: (AdminOrg & { depth: number })[] = [];
  beforeAll(async () => {
    db = await backend.fresh();
    await migrate(db);
    await createOrg(db, ROOT_ORG_ID, { code: 'D1', name: '一区' });
    await createOrg(db, ROOT_ORG_ID, { code: 'D2', name: '二区' });
    await createOrg(db, ROOT_ORG_ID, { code: 'T1', name: '一镇', parentCode: 'D1' });
    await createOrg(db, ROOT_ORG_ID, { code: 'T2', name: '二镇', parentCode: 'D1' });
    await createOrg(db, ROOT_ORG_ID, { code: 'T3', name: '三镇', parentCode: 'D2' });
    await createOrg(db, ROOT_ORG_ID, { code: 'E1', name: '空组织', parentCode: 'D2' });
    orgs = await listOrgs(db, ROOT_ORG_ID);
    const homes = ['T1', 'T2', 'T3', 'D1', 'root', 'T1', 'D2'];
    for (let i = 1; i <= 14; i++) {
      const home = orgs.find((o) => o.code === homes[i % homes.length] || o.id === homes[i % homes.length])!;
      const code = `U${String(i).padStart(2, '0')}`;
      const name = i % 3 === 0 ? `第${i}机关工会` : `第${i}企业工会`;
      const { union } = await createUnion(db, code, name, home.id);
      // One union in seven holds no rows at all.
      const rows = i % 7 === 0 ? { members: [], memberships: [], duesPayments: [], transactions: [] } : randomUnionRows(100 + i);
      const profile = PROFILES[i % PROFILES.length]!;
      await storeRows(db, union.id, { ...rows, union: profile });
      const status = STATUSES[i % STATUSES.length]!;
      if (status)
        await db.query(
          `INSERT INTO submissions (id, union_id, year, record_id, receipt_number, facts, status, submitted_at)
           VALUES ($1, $2, 2025, 'r', $3, '{}'::jsonb, $4, now())`,
          [`s${i}`, union.id, `BS-2025-${code}-01`, status],
        );
      unions.push({ id: union.id, code, name, orgId: home.id, rows, profile, status });
    }
  }, 180_000);
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });

  /** The organisation and every one below it. */
  const below = (orgId: string): Set<string> => {
    const out = new Set([orgId]);
    for (let grew = true; grew;) {
      grew = false;
      for (const o of orgs)
        if (o.parentId && out.has(o.parentId) && !out.has(o.id)) {
          out.add(o.id);
          grew = true;
        }
    }
    return out;
  };

  it('adds up the shared upwardStats of the unions below each organisation, with their report status', async () => {
    const year = 2025;
    const overview = await adminOverview(db, year, ROOT_ORG_ID);
    expect(overview.orgs.map((o) => o.code)).toEqual(orgs.map((o) => o.code));
    for (const org of overview.orgs) {
      const mine = unions.filter((u) => below(org.id).has(u.orgId));
      const expected = mine.reduce((sum, u) => addStats(sum, upwardStats(u.rows, calendarYear(year))), ZERO_STATS);
      expect(org.totals, org.code).toEqual({
        ...expected,
        unions: mine.length,
        submitted: mine.filter((u) => u.status === 'submitted').length,
      });
    }
    expect(overview.totals).toEqual(overview.orgs[0]!.totals);
    // The figures are worth comparing: the districts differ and hold members, dues and bad rows.
    const d1 = overview.orgs.find((o) => o.code === 'D1')!.totals;
    expect(d1.members).toBeGreaterThan(0);
    expect(d1.duesCollectedFen).toBeGreaterThan(0);
    expect(overview.totals.invalidRows).toBeGreaterThan(0);
    expect(overview.orgs.find((o) => o.code === 'E1')!.totals).toEqual({ ...ZERO_STATS, unions: 0, submitted: 0 });
  });

  it('rolls the 统计年报 up as the shared roll-up of each union’s figures and profile does, for any period', async () => {
    const periods: StatsPeriod[] = [{ from: '2024-10-01', to: '2025-09-30' }, calendarYear(2024), { from: '2025-02-17', to: '2026-03-09' }];
    for (const top of [ROOT_ORG_ID, orgs.find((o) => o.code === 'D2')!.id]) {
      // Depths count from the admin's own organisation.
      const scoped = await listOrgs(db, top);
      for (const period of periods) {
        const list: AnnualReportUnion[] = unions
          .filter((u) => below(top).has(u.orgId))
          .map((u) => {
            const staff = employeeFigures(u.profile);
            return {
              id: u.id,
              code: u.code,
              name: u.name,
              orgId: u.orgId,
              lastSyncAt: null,
              ...addStats(upwardStats(u.rows, period), { ...ZERO_STATS, invalidRows: staff.invalidRows }),
              employees: staff.employees,
              womenEmployees: staff.womenEmployees,
              reported: u.status === 'submitted' || u.status === 'accepted',
              reportStatus: u.status ? LABEL[u.status] : '未报送',
            };
          });
        const rolled = await annualRollUp(db, top, 2025, period);
        expect(rolled.orgs, `${top} ${period.from}…${period.to}`).toEqual(rollUpReport(scoped, list));
      }
    }
    const root = (await annualRollUp(db, ROOT_ORG_ID, 2025, periods[0]!)).orgs[0]!.totals;
    expect(root.employees).toBeGreaterThan(0);
    expect(root.reported).toBeGreaterThan(0);
  });

  it('pages through every union of the subtree exactly once, in order, with the count', async () => {
    for (const top of [ROOT_ORG_ID, orgs.find((o) => o.code === 'D1')!.id]) {
      const expected = unions
        .filter((u) => below(top).has(u.orgId))
        .map((u) => u.code)
        .sort();
      const seen: string[] = [];
      for (let offset = 0; offset < expected.length + 3; offset += 3) {
        const page = await adminOverview(db, 2025, top, { offset, limit: 3 });
        expect(page.page).toEqual({ offset, limit: 3, total: expected.length });
        seen.push(...page.unions.map((u) => u.code));
      }
      expect(seen).toEqual(expected);
      expect((await adminOverviewAll(db, 2025, top)).unions.map((u) => u.code)).toEqual(expected);
    }
  });

  it('filters the pages by organisation, report status and text, sorts them, and gives each union its own figures', async () => {
    const codes = async (query: Parameters<typeof adminOverview>[3]) =>
      (await adminOverview(db, 2025, ROOT_ORG_ID, { limit: 500, ...query })).unions.map((u) => u.code);
    const d2 = below(orgs.find((o) => o.code === 'D2')!.id);
    expect(await codes({ org: 'D2' })).toEqual(unions.filter((u) => d2.has(u.orgId)).map((u) => u.code));
    expect(await codes({ status: '未报送' })).toEqual(unions.filter((u) => !u.status).map((u) => u.code));
    expect(await codes({ status: '已退回' })).toEqual(unions.filter((u) => u.status === 'returned').map((u) => u.code));
    expect(await codes({ q: '机关' })).toEqual(unions.filter((u) => u.name.includes('机关')).map((u) => u.code));
    expect(await codes({ q: 'u1' })).toEqual(unions.filter((u) => u.code.startsWith('U1')).map((u) => u.code));
    expect(await codes({ q: '%' })).toEqual([]);
    expect(await codes({ sort: 'name', order: 'desc', limit: 4 })).toEqual(
      [...unions]
        .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
        .slice(0, 4)
        .map((u) => u.code),
    );
    const page = await adminOverview(db, 2025, ROOT_ORG_ID, { offset: 4, limit: 5 });
    for (const row of page.unions) {
      const u = unions.find((x) => x.id === row.id)!;
      expect(row).toMatchObject({ ...upwardStats(u.rows, calendarYear(2025)), reportStatus: u.status ? LABEL[u.status] : '未报送' });
    }
    // A town's admin cannot reach another district's organisation.
    const t1 = orgs.find((o) => o.code === 'T1')!.id;
    await expect(adminOverview(db, 2025, t1, { org: 'D2' })).rejects.toThrow('组织不存在');
  });
});
