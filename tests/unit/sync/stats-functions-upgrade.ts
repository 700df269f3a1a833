import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { migrate, MIGRATIONS } from '../../../server/sync/migrations';
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

const PERIODS = [calendarYear(2024), calendarYear(2025), { from: '2024-10-01', to: '2025-09-30' }];
const TABLES = ['members', 'memberships', 'duesPayments', 'transactions'] as const;

/** Pushes of one device of one union, and the check that the kept figures equal `upwardStats` over its stored rows. */
export function pusher(db: Database, unionId: string, device: string) {
  const clock = new HybridLogicalClock(device);
  const change = (table: WireChange['table'], rowId: string, fields: Record<string, unknown>): WireChange => {
    const hlc = clock.now();
    return { changeId: `${device}:${hlc}`, table, rowId, hlc, fields };
  };
  const push = (changes: WireChange[]) => syncRound(db, { unionId, deviceRowId: device }, { v: 1, changes, cursor: 0 });
  const expectKept = async () => {
    const stored = await storedRows(db, unionId);
    for (const period of PERIODS)
      expect((await upwardStatsByUnion(db, ROOT_ORG_ID, period)).get(unionId)).toEqual(upwardStats(stored, period));
  };
  return { change, push, expectKept };
}

interface Upgrade {
  /** The migration that replaces the trigger functions, and its place in MIGRATIONS. */
  migration: readonly string[];
  level: number;
  /** The functions as the release before it created them (tests/fixtures/sync/). */
  fixture: string;
  /** Text only the new bodies of `stat_rows_updated` hold. */
  marker: string;
  /** A union code of its own, and the seed of its random rows. */
  code: string;
  seed: number;
}

/**
 * A server at `level` gets the migration's trigger functions; the figures its older functions kept
 * stay, and the next pushes (new rows, then edits of amounts, statuses and event dates, tombstones
 * and a tombstone undone) add to them alike, on every backend.
 */
export function functionsUpgradeSuite({ migration, level, fixture, marker, code, seed }: Upgrade): void {
  describe.each(backends())(`the statistics functions move from migration ${level} to ${level + 1} on $name`, (backend) => {
    let db: Database;
    beforeAll(async () => {
      db = await backend.fresh();
    });
    afterAll(async () => {
      await db.close();
      await backend.dispose();
    });

    it('keeps the figures of the rows pushed before and adds those pushed after', async () => {
      expect(MIGRATIONS.findIndex((m) => m === migration)).toBe(level);
      await migrate(db, level);
      // The functions as that release created them (the migrations before now create the current ones).
      for (const statement of readFileSync(fixturePath(fixture), 'utf8').split('-- next function')) await db.query(statement);
      const body = async () =>
        (await db.query<{ body: string }>(`SELECT prosrc AS body FROM pg_proc WHERE proname = 'stat_rows_updated'`))
          .map((b) => b.body)
          .join('');
      expect(await body()).not.toContain(marker);

      const { union } = await createUnion(db, code, `迁移${level + 1}`);
      const { change, push, expectKept } = pusher(db, union.id, `dev-${code.toLowerCase()}`);
      const rows = randomUnionRows(seed);
      const changesOf = (pick: (i: number) => boolean, edit: (row: Record<string, unknown>) => Record<string, unknown>) => {
        const changes: WireChange[] = [];
        const seen = new Set<string>();
        for (const table of TABLES)
          for (const [i, row] of (rows[table] as Record<string, unknown>[]).entries()) {
            if (typeof row?.id !== 'string' || seen.has(`${table}/${row.id}`) || !pick(i)) continue;
            seen.add(`${table}/${row.id}`);
            changes.push(change(table, row.id, edit(row)));
          }
        return changes;
      };
      const whole = (row: Record<string, unknown>) => ({ ...row, deleted: row.deleted === 1 ? 1 : 0 });
      // Half the rows under the older functions.
      await push(changesOf((i) => i % 2 === 0, whole));
      await expectKept();

      expect(await migrate(db)).toBe(MIGRATIONS.length - level);
      expect(await body()).toContain(marker);
      // The other half, then edits of rows pushed before.
      await push(changesOf((i) => i % 2 === 1, whole));
      await push(
        changesOf(
          (i) => i % 3 === 0,
          (row) =>
            typeof row.amountFen === 'number'
              ? { amountFen: row.amountFen + 7 }
              : typeof row.kind === 'string'
                ? { date: '2025-02-02' }
                : { deleted: row.deleted === 1 ? 0 : 1 },
        ),
      );
      const after = await storedRows(db, union.id);
      expect(upwardStats(after, calendarYear(2025)).duesCollectedFen).not.toBe(0);
      await expectKept();
    }, 180_000);
  });
}
