import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { migrate, MIGRATIONS } from '../../../server/sync/migrations';
import { STATS_FEWER_STATEMENTS_MIGRATION } from '../../../server/sync/stats-maintenance';
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

const KEPT_TABLES = ['stat_member_days', 'stat_days', 'stat_months', 'stat_years', 'stat_decades'];
const PERIODS = [calendarYear(2024), calendarYear(2025), { from: '2024-10-01', to: '2025-09-30' }];

function pusher(db: Database, unionId: string, device: string) {
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

/**
 * A small push pays for every statement the statistics' triggers run, even one that changes no sum:
 * the triggers run the member step only when a member's contributions can change, and the upserts
 * of the day, month, year and decade sums only when one of them changes. Each statement on the kept
 * tables is noted by a statement trigger of the test's own, which fires even when no row changes.
 */
describe.each(backends())('the statistics triggers run only the statements a push needs on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.fresh();
    await migrate(db);
    await db.query('CREATE TABLE kept_writes (tbl text NOT NULL, op text NOT NULL)');
    await db.query(
      `CREATE FUNCTION note_kept_write() RETURNS trigger LANGUAGE plpgsql AS $body$BEGIN INSERT INTO kept_writes VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END$body$`,
    );
    for (const table of KEPT_TABLES)
      await db.query(
        `CREATE TRIGGER note_kept_write AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION note_kept_write()`,
      );
  });
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });
  beforeEach(async () => {
    await db.query('DELETE FROM kept_writes');
  });
  const writes = async () =>
    (await db.query<{ tbl: string; op: string }>('SELECT DISTINCT tbl, op FROM kept_writes ORDER BY tbl, op')).map(
      (w) => `${w.op} ${w.tbl}`,
    );

  it('runs no statement on the kept sums for new members that are not valid yet, and counts them as invalid', async () => {
    const { union } = await createUnion(db, 'DRAFT', '草稿工会');
    const { change, push, expectKept } = pusher(db, union.id, 'dev-draft');
    // What the 500 unions of the sync bench push: members with a name and no status yet.
    await push(Array.from({ length: 10 }, (_, k) => change('members', `d${k}`, { id: `d${k}`, name: `会员${k}`, deleted: 0 })));
    expect(await writes()).toEqual([]);
    const [counted] = await db.query<{ n: unknown }>(
      'SELECT invalid_rows AS n FROM stat_unions s JOIN unions u ON u.key = s.union_key WHERE u.id = $1',
      [union.id],
    );
    expect(Number(counted!.n)).toBe(10);
    await expectKept();
  });

  it('runs no statement on the kept sums for rows of the other tables', async () => {
    const { union } = await createUnion(db, 'OTHER', '其他工会');
    const { change, push } = pusher(db, union.id, 'dev-other');
    await push([change('activities', 'a1', { id: 'a1', title: '春游', date: '2025-04-01', deleted: 0 })]);
    expect(await writes()).toEqual([]);
  });

  it('adds dues payments to the day, month, year and decade sums without touching the members’ days', async () => {
    const { union } = await createUnion(db, 'DUES', '会费工会');
    const { change, push, expectKept } = pusher(db, union.id, 'dev-dues');
    await push(
      Array.from({ length: 5 }, (_, k) =>
        change('duesPayments', `p${k}`, { id: `p${k}`, memberId: 'x', paidDate: `2025-0${k + 1}-15`, amountFen: 1000 + k, deleted: 0 }),
      ),
    );
    const sums = ['INSERT stat_days', 'INSERT stat_decades', 'INSERT stat_months', 'INSERT stat_years'];
    expect(await writes()).toEqual(expect.arrayContaining(sums));
    expect((await writes()).filter((w) => w.endsWith('stat_member_days'))).toEqual([]);
    await db.query('DELETE FROM kept_writes');
    // An amount edited: the same sums again; still nothing on the members' days.
    await push([change('duesPayments', 'p0', { amountFen: 900 })]);
    expect(await writes()).toEqual(expect.arrayContaining(sums));
    expect((await writes()).filter((w) => w.endsWith('stat_member_days'))).toEqual([]);
    await expectKept();
  });

  it('adds new valid members without removing any days, and an event of one removes its days and adds them again', async () => {
    const { union } = await createUnion(db, 'MEMB', '会员工会');
    const { change, push, expectKept } = pusher(db, union.id, 'dev-memb');
    await push(
      Array.from({ length: 3 }, (_, k) =>
        change('members', `v${k}`, { id: `v${k}`, name: `会员${k}`, status: 'active', gender: '女', joinDate: '2025-03-01', deleted: 0 }),
      ),
    );
    const added = await writes();
    expect(added).toContain('INSERT stat_member_days');
    expect(added).not.toContain('DELETE stat_member_days');
    await expectKept();
    await db.query('DELETE FROM kept_writes');
    await push([change('memberships', 'e1', { id: 'e1', memberId: 'v1', kind: 'join', date: '2024-06-01', deleted: 0 })]);
    expect(await writes()).toEqual(expect.arrayContaining(['DELETE stat_member_days', 'INSERT stat_member_days', 'INSERT stat_days']));
    await expectKept();
  });
});

const TABLES = ['members', 'memberships', 'duesPayments', 'transactions'] as const;

/**
 * A server at migration 16 gets the trigger functions that skip the statements a push does not need;
 * the figures its older functions kept stay, and the next pushes add to them alike.
 */
describe.each(backends())('the statistics functions move from migration 16 to 17 on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.fresh();
  });
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });

  it('keeps the figures of the rows pushed before and adds those pushed after', async () => {
    const level = MIGRATIONS.findIndex((m) => m === STATS_FEWER_STATEMENTS_MIGRATION);
    expect(level).toBe(16);
    await migrate(db, level);
    // The functions as release 16 created them (migrations 14 to 16 now create the current ones).
    for (const statement of readFileSync(fixturePath('sync/stats-functions-16.sql'), 'utf8').split('-- next function'))
      await db.query(statement);
    const body = async () =>
      (await db.query<{ body: string }>(`SELECT prosrc AS body FROM pg_proc WHERE proname = 'stat_rows_updated'`))
        .map((b) => b.body)
        .join('');
    expect(await body()).not.toContain('members_may_change');

    const { union } = await createUnion(db, 'FEW', '迁移十七');
    const { change, push, expectKept } = pusher(db, union.id, 'dev-few');
    const rows = randomUnionRows(17);
    const changesOf = (pick: (table: string, i: number) => boolean, edit: (row: Record<string, unknown>) => Record<string, unknown>) => {
      const changes: WireChange[] = [];
      const seen = new Set<string>();
      for (const table of TABLES)
        for (const [i, row] of (rows[table] as Record<string, unknown>[]).entries()) {
          if (typeof row?.id !== 'string' || seen.has(`${table}/${row.id}`) || !pick(table, i)) continue;
          seen.add(`${table}/${row.id}`);
          changes.push(change(table, row.id, edit(row)));
        }
      return changes;
    };
    const whole = (row: Record<string, unknown>) => ({ ...row, deleted: row.deleted === 1 ? 1 : 0 });
    // Half the rows under the functions of migration 16.
    await push(changesOf((_, i) => i % 2 === 0, whole));
    await expectKept();

    expect(await migrate(db)).toBe(MIGRATIONS.length - level);
    expect(await body()).toContain('members_may_change');
    // The other half, then edits of rows pushed before: amounts, statuses and event dates changed, tombstones.
    await push(changesOf((_, i) => i % 2 === 1, whole));
    await push(
      changesOf(
        (_, i) => i % 3 === 0,
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
