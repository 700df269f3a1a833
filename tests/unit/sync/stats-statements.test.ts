import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { migrate } from '../../../server/sync/migrations';
import {
  STATS_FEWER_STATEMENTS_MIGRATION,
  STATS_MEMBERS_READ_ONCE_MIGRATION,
  STATS_MONEY_IN_ONE_STATEMENT_MIGRATION,
  STATS_MONEY_LOOKED_UP_ONCE_MIGRATION,
  STATS_NUMBERS_AS_STORED_MIGRATION,
} from '../../../server/sync/stats-maintenance';
import { createUnion } from '../../../server/sync/store/unions';
import { backends } from './backends';
import { functionsUpgradeSuite, pusher } from './stats-functions-upgrade';

const KEPT_TABLES = ['stat_member_days', 'stat_days', 'stat_months', 'stat_years', 'stat_decades'];
/** The kept tables and the count of invalid rows, which the classifying statement writes: the statements counted. */
const COUNTED_TABLES = ['stat_unions', ...KEPT_TABLES];

/**
 * A small push pays for every statement the statistics' triggers run, even one that changes no sum:
 * the triggers run the member step only when a member's contributions can change, and the upserts
 * of the day, month, year and decade sums only when one of them changes, and a push that changes no
 * member or membership row adds its money to the sums in the statement that classifies it. Each
 * statement on the kept tables is noted by statement triggers of the test's own, which fire even when
 * no row changes: a statement's BEFORE triggers all fire before its AFTER triggers, so a BEFORE
 * after an AFTER begins another statement.
 */
describe.each(backends())('the statistics triggers run only the statements a push needs on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.fresh();
    await migrate(db);
    await db.query('CREATE TABLE kept_writes (n serial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, timing text NOT NULL)');
    await db.query(
      `CREATE FUNCTION note_kept_write() RETURNS trigger LANGUAGE plpgsql AS $body$BEGIN INSERT INTO kept_writes (tbl, op, timing) VALUES (TG_TABLE_NAME, TG_OP, TG_WHEN); RETURN NULL; END$body$`,
    );
    for (const table of COUNTED_TABLES)
      for (const timing of ['BEFORE', 'AFTER'])
        await db.query(
          `CREATE TRIGGER note_kept_write_${timing.toLowerCase()} ${timing} INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION note_kept_write()`,
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
    (
      await db.query<{ tbl: string; op: string }>(`SELECT DISTINCT tbl, op FROM kept_writes WHERE tbl <> 'stat_unions' ORDER BY tbl, op`)
    ).map((w) => `${w.op} ${w.tbl}`);
  /** How many statements wrote the kept tables or the count of invalid rows. */
  const statements = async () => {
    const [row] = await db.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM (SELECT timing, lag(timing) OVER (ORDER BY n) AS prev FROM kept_writes) w
       WHERE timing = 'BEFORE' AND prev IS DISTINCT FROM 'BEFORE'`,
    );
    return Number(row!.n);
  };

  it('runs no statement on the kept sums for new members that are not valid yet, and counts them as invalid', async () => {
    const { union } = await createUnion(db, 'DRAFT', '草稿工会');
    const { change, push, expectKept } = pusher(db, union.id, 'dev-draft');
    // What the 500 unions of the sync bench push: members with a name and no status yet.
    await push(Array.from({ length: 10 }, (_, k) => change('members', `d${k}`, { id: `d${k}`, name: `会员${k}`, deleted: 0 })));
    expect(await writes()).toEqual([]);
    expect(await statements()).toBe(1);
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
    expect(await statements()).toBe(0);
  });

  it('adds dues payments to the day, month, year and decade sums in the statement that classifies them, without touching the members’ days', async () => {
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
    expect(await statements()).toBe(1);
    await db.query('DELETE FROM kept_writes');
    // An amount edited: the same sums again; still nothing on the members' days.
    await push([change('duesPayments', 'p0', { amountFen: 900 })]);
    expect(await writes()).toEqual(expect.arrayContaining(sums));
    expect((await writes()).filter((w) => w.endsWith('stat_member_days'))).toEqual([]);
    expect(await statements()).toBe(1);
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

// A server at migration 16 gets the trigger functions that skip the statements a push does not need.
functionsUpgradeSuite({
  migration: STATS_FEWER_STATEMENTS_MIGRATION,
  level: 16,
  fixture: 'sync/stats-functions-16.sql',
  marker: 'members_may_change',
  code: 'FEW',
  seed: 17,
});

// A server at migration 17 gets the trigger functions that add a push's money to the sums in the statement that classifies it.
functionsUpgradeSuite({
  migration: STATS_MONEY_IN_ONE_STATEMENT_MIGRATION,
  level: 17,
  fixture: 'sync/stats-functions-17.sql',
  marker: 'members_touched',
  code: 'MON',
  seed: 18,
});

// A server at migration 18 gets the trigger functions that read amounts as the numerics the parsed rows hold.
functionsUpgradeSuite({
  migration: STATS_NUMBERS_AS_STORED_MIGRATION,
  level: 18,
  fixture: 'sync/stats-functions-18.sql',
  marker: "->'amountFen')::numeric",
  code: 'NUM',
  seed: 19,
});

// A server at migration 19 gets the trigger functions that take the members a statement wrote from the rows it classified.
functionsUpgradeSuite({
  migration: STATS_MEMBERS_READ_ONCE_MIGRATION,
  level: 19,
  fixture: 'sync/stats-functions-19.sql',
  marker: 'fresh_keys',
  code: 'MRO',
  seed: 20,
});

// A server at migration 20 gets the trigger functions that classify dues payments and entries each by their own table's rules.
functionsUpgradeSuite({
  migration: STATS_MONEY_LOOKED_UP_ONCE_MIGRATION,
  level: 20,
  fixture: 'sync/stats-functions-20.sql',
  marker: 'dues_rows',
  code: 'MLO',
  seed: 21,
});
