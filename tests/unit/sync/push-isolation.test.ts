import { beforeAll, describe, expect, it } from 'vitest';
import { pullRows } from '../../../server/sync/store/rows';
import { syncRound } from '../../../server/sync/store/sync';
import { createUnion } from '../../../server/sync/store/unions';
import type { WireChange } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { MEMBER, post, serverPerSuite, unionWithDevices } from './harness';

const stamp = (ms: number, node: string) => `${String(ms).padStart(15, '0')}-000000-${node}`;
const member = (changeId: string, rowId: string, name: string): WireChange => ({
  changeId,
  table: 'members',
  rowId,
  hlc: stamp(Date.now() - 1000, 'd'),
  fields: { id: rowId, name },
});
const PUSHES = 30;

describe.each(backends())('one union’s bad change among other unions’ pushes on $name', (backend) => {
  const s = serverPerSuite(backend);

  it('fails only its own push when it makes a shared statement fail', async () => {
    const good = (await createUnion(s.db, 'GOOD', '好工会')).union.id;
    const bad = (await createUnion(s.db, 'POISON', '坏工会')).union.id;
    // A value PostgreSQL refuses (U+0000 in json) that got past the door, as an older server let it.
    // Each of the good union's pushes waits with one of the bad union's, so they share statements.
    const pushes = Array.from({ length: PUSHES }, (_, i) => [
      syncRound(s.db, { unionId: good, deviceRowId: `g${i}` }, { v: 1, changes: [member(`g${i}:1`, `good-${i}`, `好${i}`)], cursor: 0 }),
      syncRound(
        s.db,
        { unionId: bad, deviceRowId: `b${i}` },
        { v: 1, changes: [member(`b${i}:1`, `bad-${i}`, `坏\u0000${i}`)], cursor: 0 },
      ),
    ]).flat();
    const settled = await Promise.allSettled(pushes);
    const goodOnes = settled.filter((_, i) => i % 2 === 0);
    const badOnes = settled.filter((_, i) => i % 2 === 1);
    expect(goodOnes.filter((r) => r.status === 'fulfilled')).toHaveLength(PUSHES);
    expect(badOnes.filter((r) => r.status === 'rejected')).toHaveLength(PUSHES);
    const stored = (await pullRows(s.db, good, 0, 100)).rows.map((r) => r.rowId).sort();
    expect(stored).toEqual(Array.from({ length: PUSHES }, (_, i) => `good-${i}`).sort());
    expect((await pullRows(s.db, bad, 0, 100)).rows).toEqual([]);
  });

  describe('over HTTP', () => {
    let others: Awaited<ReturnType<typeof unionWithDevices>>['devices'];
    let poisoner: Awaited<ReturnType<typeof unionWithDevices>>['devices'][number];
    beforeAll(async () => {
      others = (await unionWithDevices(s.app, s.db, 'MANY', PUSHES)).devices;
      poisoner = (await unionWithDevices(s.app, s.db, 'NULS', 1)).devices[0]!;
    });

    it('every one of 30 concurrent pushes of another union succeeds while one device sends NUL bytes', async () => {
      const poisoned = Array.from({ length: PUSHES }, (_, i) => {
        const m = poisoner.insert('members', { ...MEMBER, name: `坏\u0000${i}` });
        return { ...poisoner.pending().find((c) => c.rowId === m.id)! };
      });
      for (const d of others) d.insert('members', { ...MEMBER, name: `${d.deviceId} 的会员` });
      const results = await Promise.all(
        others.flatMap((d, i) => [
          post(s.app, '/api/v1/sync', { v: 1, changes: d.pending(), cursor: 0 }, d.token),
          post(s.app, '/api/v1/sync', { v: 1, changes: [poisoned[i]], cursor: 0 }, poisoner.token),
        ]),
      );
      expect(results.filter((_, i) => i % 2 === 0).map((r) => r.status)).toEqual(new Array(PUSHES).fill(200));
      expect(
        results.filter((_, i) => i % 2 === 1).every((r) => r.status === 400 && /含有不允许的控制字符/.test(String(r.body.error))),
      ).toBe(true);
    });
  });
});
