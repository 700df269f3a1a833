import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { migrate } from '../../../server/sync/migrations';
import { createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { adminOverview } from '../../../server/sync/store/overview';
import { upwardStatsByUnion } from '../../../server/sync/store/stats';
import { createUnion } from '../../../server/sync/store/unions';
import { generateDemoBook } from '../../../shared/demo/generator';
import { calendarYear, upwardStats, type StatsRows } from '../../../shared/sync/stats';
import { backends } from './backends';
import { randomUnionRows, storeRows as store } from './stats-rows';

const dues = (amountFen: unknown, paidDate: unknown = '2025-03-01', deleted: unknown = 0) => ({ id: 'p', amountFen, paidDate, deleted });
const member = (fields: Record<string, unknown>) => ({
  id: 'm',
  status: 'active',
  gender: '男',
  isMigrantWorker: false,
  deleted: 0,
  ...fields,
});
const event = (memberId: unknown, kind: unknown, date: unknown, id = `e-${String(memberId)}-${String(kind)}-${String(date)}`) => ({
  id,
  memberId,
  kind,
  date,
  reason: '',
  otherUnion: '',
  deleted: 0,
});
const entry = (fields: Record<string, unknown>) => ({
  id: 't',
  date: '2025-04-01',
  place: 'bank',
  accountCode: '50102',
  amountFen: 1_000,
  summary: '',
  deleted: 0,
  ...fields,
});

// Rows an older server stored or a broken device could have sent: every way a needed field can have the wrong type.
const ODD: StatsRows = {
  members: [
    member({ id: 'w1', gender: '女', isMigrantWorker: true }),
    member({ id: 'n1', gender: null, isMigrantWorker: null, joinDate: null }),
    member({ id: 'r1', status: 'retired', gender: '女', joinDate: '2025-02-01' }),
    member({ gender: { zh: '女' } }),
    member({ status: ['active'] }),
    member({ status: 'someday' }),
    member({ isMigrantWorker: 'false' }),
    member({ joinDate: 20250101 }),
    member({ status: 'left' }),
    member({ deleted: 1, gender: 7 }),
    member({ deleted: '0' }),
    'not a row',
    [1, 2],
    null,
  ],
  memberships: [
    event('w1', 'join', '2025-05-01'),
    event('w1', 'retire', '2025-11-01'),
    event('w1', 'gone', '2025-06-01'),
    event(7, 'join', '2025-06-01'),
    event('w1', 'leave', 20250601),
    event('ghost', 'join', '2025-06-01'),
    { ...event('w1', 'leave', '2025-07-01'), deleted: 1 },
    'event',
  ],
  duesPayments: [
    dues(2500),
    dues(-500),
    dues(1e3),
    dues('abc'),
    dues(1e308),
    dues({ fen: 1 }),
    dues(Number.NaN),
    dues(1.5),
    dues(100, 20250301),
    dues(9900, '2024-12-01'),
    dues('junk', '2025-01-01', 1),
    dues(100_000_000_000_001),
    null,
  ],
  transactions: [
    entry({ accountCode: '401', amountFen: 30_000 }),
    entry({ accountCode: '402', amountFen: 10_000, payableFen: 4_000 }),
    entry({ accountCode: '402', amountFen: -10_000, payableFen: -4_000 }),
    entry({ accountCode: '50102', amountFen: 2_000 }),
    entry({ accountCode: '50102', amountFen: -500 }),
    entry({ accountCode: '101', amountFen: 5_000 }),
    entry({ accountCode: '221', amountFen: 4_000 }),
    entry({ accountCode: '999', amountFen: 100 }),
    entry({ accountCode: 401, amountFen: 100 }),
    entry({ amountFen: '100' }),
    entry({ payableFen: 'x' }),
    entry({ date: null }),
    entry({ date: '2024-12-31', accountCode: '401' }),
    entry({ deleted: 1, amountFen: 'x' }),
  ],
};

describe.each(backends())('statistics computed by the database on $name', (backend) => {
  let db: Database;
  const book = generateDemoBook({ seed: 7, members: 120, years: 2, endMonth: '2025-12' });
  const bookRows: StatsRows = book;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    db = await backend.fresh();
    await migrate(db);
    const district = await createOrg(db, ROOT_ORG_ID, { code: 'D1', name: '一区' });
    const town = await createOrg(db, ROOT_ORG_ID, { code: 'T1', name: '一镇', parentCode: 'D1' });
    ids.BOOK = (await createUnion(db, 'BOOK', '示例工会', town.id)).union.id;
    ids.ODD = (await createUnion(db, 'ODD', '旧数据工会', district.id)).union.id;
    ids.EMPTY = (await createUnion(db, 'EMPTY', '空工会')).union.id;
    await store(db, ids.BOOK, bookRows);
    await store(db, ids.ODD, ODD);
  });
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });

  it('equals the shared upwardStats over the same rows, per union and period', async () => {
    const periods = [calendarYear(2024), calendarYear(2025), calendarYear(2026), { from: '2024-10-01', to: '2025-09-30' }];
    for (const period of periods) {
      const sql = await upwardStatsByUnion(db, ROOT_ORG_ID, period);
      expect(sql.get(ids.BOOK!)).toEqual(upwardStats(bookRows, period));
      expect(sql.get(ids.ODD!)).toEqual(upwardStats(ODD, period));
      expect(sql.has(ids.EMPTY!)).toBe(false);
    }
    // The rows have figures worth comparing.
    const figures = upwardStats(bookRows, calendarYear(2025));
    for (const key of ['members', 'women', 'inService', 'joined', 'newMembers', 'duesCollectedFen', 'incomeFen', 'spendingFen'] as const)
      expect(figures[key], key).toBeGreaterThan(0);
    expect(figures.members).toBeGreaterThan(figures.inService);
    expect(upwardStats(ODD, calendarYear(2025))).toEqual({
      // w1 joined 05-01 and retired 11-01, n1 has no history, r1 joined 02-01 and is retired.
      members: 3,
      women: 2,
      farmerWorkers: 1,
      inService: 1,
      joined: 2,
      newMembers: 2,
      left: 0,
      duesCollectedFen: 3_000,
      // 401 30,000 + 402 (10,000 − 4,000) reversed to nothing; 101 and 221 are neither.
      incomeFen: 30_000,
      spendingFen: 1_500,
      invalidRows: 8 + 4 + 8 + 5,
    });
  });

  it('equals the shared upwardStats on random rows of many shapes', async () => {
    const unions: { id: string; rows: StatsRows }[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const rows = randomUnionRows(seed);
      const id = (await createUnion(db, `RND${seed}`, `随机${seed}`)).union.id;
      await store(db, id, rows);
      unions.push({ id, rows });
    }
    for (const period of [calendarYear(2024), calendarYear(2025), { from: '2024-10-01', to: '2025-09-30' }]) {
      const sql = await upwardStatsByUnion(db, ROOT_ORG_ID, period);
      for (const u of unions) expect(sql.get(u.id)).toEqual(upwardStats(u.rows, period));
    }
    const all = unions.map((u) => upwardStats(u.rows, calendarYear(2025)));
    for (const key of ['joined', 'left', 'newMembers', 'inService', 'incomeFen', 'spendingFen', 'invalidRows'] as const)
      expect(
        all.some((s) => s[key] !== 0),
        key,
      ).toBe(true);
  });

  it('rolls the figures up each level of the tree and keeps a subtree to itself', async () => {
    const year = 2025;
    const bookStats = upwardStats(bookRows, calendarYear(year));
    const oddStats = upwardStats(ODD, calendarYear(year));
    const all = await adminOverview(db, year, ROOT_ORG_ID);
    const at = (code: string) => all.orgs.find((o) => o.code === code)!.totals;
    expect(at('T1')).toEqual({ unions: 1, submitted: 0, ...bookStats });
    expect(at('D1')).toMatchObject({
      unions: 2,
      members: bookStats.members + oddStats.members,
      women: bookStats.women + oddStats.women,
      joined: bookStats.joined + oddStats.joined,
      incomeFen: bookStats.incomeFen + oddStats.incomeFen,
      duesCollectedFen: bookStats.duesCollectedFen + oddStats.duesCollectedFen,
      invalidRows: oddStats.invalidRows,
    });
    const townId = all.orgs.find((o) => o.code === 'T1')!.id;
    const town = await adminOverview(db, year, townId);
    expect(town.unions.map((u) => u.code)).toEqual(['BOOK']);
    expect(town.orgs.map((o) => o.code)).toEqual(['T1']);
  });
});
