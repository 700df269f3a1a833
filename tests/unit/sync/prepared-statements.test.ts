import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../../server/sync/db';
import { syncRound } from '../../../server/sync/store/sync';
import { createUnion } from '../../../server/sync/store/unions';
import type { WireChange } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { serverPerSuite } from './harness';

const stamp = (ms: number) => `${String(ms).padStart(15, '0')}-000000-d`;
const member = (rowId: string): WireChange => ({
  changeId: `d:${rowId}`,
  table: 'members',
  rowId,
  hlc: stamp(Date.now() - 1000),
  fields: { id: rowId, name: `会员 ${rowId}` },
});

describe.each(backends())('a statement kept prepared on $name', (backend) => {
  const s = serverPerSuite(backend);

  it('answers as the plain statement does, run after run, and after a refusal', async () => {
    const plain = await s.db.query<{ n: number; t: string }>('SELECT $1::int AS n, $2::text AS t', [7, '甲']);
    for (let run = 0; run < 8; run++)
      expect(await s.db.query('SELECT $1::int AS n, $2::text AS t', [7 + run, '甲'], 'test_pair')).toEqual([{ ...plain[0], n: 7 + run }]);
    // A value the statement refuses comes back with its SQLSTATE, and the session goes on.
    await expect(s.db.query('SELECT $1::int AS n, $2::text AS t', ['七', '乙'], 'test_pair')).rejects.toMatchObject({ code: '22P02' });
    expect(await s.db.query('SELECT $1::int AS n, $2::text AS t', [8, '乙'], 'test_pair')).toEqual([{ n: 8, t: '乙' }]);
    expect(await s.db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('writes a push of new records as before, and a push of a stored key still takes the transaction', async () => {
    const union = (await createUnion(s.db, 'PREP', '预备工会')).union.id;
    const caller = { unionId: union, deviceRowId: 'dev' };
    const first = await syncRound(s.db, caller, { v: 1, changes: [member('a'), member('b')], cursor: 0 });
    expect(first.cursor).toBe(2);
    const again = await syncRound(s.db, caller, { v: 1, changes: [{ ...member('a'), changeId: 'd:a2' }, member('c')], cursor: 2 });
    expect(again.cursor).toBe(4);
    const rows = await s.db.query<{ row_id: string; seq: unknown }>(
      'SELECT r.row_id, r.seq FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.id = $1 ORDER BY r.row_id',
      [union],
    );
    // a and b from the shared statement (1, 2), then a again and c from the transaction (3 and 4, in its order).
    expect(rows.map((r) => r.row_id)).toEqual(['a', 'b', 'c']);
    expect(Number(rows[1]!.seq)).toBe(2);
    expect(new Set([Number(rows[0]!.seq), Number(rows[2]!.seq)])).toEqual(new Set([3, 4]));
  });
});

/** PGlite has one session: what it keeps prepared, and how a prepared statement meets a transaction, can be read from it. */
describe('a statement kept prepared on the embedded database', () => {
  let dir: string;
  let db: Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ub-prepared-'));
    db = await openPglite(dir);
    await db.exec('CREATE TABLE t (id int PRIMARY KEY)');
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is parsed once and then planned once', async () => {
    for (let run = 0; run < 10; run++) await db.query('SELECT count(*)::int AS n FROM t WHERE id > $1', [run], 'count_above');
    const kept = await db.query<{ name: string; generic_plans: unknown }>(
      "SELECT name, generic_plans FROM pg_prepared_statements WHERE name = 'count_above'",
    );
    expect(kept).toHaveLength(1);
    expect(Number(kept[0]!.generic_plans)).toBeGreaterThan(0);
  });

  it('waits for a transaction under way instead of running inside it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const begun = new Promise<void>((resolve) => (inserted = resolve));
    let answered = false;
    let answeredInside: boolean | undefined;
    const tx = db.tx(async (q) => {
      await q.query('INSERT INTO t VALUES (1)');
      inserted();
      await gate;
      // The database's thread takes messages in order: this statement was sent after the read, and is
      // answered first only if the read is waiting for the transaction.
      await q.query('SELECT 1');
      answeredInside = answered;
    });
    await begun;
    const read = db.query<{ n: number }>('SELECT count(*)::int AS n FROM t', [], 'count_all').then((rows) => {
      answered = true;
      return rows;
    });
    release();
    await tx;
    expect(answeredInside).toBe(false);
    expect(await read).toEqual([{ n: 1 }]);
  });
});
