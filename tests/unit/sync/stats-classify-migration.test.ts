import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { migrate, MIGRATIONS } from '../../../server/sync/migrations';
import { STATS_CLASSIFY_ONCE_MIGRATION } from '../../../server/sync/stats-maintenance';
import { ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { upwardStatsByUnion } from '../../../server/sync/store/stats';
import { syncRound } from '../../../server/sync/store/sync';
import { createUnion } from '../../../server/sync/store/unions';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import type { WireChange } from '../../../shared/sync/protocol';
import { calendarYear, upwardStats } from '../../../shared/sync/stats';
import { fixturePath } from '../../fixtures/path';
import { backends } from './backends';
import { randomUnionRows, storedRows } from './stats-rows';

const TABLES = ['members', 'memberships', 'duesPayments', 'transactions'] as const;

/**
 * A server at migration 15 gets the trigger functions whose money step classifies each row once;
 * the figures its older functions kept stay, and the next pushes add to them alike.
 */
describe.each(backends())('the statistics functions move from migration 15 to 16 on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.fresh();
  });
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });

  it('keeps the figures of the rows pushed before and adds those pushed after', async () => {
    const level = MIGRATIONS.findIndex((m) => m === STATS_CLASSIFY_ONCE_MIGRATION);
    expect(level).toBe(15);
    await migrate(db, level);
    // The functions as release 15 created them (migrations 14 and 15 now create the current ones).
    for (const statement of readFileSync(fixturePath('sync/stats-functions-15.sql'), 'utf8').split('-- next function'))
      await db.query(statement);
    const body = async () =>
      (await db.query<{ body: string }>(`SELECT prosrc AS body FROM pg_proc WHERE proname = 'stat_rows_updated'`))
        .map((b) => b.body)
        .join('');
    expect(await body()).not.toContain('FROM classified OFFSET 0');

    const { union } = await createUnion(db, 'CLS', '迁移十六');
    const clock = new HybridLogicalClock('dev-cls');
    const rows = randomUnionRows(16);
    const changesOf = (pick: (table: string, i: number) => boolean, edit: (row: Record<string, unknown>) => Record<string, unknown>) => {
      const changes: WireChange[] = [];
      const seen = new Set<string>();
      for (const table of TABLES)
        for (const [i, row] of (rows[table] as Record<string, unknown>[]).entries()) {
          if (typeof row?.id !== 'string' || seen.has(`${table}/${row.id}`) || !pick(table, i)) continue;
          seen.add(`${table}/${row.id}`);
          const hlc = clock.now();
          changes.push({ changeId: `dev-cls:${hlc}`, table, rowId: row.id, hlc, fields: edit(row) });
        }
      return changes;
    };
    const push = (changes: WireChange[]) => syncRound(db, { unionId: union.id, deviceRowId: 'dev-cls' }, { v: 1, changes, cursor: 0 });
    const expectKept = async () => {
      const stored = await storedRows(db, union.id);
      for (const period of [calendarYear(2024), calendarYear(2025), { from: '2024-10-01', to: '2025-09-30' }])
        expect((await upwardStatsByUnion(db, ROOT_ORG_ID, period)).get(union.id)).toEqual(upwardStats(stored, period));
    };
    // Half the rows under the functions of migration 15.
    await push(
      changesOf(
        (_, i) => i % 2 === 0,
        (row) => ({ ...row, deleted: row.deleted === 1 ? 1 : 0 }),
      ),
    );
    await expectKept();

    expect(await migrate(db)).toBe(MIGRATIONS.length - level);
    expect(await body()).toContain('FROM classified OFFSET 0');
    // The other half, then edits of rows pushed before: amounts changed, tombstones, and a tombstone undone.
    await push(
      changesOf(
        (_, i) => i % 2 === 1,
        (row) => ({ ...row, deleted: row.deleted === 1 ? 1 : 0 }),
      ),
    );
    await push(
      changesOf(
        (table, i) => (table === 'duesPayments' || table === 'transactions') && i % 3 === 0,
        (row) => (typeof row.amountFen === 'number' ? { amountFen: row.amountFen + 7 } : { deleted: row.deleted === 1 ? 0 : 1 }),
      ),
    );
    const after = await storedRows(db, union.id);
    expect(upwardStats(after, calendarYear(2025)).duesCollectedFen).not.toBe(0);
    await expectKept();
  }, 180_000);
});
