import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres, type Database } from '../../server/sync/db';
import { migrate } from '../../server/sync/migrations';
import { REBUILD_STATS } from '../../server/sync/stats-maintenance';
import { annualReport } from '../../server/sync/store/annual-report';
import { ROOT_ORG_ID, subtreeCte } from '../../server/sync/store/orgs';
import { adminOverview } from '../../server/sync/store/overview';
import { ACCOUNT_CODES, type StatsPeriod } from '../../shared/sync/stats';
import { timeMedian, type BenchResult } from './types';

/**
 * The upper union's server at city scale: one city, 10 districts, 150 towns and (by default) 15,000
 * unions with 2,000,000 members, seeded straight into the server's schema with set-based INSERTs
 * (generate_series), rows shaped as the app pushes them. Timed through the store functions the
 * dashboard's routes call: the root's overview, the root's 统计年报 roll-up and a town admin's
 * overview, each beside a plain SQL aggregate over the same rows (counts and sums grouped by union,
 * without the history or the type checks) in the same run. PostgreSQL (TEST_DATABASE_URL) at full
 * size; PGlite grows one tree step by step and reports the largest whose overview stays under 1 s.
 *
 * Per union: 133 or 134 members (one in 20 with a join event, one in 100 transferred out in the
 * year with its event), a year of monthly dues for every active member, and 300 entries.
 */
const YEAR = 2025;
const DISTRICTS = 10;
const TOWNS = 150;
const ENTRIES_PER_UNION = 300;
const FULL_UNIONS = Number(process.env.BENCH_CITY_UNIONS) || 15_000;
const PGLITE_LADDER = (process.env.BENCH_CITY_PGLITE_LADDER ?? '250,500,1000').split(',').map(Number);
const REPORT_PERIOD: StatsPeriod = { from: `${YEAR - 1}-10-01`, to: `${YEAR}-09-30` };
const CALENDAR: StatsPeriod = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
const CLOCK = '001764547200000-000000-seed';

const log = (text: string) => process.stderr.write(`  ${text}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function seedTree(db: Database): Promise<void> {
  await db.query(
    `INSERT INTO orgs (id, code, name, parent_id)
     SELECT 'district-' || i, 'D' || lpad(i::text, 2, '0'), '第' || i || '区总工会', $1 FROM generate_series(1, ${DISTRICTS}) i`,
    [ROOT_ORG_ID],
  );
  await db.query(
    `INSERT INTO orgs (id, code, name, parent_id)
     SELECT 'town-' || i, 'T' || lpad(i::text, 3, '0'), '第' || i || '街道总工会', 'district-' || ((i - 1) % ${DISTRICTS} + 1)
     FROM generate_series(1, ${TOWNS}) i`,
  );
}

/** A deterministic number in [0, mod) from two integers, for spreading genders, statuses, dates and amounts. */
const spread = (a: string, b: string, mod: number) => `((((${a})::bigint * 7919 + (${b})::bigint * 104729) % ${mod} + ${mod}) % ${mod})`;

/** Unions `from`..`to` (numbered from 1) and all their rows; the statistics triggers are left to the rebuild after. */
async function seedUnions(db: Database, from: number, to: number): Promise<void> {
  await db.query(
    `INSERT INTO unions (id, code, name, org_id, last_seq)
     SELECT md5('union-' || n)::uuid::text, 'U' || lpad(n::text, 5, '0'), '第' || n || '基层工会', 'town-' || ((n - 1) % ${TOWNS} + 1), 0
     FROM generate_series(${from}, ${to}) n`,
  );
  const scope = `(SELECT key, substr(code, 2)::int AS n FROM unions WHERE code BETWEEN 'U${String(from).padStart(5, '0')}' AND 'U${String(to).padStart(5, '0')}')`;
  // The members, numbered j per union; a status and join date each, as the roster keeps them.
  const members = `
    SELECT u.key, j, md5(u.key || '-m-' || j)::uuid::text AS id,
      CASE WHEN j % 100 = 0 THEN 'transferred-out' WHEN ${spread('u.key', 'j', 100)} < 5 THEN 'retired'
           WHEN ${spread('u.key', 'j', 100)} < 7 THEN 'unemployed' ELSE 'active' END AS status,
      to_char(date '1990-01-01' + ${spread('j', 'u.key', 12_900)}::int, 'YYYY-MM-DD') AS join_date
    FROM ${scope} u, generate_series(1, 133 + (u.n % 3 = 0)::int) j`;
  await db.query(
    `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
     SELECT m.key, 'members', m.id, json_build_object('id', m.id, 'name', '会员' || m.j,
       'gender', CASE WHEN ${spread('m.j', 'm.key', 100)} < 45 THEN '女' ELSE '男' END, 'ethnicity', '汉族',
       'birthDate', to_char(date '1965-01-01' + ${spread('m.key', 'm.j', 14_000)}::int, 'YYYY-MM-DD'), 'idType', '居民身份证',
       'idNumber', '110101' || lpad(${spread('m.j', 'm.key', 100_000_000)}::text, 12, '0'), 'education', '大学本科', 'skillLevel', '',
       'politicalStatus', '群众', 'householdType', '城镇', 'isMigrantWorker', ${spread('m.key', 'm.j', 5)} = 0,
       'phone', '138' || lpad(${spread('m.j', 'm.key', 100_000_000)}::text, 8, '0'), 'department', '第' || (m.j % 7 + 1) || '车间',
       'joinDate', m.join_date, 'cardNumber', '', 'status', m.status, 'duesExempt', false, 'duesExemptReason', '', 'note', '', 'deleted', 0),
       json_build_object('*', '${CLOCK}'), m.j
     FROM (${members}) m`,
  );
  // Membership events: a join for one member in 20, and the transfer out of one in 100 during the year.
  await db.query(
    `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
     SELECT m.key, 'memberships', e.id, json_build_object('id', e.id, 'memberId', m.id, 'kind', e.kind, 'date', e.day,
       'reason', '', 'otherUnion', CASE WHEN e.kind = 'transfer-out' THEN '市机关工会' ELSE '' END, 'deleted', 0),
       json_build_object('*', '${CLOCK}'), 200 + m.j
     FROM (${members}) m, LATERAL (
       SELECT md5(m.id || '-join')::uuid::text AS id, 'join' AS kind, m.join_date AS day WHERE m.j % 20 = 0
       UNION ALL SELECT md5(m.id || '-out')::uuid::text, 'transfer-out', '${YEAR}-06-15' WHERE m.j % 100 = 0
     ) e`,
  );
  // A year of dues: every active member, every month, by payroll on the 15th.
  await db.query(
    `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
     SELECT m.key, 'duesPayments', p.id, json_build_object('id', p.id, 'memberId', m.id, 'month', p.month,
       'amountFen', 500 + ${spread('m.j', 'm.key', 2500)}, 'paidDate', p.month || '-15', 'method', '工资代扣', 'receiptNumber', '',
       'reversalOf', '', 'batchId', md5(m.key || p.month)::uuid::text, 'deleted', 0),
       json_build_object('*', '${CLOCK}'), 1000 + m.j * 12 + mo
     FROM (${members}) m, generate_series(1, 12) mo,
       LATERAL (SELECT md5(m.id || '-d-' || mo)::uuid::text AS id, '${YEAR}-' || lpad(mo::text, 2, '0') AS month) p
     WHERE m.status = 'active'`,
  );
  // Entries: dues income and 拨缴 receipts, spending on the 5 accounts most used, a few cash moves.
  const accounts = ['401', '402', '50102', '50105', '50301', '50401', '504', '101'];
  await db.query(
    `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
     SELECT u.key, 'transactions', t.id, json_build_object('id', t.id,
       'date', to_char(date '${YEAR - 1}-07-01' + ${spread('u.key', 'k', 548)}::int, 'YYYY-MM-DD'), 'place', 'bank',
       'accountCode', t.account, 'amountFen', 1000 + ${spread('k', 'u.key', 500_000)}, 'summary', '摘要 ' || k,
       'voucherNumber', '记-' || lpad(k::text, 3, '0'), 'attachmentIds', json_build_array(), 'reversalOf', '', 'activityId', '',
       'welfareId', '', 'duesBatchId', '', 'deleted', 0),
       json_build_object('*', '${CLOCK}'), 100000 + k
     FROM ${scope} u, generate_series(1, ${ENTRIES_PER_UNION}) k,
       LATERAL (SELECT md5(u.key || '-t-' || k)::uuid::text AS id, (ARRAY['${accounts.join("','")}'])[k % ${accounts.length} + 1] AS account) t`,
  );
  await db.query(
    `UPDATE unions u SET last_seq = s.seq FROM (SELECT union_key, max(seq) AS seq FROM rows GROUP BY union_key) s
     WHERE s.union_key = u.key AND u.key IN (SELECT key FROM ${scope} x)`,
  );
}

/** Grows the tree to `to` unions, then builds the kept figures from the rows as the migration does. */
async function grow(db: Database, from: number, to: number): Promise<number> {
  const start = performance.now();
  await db.exec('ALTER TABLE rows DISABLE TRIGGER USER');
  const step = 500;
  for (let a = from; a <= to; a += step) {
    await seedUnions(db, a, Math.min(to, a + step - 1));
    log(`${Math.min(to, a + step - 1)} / ${to} unions seeded (${((performance.now() - start) / 1000).toFixed(0)} s, load ${load()})`);
  }
  await db.exec('ALTER TABLE rows ENABLE TRIGGER USER');
  const rebuild = performance.now();
  for (const statement of REBUILD_STATS) await db.query(statement);
  log(`kept statistics built in ${((performance.now() - rebuild) / 1000).toFixed(0)} s`);
  await db.exec('VACUUM ANALYZE');
  return performance.now() - start;
}

/** The plain aggregate: counts and sums over the same rows grouped by union, without the membership history or the type checks. */
async function plainAggregate(db: Database, top: string, period: StatsPeriod): Promise<{ unions: number; dues: number }> {
  const keys = (
    await db.query<{ key: unknown }>(`${subtreeCte('$1')} SELECT u.key FROM unions u JOIN subtree s ON s.id = u.org_id`, [top])
  ).map((u) => Number(u.key));
  const list = (codes: readonly string[]) => `(${codes.map((c) => `'${c}'`).join(', ')})`;
  // The subtree's union keys first, as the kept figures are read; each row's JSON is read once (json_to_record), as a plain aggregate over stored documents would be written.
  const rows = await db.query<{ union_key: number; dues: unknown }>(
    `WITH f AS (
       SELECT r.union_key, r.tbl, x.*
       FROM rows r,
         json_to_record(r.data) AS x(status text, gender text, "isMigrantWorker" boolean, "joinDate" text, kind text, date text,
           "paidDate" text, "amountFen" numeric, "accountCode" text)
       WHERE r.union_key = ANY($1::int[]) AND r.tbl IN ('members', 'memberships', 'duesPayments', 'transactions')
     )
     SELECT union_key,
       count(*) FILTER (WHERE tbl = 'members' AND status IN ('active', 'retired', 'unemployed')) AS members,
       count(*) FILTER (WHERE tbl = 'members' AND status IN ('active', 'retired', 'unemployed') AND gender = '女') AS women,
       count(*) FILTER (WHERE tbl = 'members' AND status IN ('active', 'retired', 'unemployed') AND "isMigrantWorker") AS farmer_workers,
       count(*) FILTER (WHERE tbl = 'members' AND status = 'active') AS in_service,
       count(*) FILTER (WHERE tbl = 'members' AND "joinDate" BETWEEN $2 AND $3) AS joined,
       count(*) FILTER (WHERE tbl = 'memberships' AND kind IN ('transfer-out', 'leave', 'death') AND date BETWEEN $2 AND $3) AS left_n,
       coalesce(sum("amountFen") FILTER (WHERE tbl = 'duesPayments' AND "paidDate" BETWEEN $2 AND $3), 0) AS dues,
       coalesce(sum("amountFen") FILTER (WHERE tbl = 'transactions' AND date BETWEEN $2 AND $3 AND "accountCode" IN ${list(ACCOUNT_CODES.income)}), 0) AS income,
       coalesce(sum("amountFen") FILTER (WHERE tbl = 'transactions' AND date BETWEEN $2 AND $3 AND "accountCode" IN ${list(ACCOUNT_CODES.expense)}), 0) AS spending
     FROM f GROUP BY union_key`,
    [keys, period.from, period.to],
  );
  return { unions: rows.length, dues: rows.reduce((sum, r) => sum + Number(r.dues), 0) };
}

async function counts(db: Database): Promise<Record<string, number>> {
  const rows = await db.query<{ tbl: string; n: unknown }>('SELECT tbl, count(*) AS n FROM rows GROUP BY tbl');
  const [u] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM unions');
  const [kept] = await db.query<{ n: unknown }>(
    'SELECT (SELECT count(*) FROM stat_days) + (SELECT count(*) FROM stat_months) + (SELECT count(*) FROM stat_years) AS n',
  );
  return {
    unions: Number(u!.n),
    ...Object.fromEntries(rows.map((r) => [`${r.tbl} rows`, Number(r.n)])),
    'kept day/month/year sums': Number(kept!.n),
  };
}

interface Measured {
  overview: number;
  overviewPlain: number;
  report: number;
  reportPlain: number;
  town: number;
  townPlain: number;
}

/** The three reads beside their plain aggregates, each the median of `runs`; the plain ones fewer at full size, as each reads every row. */
async function measure(db: Database, runs: number, plainRuns: number): Promise<Measured> {
  const [town] = await db.query<{ id: string }>(`SELECT id FROM orgs WHERE code = 'T001'`);
  const townId = town!.id;
  // Both ways must read the same rows and agree where the figures mean the same: the dues of the year.
  const overview = await adminOverview(db, YEAR, ROOT_ORG_ID);
  const plain = await plainAggregate(db, ROOT_ORG_ID, CALENDAR);
  const keptDues = overview.unions.reduce((sum, u) => sum + u.duesCollectedFen, 0);
  if (keptDues !== plain.dues || overview.unions.length !== plain.unions)
    throw new Error(
      `kept and plain figures disagree: dues ${keptDues} / ${plain.dues}, unions ${overview.unions.length} / ${plain.unions}`,
    );
  const m: Measured = {
    overview: await timeMedian(runs, () => adminOverview(db, YEAR, ROOT_ORG_ID)),
    overviewPlain: await timeMedian(plainRuns, () => plainAggregate(db, ROOT_ORG_ID, CALENDAR)),
    report: await timeMedian(runs, () => annualReport(db, ROOT_ORG_ID, YEAR, REPORT_PERIOD)),
    reportPlain: await timeMedian(plainRuns, () => plainAggregate(db, ROOT_ORG_ID, REPORT_PERIOD)),
    town: await timeMedian(runs, () => adminOverview(db, YEAR, townId)),
    townPlain: await timeMedian(runs, () => plainAggregate(db, townId, CALENDAR)),
  };
  log(`measured: ${JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v)])))} (load ${load()})`);
  return m;
}

function results(
  name: string,
  m: Measured,
  runs: number,
  plainRuns: number,
  environment: string,
  notes: string,
  figures: Record<string, number>,
) {
  const plain = (ms: number, n: number) => ({
    name: `plain SQL aggregate over the same rows (counts and sums by union), median of ${n}`,
    ms,
  });
  const out: BenchResult[] = [
    {
      name: `city: root's dashboard overview (${name})`,
      ms: m.overview,
      runs,
      targetMs: 1000,
      baseline: plain(m.overviewPlain, plainRuns),
      environment,
      notes,
      figures,
    },
    {
      name: `city: root's 统计年报 roll-up ${REPORT_PERIOD.from}…${REPORT_PERIOD.to} (${name})`,
      ms: m.report,
      runs,
      targetMs: 1000,
      baseline: plain(m.reportPlain, plainRuns),
      environment,
      notes,
    },
    {
      name: `city: a town admin's overview (${name})`,
      ms: m.town,
      runs,
      targetMs: 200,
      baseline: plain(m.townPlain, runs),
      environment,
      notes,
    },
  ];
  return out;
}

async function postgres(url: string): Promise<BenchResult[]> {
  const db = await openPostgres(url, 4, 0);
  try {
    await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await migrate(db);
    await seedTree(db);
    const loadBefore = load();
    const seedMs = await grow(db, 1, FULL_UNIONS);
    const figures = { ...(await counts(db)), 'seed and build s': seedMs / 1000 };
    const m = await measure(db, 7, 3);
    const environment = 'PostgreSQL 15 (fsync off), store functions in this process';
    const notes = `4-level tree (city, ${DISTRICTS} districts, ${TOWNS} towns, unions); seeded by set-based INSERT in ${(seedMs / 60_000).toFixed(1)} min; load average before seeding ${loadBefore}, after measuring ${load()} (1, 5, 15 min; 2 cores)`;
    return results('PostgreSQL', m, 7, 3, environment, notes, figures);
  } finally {
    await db.close();
  }
}

/** PGlite grows one tree up the ladder, measuring at each size, until the overview passes 1 s. */
async function pglite(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ub-city-bench-'));
  const db = await openPglite(dir, { statementTimeoutMs: 0 });
  const out: BenchResult[] = [];
  try {
    await migrate(db);
    await seedTree(db);
    let have = 0;
    let largest: { unions: number; m: Measured } | null = null;
    const steps: string[] = [];
    for (const size of PGLITE_LADDER) {
      await grow(db, have + 1, size);
      have = size;
      const m = await measure(db, 5, 3);
      steps.push(`${size} unions: overview ${m.overview.toFixed(0)} ms, 统计年报 ${m.report.toFixed(0)} ms, town ${m.town.toFixed(0)} ms`);
      if (m.overview > 1000) break;
      largest = { unions: size, m };
    }
    if (largest) {
      const notes = `largest tree of the ladder ${PGLITE_LADDER.join(', ')} with the overview under 1 s; ${steps.join('; ')}; load average after ${load()} (2 cores)`;
      out.push(
        ...results(
          `PGlite, ${largest.unions} unions`,
          largest.m,
          5,
          3,
          'PGlite (data folder, own thread), store functions',
          notes,
          await counts(db),
        ),
      );
    } else {
      out.push({
        name: 'city: root overview (PGlite)',
        ms: Number.NaN,
        runs: 0,
        environment: 'PGlite',
        notes: `no size under 1 s: ${steps.join('; ')}`,
      });
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const url = process.env.TEST_DATABASE_URL;
  if (url && process.env.BENCH_CITY_BACKENDS !== 'pglite') out.push(...(await postgres(url)));
  if (process.env.BENCH_CITY_BACKENDS !== 'postgres') out.push(...(await pglite()));
  return out;
}
