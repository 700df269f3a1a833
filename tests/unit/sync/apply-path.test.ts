import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { migrate } from '../../../server/sync/migrations';
import { packClocks, unpackClocks } from '../../../server/sync/store/clocks';
import { syncRound } from '../../../server/sync/store/sync';
import { createUnion } from '../../../server/sync/store/unions';
import { checkSyncRequest } from '../../../shared/sync/fast-check';
import type { WireChange } from '../../../shared/sync/protocol';
import { syncRequestSchema } from '../../../shared/sync/schemas';
import { backends } from './backends';

const stamp = (ms: number, node = 'a') => `${String(ms).padStart(15, '0')}-000000-${node}`;

describe('stored field clocks', () => {
  const cases: { data: Record<string, unknown>; clocks: Record<string, string> }[] = [
    { data: { id: 'r', name: '甲', phone: '1' }, clocks: { id: stamp(1), name: stamp(1), phone: stamp(1) } },
    { data: { id: 'r', name: '甲', phone: '1', note: '' }, clocks: { id: stamp(1), name: stamp(3, 'b'), phone: stamp(1), note: stamp(2) } },
    // The id came with the row key, not from a change: it has no clock of its own.
    { data: { id: 'r', phone: '1' }, clocks: { phone: stamp(4) } },
    { data: { id: 'r' }, clocks: {} },
    // A clock on a field the data lacks is kept as it is.
    { data: { id: 'r' }, clocks: { name: stamp(5) } },
  ];

  it('unpack gives back exactly the clocks that were packed', () => {
    for (const { data, clocks } of cases) {
      const stored = JSON.parse(JSON.stringify(packClocks(data, clocks))) as Record<string, string>;
      expect(unpackClocks(data, stored)).toEqual(clocks);
    }
  });

  it('stores one clock for a row written by one change, and reads full maps stored before', () => {
    expect(packClocks(cases[0]!.data, cases[0]!.clocks)).toEqual({ '*': stamp(1) });
    expect(unpackClocks(cases[1]!.data, cases[1]!.clocks)).toEqual(cases[1]!.clocks);
  });
});

describe('the hand-written sync request check', () => {
  const good = { changeId: 'd:1', table: 'members', rowId: 'r1', hlc: stamp(1), fields: { id: 'r1', name: '甲' } };
  const inputs: unknown[] = [
    { v: 1, changes: [good], cursor: 0 },
    { v: 1, changes: [good, { ...good, changeId: 'd:2', fields: { name: '乙' } }], cursor: 3, pullLimit: 10, extra: true },
    { v: 1, changes: [{ ...good, extra: 'dropped' }], cursor: 0 },
    { v: 1, changes: [], cursor: 0 },
    { v: 1, changes: [{ ...good, table: 'secrets' }], cursor: 0 },
    { v: 1, changes: [{ ...good, hlc: 'yesterday' }], cursor: 0 },
    { v: 1, changes: [{ ...good, changeId: 'bad id' }], cursor: 0 },
    { v: 1, changes: [{ ...good, rowId: '' }], cursor: 0 },
    { v: 1, changes: [{ ...good, fields: {} }], cursor: 0 },
    { v: 1, changes: [{ ...good, fields: { __proto__x: 1 } }], cursor: 0 },
    { v: 1, changes: [{ ...good, fields: { updatedAt: 'x' } }], cursor: 0 },
    { v: 1, changes: [{ ...good, fields: { deviceId: 'x' } }], cursor: 0 },
    { v: 1, changes: [{ ...good, fields: { id: 'other' } }], cursor: 0 },
    { v: 1, changes: [{ ...good, fields: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`f${i}`, i])) }], cursor: 0 },
    { v: 1, changes: [{ ...good, fields: [1] }], cursor: 0 },
    { v: 1, changes: [null], cursor: 0 },
    { v: 1, changes: 'all', cursor: 0 },
    { v: 1, changes: [good], cursor: -1 },
    { v: 1, changes: [good], cursor: 1.5 },
    { v: 1, changes: [good], cursor: 0, pullLimit: 0 },
    { v: 1, changes: [good], cursor: 0, pullLimit: -1 },
    { v: 1, changes: [good], cursor: 0, pullLimit: 2001 },
    { v: 1, changes: [good], cursor: 0, pullLimit: '5' },
    { v: '1', changes: [good], cursor: 0 },
    [],
  ];

  it('accepts and keeps exactly what the schema accepts and keeps', () => {
    for (const input of inputs) {
      const fast = checkSyncRequest(input);
      const schema = syncRequestSchema.safeParse(input);
      expect(fast.ok, JSON.stringify(input)).toBe(schema.success);
      if (fast.ok && schema.success) expect(fast.data).toEqual(schema.data);
    }
  });
});

describe.each(backends())('applying a batch on $name', (backend) => {
  let db: Database;
  let caller = { unionId: '', deviceRowId: '' };
  beforeAll(async () => {
    db = await backend.fresh();
    await migrate(db);
    caller = { unionId: (await createUnion(db, 'APPLY', '测试工会')).union.id, deviceRowId: 'no-device' };
  });
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });

  const t0 = Date.now();
  const change = (changeId: string, rowId: string, hlc: string, fields: Record<string, unknown>): WireChange => ({
    changeId,
    table: 'members',
    rowId,
    hlc,
    fields,
  });

  it('applies a change id repeated within one batch once, and a resent batch not at all', async () => {
    const now = t0;
    const batch = [
      change('d:1', 'm1', stamp(now - 10), { id: 'm1', name: '甲', phone: '1' }),
      change('d:1', 'm1', stamp(now - 5), { name: '不该生效' }),
      change('d:2', 'm2', stamp(now - 10), { name: '乙' }),
    ];
    const first = await syncRound(db, caller, { v: 1, changes: batch, cursor: 0 });
    expect(first.cursor).toBe(2);
    const again = await syncRound(db, caller, { v: 1, changes: batch, cursor: 0, pullLimit: 10 });
    expect(again.acked).toEqual(['d:1', 'd:1', 'd:2']);
    expect(again.rows.map((r) => [r.rowId, r.data, r.clocks])).toEqual([
      ['m1', { id: 'm1', name: '甲', phone: '1' }, { id: stamp(now - 10), name: stamp(now - 10), phone: stamp(now - 10) }],
      ['m2', { id: 'm2', name: '乙' }, { name: stamp(now - 10) }],
    ]);
    expect(again.cursor).toBe(2);
  });

  it('merges per field into stored rows and hands out the full clocks', async () => {
    const now = t0 + 1000;
    const earlier = t0;
    const res = await syncRound(db, caller, {
      v: 1,
      changes: [change('d:3', 'm1', stamp(now), { phone: '2' }), change('d:4', 'm1', stamp(now - 60_000), { name: '旧值' })],
      cursor: 2,
      pullLimit: 10,
    });
    // The older name lost, so the device gets the row back although it was caught up.
    expect(res.rows.map((r) => [r.rowId, r.data, r.clocks])).toEqual([
      ['m1', { id: 'm1', name: '甲', phone: '2' }, { id: stamp(earlier - 10), name: stamp(earlier - 10), phone: stamp(now) }],
    ]);
    expect(res.cursor).toBe(3);
  });
  it('answers a push-only batch with the range it wrote and only the rows where it lost', async () => {
    const [union] = await db.query<{ last_seq: unknown }>('SELECT last_seq FROM unions WHERE id = $1', [caller.unionId]);
    const before = Number(union!.last_seq);
    const res = await syncRound(db, caller, {
      v: 1,
      changes: [
        change('po:1', 'po1', stamp(t0 + 2000), { id: 'po1', name: '丙' }),
        change('po:2', 'm1', stamp(t0 - 100_000), { name: '很旧' }),
      ],
      cursor: 0,
      pullLimit: 0,
    });
    // Nothing pulled, the cursor stays; one row written; m1's old name lost and m1 comes back.
    expect(res.cursor).toBe(0);
    expect(res.more).toBe(false);
    expect(res.pushed).toEqual({ from: before + 1, to: before + 1 });
    expect(res.rows.map((r) => [r.rowId, r.data.name])).toEqual([['m1', '甲']]);
  });

  it('lands every one of many pushes of the same new row at once, merged, with one sequence number each', async () => {
    const now = t0 + 5000;
    const pushes = Array.from({ length: 12 }, (_, i) =>
      syncRound(db, caller, {
        v: 1,
        changes: [change(`race${i}:1`, 'race', stamp(now + i, `n${i}`), { id: 'race', name: `第${i}个`, phone: String(i) })],
        cursor: 0,
        pullLimit: 1,
      }),
    );
    await Promise.all(pushes);
    const stored = await db.query<{ name: string; seq: unknown }>("SELECT data->>'name' AS name, seq FROM rows WHERE row_id = 'race'");
    expect(stored.map((r) => r.name)).toEqual(['第11个']);
    const union = await db.query<{ last_seq: unknown }>('SELECT last_seq FROM unions WHERE id = $1', [caller.unionId]);
    // The row's number is the union's last: no number was handed out twice or skipped past.
    expect(Number(stored[0]!.seq)).toBeLessThanOrEqual(Number(union[0]!.last_seq));
    const bySeq = await db.query<{ n: unknown }>(
      'SELECT count(DISTINCT seq) AS n FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.id = $1',
      [caller.unionId],
    );
    const all = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.id = $1', [
      caller.unionId,
    ]);
    expect(Number(bySeq[0]!.n)).toBe(Number(all[0]!.n));
  });
  // Only a server with several connections can have a push wait for the union while another commits.
  if (backend.name === 'PostgreSQL') {
    it('takes a new row that another push stored while this one waited for the union, and merges it', async () => {
      const now = t0 + 9000;
      let push: Promise<unknown> = Promise.resolve();
      await db.tx(async (q) => {
        const [locked] = await q.query<{ last_seq: unknown }>('SELECT last_seq FROM unions WHERE id = $1 FOR UPDATE', [caller.unionId]);
        push = syncRound(db, caller, { v: 1, changes: [change('late:1', 'held', stamp(now), { id: 'held', name: '后到' })], cursor: 0 });
        // Let the push start, take its snapshot and wait for the lock this transaction holds.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const seq = Number(locked!.last_seq) + 1;
        await q.query(
          `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
           VALUES ((SELECT key FROM unions WHERE id = $1), 'members', 'held', $2, $3, $4)`,
          [caller.unionId, JSON.stringify({ id: 'held', name: '先到', phone: '9' }), JSON.stringify({ '*': stamp(now - 1) }), seq],
        );
        await q.query('UPDATE unions SET last_seq = $2 WHERE id = $1', [caller.unionId, seq]);
      });
      await push;
      const stored = await db.query<{ data: { name: string; phone: string } }>("SELECT data FROM rows WHERE row_id = 'held'");
      expect(stored.map((r) => r.data)).toEqual([{ id: 'held', name: '后到', phone: '9' }]);
    });
  }
});
