import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { openPglite } from '../../../server/sync/db';
import { migrate } from '../../../server/sync/migrations';
import { statementsAtOnce } from '../../../server/sync/store/batcher';
import { getRows, pullRows } from '../../../server/sync/store/rows';
import { syncRound } from '../../../server/sync/store/sync';
import { createUnion } from '../../../server/sync/store/unions';
import type { WireChange } from '../../../shared/sync/protocol';
import { backends } from './backends';

const stamp = (ms: number, node = 'a') => `${String(ms).padStart(15, '0')}-000000-${node}`;

describe.each(backends())('how rows are stored on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.fresh();
  });
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });

  it('keeps every row a server stored before rows were keyed by number', async () => {
    // The schema as deployed before the row key changed, with two unions' rows in it.
    await migrate(db, 4);
    const a = await createUnionBefore(db, 'OLD-A');
    const b = await createUnionBefore(db, 'OLD-B');
    for (const [union, rowId, name, seq] of [
      [a, 'm1', '甲', 1],
      [a, 'm2', '乙', 2],
      [b, 'm1', '丙', 1],
    ] as const) {
      await db.query(`INSERT INTO rows (union_id, tbl, row_id, data, field_clocks, seq) VALUES ($1, 'members', $2, $3, $4, $5)`, [
        union,
        rowId,
        JSON.stringify({ id: rowId, name }),
        JSON.stringify({ '*': stamp(1) }),
        seq,
      ]);
    }
    expect(await migrate(db, 5)).toBe(1);
    const pulled = async (union: string) => (await pullRows(db, union, 0, 10)).rows.map((r) => [r.rowId, r.data.name, r.seq]);
    expect(await pulled(a)).toEqual([
      ['m1', '甲', 1],
      ['m2', '乙', 2],
    ]);
    expect(await pulled(b)).toEqual([['m1', '丙', 1]]);
    // A union made after the change (and the later migrations) gets a key of its own and its rows stay its own.
    await migrate(db);
    const c = (await createUnion(db, 'NEW-C', '新工会')).union.id;
    const res = await syncRound(db, { unionId: c, deviceRowId: 'none' }, { v: 1, changes: [member('c:1', 'm1', '丁', 2)], cursor: 0 });
    expect(res.cursor).toBe(1);
    expect((await getRows(db, b, [{ table: 'members', rowId: 'm1' }])).map((r) => r.data.name)).toEqual(['丙']);
    expect((await getRows(db, c, [{ table: 'members', rowId: 'm1' }])).map((r) => r.data.name)).toEqual(['丁']);
  });

  it('merges the one stored key of a large push and numbers only its new rows', async () => {
    const union = (await createUnion(db, 'CHUNKS', '分块工会')).union.id;
    const caller = { unionId: union, deviceRowId: 'none' };
    // Row r1500 is stored first, with a later clock than the big push will carry for it.
    await syncRound(db, caller, { v: 1, changes: [member('early:1', 'r1500', '先存的', 10_000)], cursor: 0 });
    const big = Array.from({ length: 2500 }, (_, i) => member(`big:${i}`, `r${i}`, `第${i}位`, 5_000));
    const res = await syncRound(db, caller, { v: 1, changes: big, cursor: 1, pullLimit: 0 });
    // 2,500 keys, one of them stored: 2,499 new rows and no new number for the row that lost.
    expect(res.pushed).toEqual({ from: 2, to: 2500 });
    expect(res.rows.map((r) => [r.rowId, r.data.name])).toEqual([['r1500', '先存的']]);
    const all = await pullRows(db, union, 0, 3000);
    expect(all.rows).toHaveLength(2500);
    expect(new Set(all.rows.map((r) => r.seq)).size).toBe(2500);
    expect(all.rows.find((r) => r.rowId === 'r2499')?.data.name).toBe('第2499位');
    // The same push again changes nothing and takes no number.
    const again = await syncRound(db, caller, { v: 1, changes: big, cursor: 2500, pullLimit: 0 });
    expect(again.pushed).toEqual({ from: 2501, to: 2500 });
    expect((await pullRows(db, union, 2500, 10)).rows).toEqual([]);
  });
  it('writes the pushes of unions that sync together in shared statements, each push whole', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await createUnion(db, `TOGETHER${i}`, `同时工会${i}`)).union.id);
    // Union 3 already holds one of the keys its push sends: that push goes the transaction's way.
    await syncRound(db, { unionId: ids[3]!, deviceRowId: 'none' }, { v: 1, changes: [member('pre:1', 'k3-0', '旧名', 1_000)], cursor: 0 });
    let statements = 0;
    const counted: Database = { ...db, query: (text, params) => (statements++, db.query(text, params)) };
    const round = (unionId: string, i: number) =>
      syncRound(
        counted,
        { unionId, deviceRowId: 'none' },
        {
          v: 1,
          changes: [member(`g${i}:0`, `k${i}-0`, `第${i}会甲`, 2_000), member(`g${i}:1`, `k${i}-1`, `第${i}会乙`, 2_000)],
          cursor: i === 3 ? 1 : 0,
        },
      );
    const [answers, missing] = await Promise.all([Promise.all(ids.map(round)), round('no-such-union', 99).catch((e: unknown) => e)]);
    expect(missing).toMatchObject({ status: 404, code: 'no-union' });
    for (const [i, unionId] of ids.entries()) {
      const rows = (await pullRows(db, unionId, 0, 10)).rows.map((r) => [r.rowId, r.data.name, r.seq]);
      if (i === 3) {
        // New rows are numbered first, then the stored one is merged.
        expect(rows).toEqual([
          ['k3-1', '第3会乙', 2],
          ['k3-0', '第3会甲', 3],
        ]);
      } else {
        expect(rows).toEqual([
          [`k${i}-0`, `第${i}会甲`, 1],
          [`k${i}-1`, `第${i}会乙`, 2],
        ]);
        expect(answers[i]!.pushed).toEqual({ from: 1, to: 2 });
      }
    }
    // One statement per push would be 21, and union 3's transaction takes several more.
    expect(statements).toBeLessThan(ids.length);
  });

  it('never puts two pushes of one union in the same statement', async () => {
    const union = (await createUnion(db, 'TWICE', '两次工会')).union.id;
    const others = [];
    for (let i = 0; i < 5; i++) others.push((await createUnion(db, `TWICE-O${i}`, `其他工会${i}`)).union.id);
    // The first pushes go out at once, one statement each; the rest wait and go together, led by
    // the union's two pushes.
    const lead = others.slice(0, statementsAtOnce(db));
    const pushes = [...lead, union, union, ...others.slice(lead.length)].map((unionId, i) =>
      syncRound(
        db,
        { unionId, deviceRowId: 'none' },
        { v: 1, changes: [member(`tw:${i}`, `tw${i}`, `第${i}条`, 3_000)], cursor: 0, pullLimit: 0 },
      ),
    );
    await Promise.all(pushes);
    const rows = (await pullRows(db, union, 0, 10)).rows;
    expect(rows.map((r) => r.seq).sort()).toEqual([1, 2]);
  });
});

describe('the embedded database thread', () => {
  it('rolls back a transaction whose callback fails, passes the error code through, and closes', async () => {
    const db = await openPglite();
    await db.exec('CREATE TABLE t (id int PRIMARY KEY)');
    await expect(
      db.tx(async (q) => {
        await q.query('INSERT INTO t VALUES (1)');
        await q.query('INSERT INTO t VALUES (1)');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await db.tx(async (q) => q.query('INSERT INTO t VALUES (2)'));
    expect(await db.query('SELECT id FROM t')).toEqual([{ id: 2 }]);
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow('内置数据库线程已退出');
  });
});

function member(changeId: string, rowId: string, name: string, ms: number): WireChange {
  return { changeId, table: 'members', rowId, hlc: stamp(ms), fields: { id: rowId, name } };
}

/** A union as migrations 1–4 made it (no key column yet). */
async function createUnionBefore(db: Database, code: string): Promise<string> {
  const id = `${code.toLowerCase()}-id`;
  await db.query('INSERT INTO unions (id, code, name) VALUES ($1, $2, $3)', [id, code, `${code} 工会`]);
  return id;
}
