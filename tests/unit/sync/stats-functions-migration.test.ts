import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { migrate, MIGRATIONS } from '../../../server/sync/migrations';
import { STATS_MIGRATION } from '../../../server/sync/stats-maintenance';
import { ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { upwardStatsByUnion } from '../../../server/sync/store/stats';
import { syncRound } from '../../../server/sync/store/sync';
import { createUnion } from '../../../server/sync/store/unions';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { calendarYear } from '../../../shared/sync/stats';
import { backends } from './backends';

/**
 * A server that created the statistics' trigger functions before the current bodies gets them
 * replaced by the next migration; the triggers themselves stay and keep calling them.
 */
describe.each(backends())('the statistics trigger functions are brought up to date on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.fresh();
  });
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });

  it('replaces an older body, and the figures of the next push are kept again', async () => {
    // Migration 14 creates the statistics, 15 brings their functions up to date.
    const statsMigration = MIGRATIONS.findIndex((m) => m === STATS_MIGRATION) + 1;
    await migrate(db, statsMigration);
    // Stands in for a body of an earlier release: it keeps nothing, so a stale function would show.
    await db.query(`CREATE OR REPLACE FUNCTION stat_rows_inserted() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$`);
    const { union } = await createUnion(db, 'FNMIG', '函数迁移');
    const clock = new HybridLogicalClock('dev-fn');
    const push = async (id: string) => {
      const hlc = clock.now();
      const fields = { id, name: id, status: 'active', gender: '女', isMigrantWorker: false, joinDate: '2025-03-01', deleted: 0 };
      await syncRound(
        db,
        { unionId: union.id, deviceRowId: 'dev-fn' },
        { v: 1, changes: [{ changeId: `dev-fn:${hlc}`, table: 'members', rowId: id, hlc, fields }], cursor: 0 },
      );
    };
    await push('m-before');
    const year = calendarYear(2025);
    expect((await upwardStatsByUnion(db, ROOT_ORG_ID, year)).get(union.id)?.members ?? 0).toBe(0);

    expect(await migrate(db, statsMigration + 1)).toBe(1);
    await push('m-after');
    // The member pushed while the stale body ran is not counted (nothing rebuilds it); the one after is.
    expect((await upwardStatsByUnion(db, ROOT_ORG_ID, year)).get(union.id)?.members).toBe(1);
    const bodies = await db.query<{ body: string }>(`SELECT prosrc AS body FROM pg_proc WHERE proname = 'stat_rows_inserted'`);
    expect(bodies.map((b) => b.body).join('')).toContain('OFFSET 0');
  });
});
