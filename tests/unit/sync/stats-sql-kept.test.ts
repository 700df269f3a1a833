import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { migrate } from '../../../server/sync/migrations';
import { REBUILD_STATS } from '../../../server/sync/stats-maintenance';
import { ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { upwardStatsByUnion } from '../../../server/sync/store/stats';
import { syncRound } from '../../../server/sync/store/sync';
import { createUnion } from '../../../server/sync/store/unions';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { SeededRandom } from '../../../shared/demo/random';
import type { WireChange } from '../../../shared/sync/protocol';
import { calendarYear, upwardStats, type StatsPeriod, type StatsRows, type UpwardStats } from '../../../shared/sync/stats';
import { backends } from './backends';
import { randomUnionRows, storedRows } from './stats-rows';

type Table = keyof StatsRows;
const TABLES: Table[] = ['members', 'memberships', 'duesPayments', 'transactions'];
const PERIODS: StatsPeriod[] = [
  calendarYear(2024),
  calendarYear(2025),
  { from: '2024-10-01', to: '2025-09-30' },
  { from: '2025-01-15', to: '2025-01-15' },
];

/** What one field of a row of `table` may be changed to: right values, edge dates, wrong types, tombstones and their undoing. */
function randomEdit(rnd: SeededRandom, table: Table, memberIds: readonly string[]): Record<string, unknown> {
  const date = () =>
    rnd.pick(['2024-09-30', '2024-10-01', '2024-12-31', '2025-01-01', '2025-01-15', '2025-09-30', '2025-10-01', '2026-02-01', '']);
  const common: (() => Record<string, unknown>)[] = [() => ({ deleted: 1 }), () => ({ deleted: 0 })];
  const byTable: Record<Table, (() => Record<string, unknown>)[]> = {
    members: [
      () => ({ status: rnd.pick(['active', 'retired', 'unemployed', 'transferred-out', 'left', 'deceased', 'gone', 3]) }),
      () => ({ gender: rnd.pick(['男', '女', '', null, 1]) }),
      () => ({ isMigrantWorker: rnd.pick([true, false, null, 'true']) }),
      () => ({ joinDate: rnd.pick([date(), null, 20250101]) }),
    ],
    memberships: [
      () => ({ memberId: rnd.pick([...memberIds, 'ghost', 5]) }),
      () => ({ kind: rnd.pick(['join', 'transfer-in', 'transfer-out', 'retire', 'unemployed', 'leave', 'death', 'gone']) }),
      () => ({ date: rnd.pick([date(), null]) }),
    ],
    duesPayments: [() => ({ amountFen: rnd.pick([rnd.int(-500, 5000), '12', 1.5, 1e20]) }), () => ({ paidDate: rnd.pick([date(), null]) })],
    transactions: [
      () => ({ amountFen: rnd.pick([rnd.int(-50_000, 50_000), 'x']) }),
      () => ({ accountCode: rnd.pick(['401', '402', '50102', '101', '999']) }),
      () => ({ date: rnd.pick([date(), null]) }),
      () => ({ payableFen: rnd.pick([rnd.int(0, 5000), null, 'x']) }),
    ],
  };
  return rnd.pick([...byTable[table], ...common])();
}

describe.each(backends())('statistics kept as rows change on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.fresh();
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });

  async function expectKeptEqualsShared(unionIds: readonly string[]): Promise<UpwardStats[]> {
    const seen: UpwardStats[] = [];
    for (const period of PERIODS) {
      const kept = await upwardStatsByUnion(db, ROOT_ORG_ID, period);
      for (const id of unionIds) {
        const expected = upwardStats(await storedRows(db, id), period);
        expect(kept.get(id), `${id} ${period.from}…${period.to}`).toEqual(expected);
        seen.push(expected);
      }
    }
    return seen;
  }

  it('equal the shared upwardStats of the stored rows after random pushes, edits, tombstones and membership changes', async () => {
    const rnd = new SeededRandom(2025);
    const unions: { id: string; clock: HybridLogicalClock; keys: { table: Table; id: string }[]; memberIds: string[] }[] = [];
    for (let seed = 1; seed <= 3; seed++) {
      const id = (await createUnion(db, `KEPT${seed}`, `随改${seed}`)).union.id;
      const clock = new HybridLogicalClock(`dev${seed}`);
      const rows = randomUnionRows(100 + seed);
      const changes: WireChange[] = [];
      const keys: { table: Table; id: string }[] = [];
      for (const table of TABLES)
        for (const row of rows[table] as Record<string, unknown>[]) {
          if (typeof row?.id !== 'string' || keys.some((k) => k.table === table && k.id === row.id)) continue;
          keys.push({ table, id: row.id });
          const hlc = clock.now();
          // A push carries deleted as 0 or 1 only (other shapes come from older servers, stats-sql.test.ts).
          changes.push({
            changeId: `dev${seed}:${hlc}`,
            table,
            rowId: row.id,
            hlc,
            fields: { ...row, deleted: row.deleted === 1 ? 1 : 0 },
          });
        }
      await syncRound(db, { unionId: id, deviceRowId: `dev${seed}` }, { v: 1, changes, cursor: 0 });
      unions.push({ id, clock, keys, memberIds: keys.filter((k) => k.table === 'members').map((k) => k.id) });
    }
    await expectKeptEqualsShared(unions.map((u) => u.id));

    const figures: UpwardStats[] = [];
    for (let round = 0; round < 30; round++) {
      const u = rnd.pick(unions);
      const changes: WireChange[] = [];
      for (let i = rnd.int(1, 8); i > 0; i--) {
        let key = rnd.pick(u.keys);
        let fields = randomEdit(rnd, key.table, u.memberIds);
        if (rnd.chance(0.15)) {
          // A new member, or a new event of a member the union has.
          const table = rnd.pick<Table>(['members', 'memberships']);
          key = { table, id: `new-${round}-${i}` };
          u.keys.push(key);
          if (table === 'members') u.memberIds.push(key.id);
          fields =
            table === 'members'
              ? { id: key.id, status: 'active', gender: '女', isMigrantWorker: true, joinDate: '2025-03-01', deleted: 0 }
              : {
                  id: key.id,
                  memberId: rnd.pick(u.memberIds),
                  kind: rnd.pick(['join', 'leave', 'transfer-in']),
                  date: '2025-01-15',
                  deleted: 0,
                };
        }
        const hlc = u.clock.now();
        changes.push({ changeId: `${u.clock.node}:${hlc}`, table: key.table, rowId: key.id, hlc, fields });
      }
      await syncRound(db, { unionId: u.id, deviceRowId: u.clock.node }, { v: 1, changes, cursor: 0 });
      if (round % 5 === 4) figures.push(...(await expectKeptEqualsShared(unions.map((x) => x.id))));
    }
    // Rows are never removed by the server, but a removal by hand is kept in the figures too.
    await db.query(
      `DELETE FROM rows WHERE tbl IN ('members', 'duesPayments') AND row_id IN (SELECT row_id FROM rows ORDER BY seq LIMIT 20)`,
    );
    figures.push(...(await expectKeptEqualsShared(unions.map((u) => u.id))));
    // The random changes reached every kind of figure.
    for (const key of [
      'members',
      'women',
      'inService',
      'joined',
      'newMembers',
      'left',
      'duesCollectedFen',
      'incomeFen',
      'spendingFen',
      'invalidRows',
    ] as const)
      expect(
        figures.some((s) => s[key] !== 0),
        key,
      ).toBe(true);

    // Building them again from the stored rows, as the migration does, gives the same figures.
    const before = await upwardStatsByUnion(db, ROOT_ORG_ID, PERIODS[2]!);
    for (const statement of REBUILD_STATS) await db.query(statement);
    expect(await upwardStatsByUnion(db, ROOT_ORG_ID, PERIODS[2]!)).toEqual(before);
  });
  it('equal the shared upwardStats after statements of dues payments and entries alone, as they are written', async () => {
    const unionKeys = new Map<string, number>();
    for (const code of ['RAWA', 'RAWB']) {
      const { union } = await createUnion(db, code, `原文${code}`);
      const [row] = await db.query<{ key: unknown }>('SELECT key FROM unions WHERE id = $1', [union.id]);
      unionKeys.set(union.id, Number(row!.key));
    }
    const [a, b] = [...unionKeys.keys()] as [string, string];
    type Raw = [union: string, tbl: string, id: string, data: string];
    // Each statement covers both unions, and its rows' JSON is stored as written: numbers such as 1.0,
    // 2.50e2 or -0 and escaped strings reach the functions as a device or an older server wrote them.
    const rowsParam = (rows: readonly Raw[]) =>
      JSON.stringify(rows.map(([union, tbl, row_id, data]) => ({ k: unionKeys.get(union), tbl, row_id, data })));
    const insert = (rows: readonly Raw[]) =>
      db.query(
        `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
         SELECT x.k, x.tbl, x.row_id, x.data::json, '{}', 0 FROM json_to_recordset($1::json) AS x(k int, tbl text, row_id text, data text)`,
        [rowsParam(rows)],
      );
    const update = (rows: readonly Raw[]) =>
      db.query(
        `UPDATE rows r SET data = x.data::json FROM json_to_recordset($1::json) AS x(k int, tbl text, row_id text, data text)
         WHERE r.union_key = x.k AND r.tbl = x.tbl AND r.row_id = x.row_id`,
        [rowsParam(rows)],
      );
    const dues = (union: string, id: string, fields: string): Raw => [
      union,
      'duesPayments',
      id,
      fields.startsWith('{') ? `{"id":"${id}",${fields.slice(1)}` : fields,
    ];
    const entry = (union: string, id: string, fields: string): Raw => [
      union,
      'transactions',
      id,
      `{"id":"${id}","place":"bank",${fields.slice(1)}`,
    ];

    await insert([
      ...[a, b].flatMap((u) => [
        dues(u, 'p1', '{"paidDate":"2024-12-31","amountFen":1.0,"deleted":0}'),
        dues(u, 'p2', '{"paidDate":"2025-01-1\\u0035","amountFen":2.50e2,"deleted":-0}'),
        dues(u, 'p3', '{"paidDate":"2025-03-01","amountFen":12.5,"deleted":0.0}'),
        dues(u, 'p4', '{"paidDate":"2025-03-01","amountFen":300,"deleted":"0"}'),
        dues(u, 'p5', '{"paidDate":"2025-03-01","amountFen":300,"deleted":false}'),
        dues(u, 'p6', '[1,2]'),
        dues(u, 'p7', '{"paidDate":"2025-03-01","amountFen":300}'),
        dues(u, 'p8', '{"paidDate":"2025-06-30","amountFen":-7e1,"deleted":0e3}'),
        entry(u, 't1', '{"date":"2025-02-01","accountCode":"402","amountFen":1e4,"payableFen":4.0e3,"deleted":0}'),
        entry(u, 't2', '{"date":"2025-02-01","accountCode":"50102","amountFen":2000,"payableFen":null,"deleted":-0.0}'),
        entry(u, 't3', '{"date":"2025-02-01","accountCode":"4\\u00301","amountFen":500,"deleted":0}'),
        [u, 'activities', 'a1', '{"id":"a1","date":"2025-02-01","amountFen":999,"deleted":0}'] as Raw,
      ]),
      dues(a, 'p9', '{"paidDate":"2025-02-02","amountFen":"300","deleted":0}'),
      dues(a, 'p10', '{"paidDate":"2025-02-02","amountFen":100000000000001,"deleted":0}'),
      dues(a, 'p11', '"dues"'),
      dues(a, 'p12', '{"paidDate":null,"amountFen":5,"deleted":0}'),
      dues(a, 'p13', '{"paidDate":"2024-06-01","amountFen":100000000000000,"deleted":0}'),
      dues(a, 'p14', '{"paidDate":"2025-05-05","amountFen":1.5e1,"deleted":1}'),
      dues(a, 'p15', '{"paidDate":"2025-05-05","amountFen":{"amountFen":5},"deleted":0,"x":{"deleted":1}}'),
      entry(a, 't4', '{"date":"2025-02-01","accountCode":"401","amountFen":500,"payableFen":"x","deleted":0}'),
      entry(a, 't5', '{"date":"2025-02-01","accountCode":"999","amountFen":500,"deleted":0}'),
    ]);
    await expectKeptEqualsShared([a, b]);
    // The rows are read as written: 1.0, 2.50e2 and -7e1 are whole amounts, 0.0, -0 and 0e3 a live row, \u0035 a 5.
    expect(upwardStats(await storedRows(db, a), calendarYear(2025))).toMatchObject({
      duesCollectedFen: 250 - 70,
      incomeFen: 6_000 + 500,
      spendingFen: 2_000,
      invalidRows: 7 + 2,
    });
    expect(upwardStats(await storedRows(db, a), { from: '2025-01-15', to: '2025-01-15' }).duesCollectedFen).toBe(250);

    // Entries alone, then edits of both unions in one statement: a payment moved to the next year, amounts
    // changed, an invalid row made valid and a valid one invalid, a tombstone and a tombstone undone.
    await insert([entry(b, 't6', '{"date":"2025-12-31","accountCode":"50105","amountFen":7.00e2,"deleted":0}')]);
    await expectKeptEqualsShared([a, b]);
    await update([
      ...[a, b].flatMap((u) => [
        dues(u, 'p1', '{"paidDate":"2025-01-01","amountFen":1.0,"deleted":0}'),
        dues(u, 'p2', '{"paidDate":"2025-01-15","amountFen":260,"deleted":0}'),
        dues(u, 'p3', '{"paidDate":"2025-03-01","amountFen":12,"deleted":0}'),
        dues(u, 'p6', '{"paidDate":"2024-09-30","amountFen":40,"deleted":0}'),
        dues(u, 'p8', '{"paidDate":"2025-06-30","amountFen":-7e1,"deleted":1}'),
        entry(u, 't1', '{"date":"2025-02-01","accountCode":"402","amountFen":1e4,"payableFen":"x","deleted":0}'),
        [u, 'activities', 'a1', '{"id":"a1","date":"2025-02-02","amountFen":1,"deleted":0}'] as Raw,
      ]),
      dues(a, 'p10', '{"paidDate":"2025-02-02","amountFen":1,"deleted":0}'),
      dues(a, 'p14', '{"paidDate":"2025-05-05","amountFen":1.5e1,"deleted":0}'),
    ]);
    await expectKeptEqualsShared([a, b]);
    // Rows removed by hand, of dues payments and another table only.
    await db.query(`DELETE FROM rows WHERE tbl IN ('duesPayments', 'activities') AND row_id IN ('p2', 'p3', 'p11', 'a1')`);
    const seen = await expectKeptEqualsShared([a, b]);
    expect(seen.some((s) => s.duesCollectedFen !== 0 && s.incomeFen !== 0 && s.spendingFen !== 0 && s.invalidRows !== 0)).toBe(true);
  });
});
