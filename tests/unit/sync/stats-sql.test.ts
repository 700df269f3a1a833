import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { migrate } from '../../../server/sync/migrations';
import { createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { adminOverview, upwardStatsByUnion } from '../../../server/sync/store/overview';
import { createUnion } from '../../../server/sync/store/unions';
import { generateDemoBook } from '../../../shared/demo/generator';
import { upwardStats } from '../../../shared/sync/stats';
import { backends } from './backends';

/** Rows written straight into the table, as a server stores them (and as a benchmark seeds it), not through the protocol. */
async function store(db: Database, unionId: string, tbl: string, rows: readonly unknown[]): Promise<void> {
  await db.query(
    `WITH u AS (UPDATE unions SET last_seq = last_seq + $4 WHERE id = $1 RETURNING key, last_seq - $4 AS base)
     INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
     SELECT u.key, $2, 'r' || e.i, e.v::json, '{}'::json, u.base + e.i FROM u, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(v, i)`,
    [unionId, tbl, JSON.stringify(rows), rows.length],
  );
}

const dues = (amountFen: unknown, paidDate: unknown = '2025-03-01', deleted: unknown = 0) => ({ id: 'p', amountFen, paidDate, deleted });
const member = (fields: Record<string, unknown>) => ({
  id: 'm',
  status: 'active',
  gender: '男',
  isMigrantWorker: false,
  deleted: 0,
  ...fields,
});

// Rows an older server stored or a broken device could have sent: every way a needed field can have the wrong type.
const ODD_MEMBERS = [
  member({ gender: '女', isMigrantWorker: true }),
  member({ gender: null, isMigrantWorker: null }),
  member({ status: 'retired', gender: '女' }),
  member({ gender: { zh: '女' } }),
  member({ status: ['active'] }),
  member({ isMigrantWorker: 'false' }),
  member({ status: 'left' }),
  member({ deleted: 1, gender: 7 }),
  member({ deleted: '0' }),
  'not a row',
  [1, 2],
  null,
];
const ODD_DUES = [
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
];

describe.each(backends())('statistics computed by the database on $name', (backend) => {
  let db: Database;
  const book = generateDemoBook({ seed: 7, members: 120, years: 2, endMonth: '2025-12' });
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    db = await backend.fresh();
    await migrate(db);
    const district = await createOrg(db, ROOT_ORG_ID, { code: 'D1', name: '一区' });
    const town = await createOrg(db, ROOT_ORG_ID, { code: 'T1', name: '一镇', parentCode: 'D1' });
    ids.BOOK = (await createUnion(db, 'BOOK', '示例工会', town.id)).union.id;
    ids.ODD = (await createUnion(db, 'ODD', '旧数据工会', district.id)).union.id;
    ids.EMPTY = (await createUnion(db, 'EMPTY', '空工会')).union.id;
    await store(db, ids.BOOK, 'members', book.members);
    await store(db, ids.BOOK, 'duesPayments', book.duesPayments);
    await store(db, ids.ODD, 'members', ODD_MEMBERS);
    await store(db, ids.ODD, 'duesPayments', ODD_DUES);
  });
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });

  it('equals the shared upwardStats over the same rows, per union and year', async () => {
    for (const year of [2024, 2025, 2026]) {
      const sql = await upwardStatsByUnion(db, ROOT_ORG_ID, year);
      expect(sql.get(ids.BOOK!)).toEqual(upwardStats(book.members, book.duesPayments, year));
      expect(sql.get(ids.ODD!)).toEqual(upwardStats(ODD_MEMBERS, ODD_DUES, year));
      expect(sql.has(ids.EMPTY!)).toBe(false);
    }
    // The demo book has figures worth comparing.
    const figures = upwardStats(book.members, book.duesPayments, 2025);
    expect(figures.members).toBeGreaterThan(50);
    expect(figures.women).toBeGreaterThan(0);
    expect(figures.duesCollectedFen).toBeGreaterThan(0);
    expect(upwardStats(ODD_MEMBERS, ODD_DUES, 2025).invalidRows).toBeGreaterThan(10);
  });

  it('rolls the figures up each level of the tree and keeps a subtree to itself', async () => {
    const year = 2025;
    const bookStats = upwardStats(book.members, book.duesPayments, year);
    const oddStats = upwardStats(ODD_MEMBERS, ODD_DUES, year);
    const all = await adminOverview(db, year, ROOT_ORG_ID);
    const at = (code: string) => all.orgs.find((o) => o.code === code)!.totals;
    expect(at('T1')).toMatchObject({ unions: 1, members: bookStats.members, duesCollectedFen: bookStats.duesCollectedFen });
    expect(at('D1')).toMatchObject({
      unions: 2,
      members: bookStats.members + oddStats.members,
      women: bookStats.women + oddStats.women,
      duesCollectedFen: bookStats.duesCollectedFen + oddStats.duesCollectedFen,
      invalidRows: oddStats.invalidRows,
    });
    expect(at('ROOT')).toEqual({ ...at('D1'), unions: 3 });
    const townId = all.orgs.find((o) => o.code === 'T1')!.id;
    const town = await adminOverview(db, year, townId);
    expect(town.unions.map((u) => u.code)).toEqual(['BOOK']);
    expect(town.orgs.map((o) => o.code)).toEqual(['T1']);
  });
});
