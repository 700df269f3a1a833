import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../../server/sync/db';
import { migrate } from '../../../server/sync/migrations';
import { rollUpOrgs } from '../../../server/sync/store/org-rollup';
import { ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { withoutJit } from '../../../server/sync/store/util';
import { calendarYear } from '../../../shared/sync/stats';
import { backends } from './backends';

describe.each(backends())('the roll-up runs without JIT compilation on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.fresh();
    await migrate(db);
  }, 180_000);
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });

  it("turns JIT off for the roll-up's statement only, on PostgreSQL", async () => {
    const jit = async (q: Queryable) => (await q.query<{ jit: string }>('SHOW jit'))[0]!.jit;
    const before = await jit(db);
    const seen: string[] = [];
    // The JIT setting the roll-up's statement ran under, in the transaction withoutJit opened.
    const spy = Object.assign(Object.create(db) as Database, {
      tx: <R>(fn: (q: Queryable) => Promise<R>) =>
        db.tx((q) =>
          fn({
            async query<T>(text: string, params?: unknown[]) {
              if (text.includes('closure')) seen.push(await jit(q));
              return q.query<T>(text, params);
            },
          }),
        ),
    });
    const orgs = await rollUpOrgs(spy, ROOT_ORG_ID, 2025, calendarYear(2025));
    expect(orgs.map((o) => o.org.id)).toEqual([ROOT_ORG_ID]);
    if (db.kind === 'postgres') expect(seen).toEqual(['off']);
    else expect(seen).toEqual([]);
    // The setting ends with the roll-up's transaction.
    expect(await jit(db)).toBe(before);
    expect(await withoutJit(db, (q) => jit(q))).toBe(db.kind === 'postgres' ? 'off' : before);
  });
});
