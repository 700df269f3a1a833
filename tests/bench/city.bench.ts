import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres, type Database } from '../../server/sync/db';
import { migrate } from '../../server/sync/migrations';
import { REBUILD_STATS } from '../../server/sync/stats-maintenance';
import { annualReport, annualRollUp } from '../../server/sync/store/annual-report';
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
/** Connections seeding PostgreSQL side by side (PGlite has one). */
const SEED_CONNECTIONS = Number(process.env.BENCH_CITY_SEED_CONNECTIONS) || 2;
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

/**
 * A row id shaped as the app's (a time-ordered UUID v7): the union's key, a kind (1 member, 2 join,
 * 3 transfer out, 4 dues, 5 entry, 6 dues batch) and a number, so each union's ids of a kind ascend
 * as an app's do, and the primary key grows at its end.
 */
const uid = (kind: number, unionKey: string, n: string) =>
  `(lpad(to_hex(${unionKey}), 8, '0') || '-000${kind}-7000-8000-' || lpad(to_hex(${n}), 12, '0'))`;

/**
 * A row's data as JSON text, written by `format` from a template: building it with json_build_object
 * cost the seeding five times as much. Values are strings (`s`), numbers or booleans (`n`: SQL
 * whose text is the JSON literal) or fixed JSON (`j`); none holds a quote or a backslash.
 */
function jsonRow(fields: readonly [string, 's' | 'n' | 'j', string][]): string {
  const args: string[] = [];
  const parts = fields.map(([key, kind, value]) => {
    if (kind === 'j') return `"${key}":${value}`;
    args.push(value);
    return kind === 's' ? `"${key}":"%s"` : `"${key}":%s`;
  });
  return `format('{${parts.join(',')}}', ${args.join(', ')})::json`;
}

const CLOCKS = `'{"*":"${CLOCK}"}'::json`;
const bool = (condition: string) => `CASE WHEN ${condition} THEN 'true' ELSE 'false' END`;

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
    SELECT u.key, j, ${uid(1, 'u.key', 'j')} AS id,
      CASE WHEN j % 100 = 0 THEN 'transferred-out' WHEN ${spread('u.key', 'j', 100)} < 5 THEN 'retired'
           WHEN ${spread('u.key', 'j', 100)} < 7 THEN 'unemployed' ELSE 'active' END AS status,
      to_char(date '1990-01-01' + ${spread('j', 'u.key', 12_900)}::int, 'YYYY-MM-DD') AS join_date
    FROM ${scope} u, generate_series(1, 133 + (u.n % 3 = 0)::int) j`;
  const member = jsonRow([
    ['id', 's', 'm.id'],
    ['name', 's', `'会员' || m.j`],
    ['gender', 's', `CASE WHEN ${spread('m.j', 'm.key', 100)} < 45 THEN '女' ELSE '男' END`],
    ['ethnicity', 's', `'汉族'`],
    ['birthDate', 's', `to_char(date '1965-01-01' + ${spread('m.key', 'm.j', 14_000)}::int, 'YYYY-MM-DD')`],
    ['idType', 's', `'居民身份证'`],
    ['idNumber', 's', `'110101' || lpad(${spread('m.j', 'm.key', 100_000_000)}::text, 12, '0')`],
    ['education', 's', `'大学本科'`],
    ['skillLevel', 'j', '""'],
    ['politicalStatus', 's', `'群众'`],
    ['householdType', 's', `'城镇'`],
    ['isMigrantWorker', 'n', bool(`${spread('m.key', 'm.j', 5)} = 0`)],
    ['phone', 's', `'138' || lpad(${spread('m.j', 'm.key', 100_000_000)}::text, 8, '0')`],
    ['department', 's', `'第' || (m.j % 7 + 1) || '车间'`],
    ['joinDate', 's', 'm.join_date'],
    ['cardNumber', 'j', '""'],
    ['status', 's', 'm.status'],
    ['duesExempt', 'j', 'false'],
    ['duesExemptReason', 'j', '""'],
    ['note', 'j', '""'],
    ['deleted', 'j', '0'],
  ]);
  await db.query(
    `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
     SELECT m.key, 'members', m.id, ${member}, ${CLOCKS}, m.j FROM (${members}) m`,
  );
  // Membership events: a join for one member in 20, and the transfer out of one in 100 during the year.
  const event = jsonRow([
    ['id', 's', 'e.id'],
    ['memberId', 's', 'm.id'],
    ['kind', 's', 'e.kind'],
    ['date', 's', 'e.day'],
    ['reason', 'j', '""'],
    ['otherUnion', 's', `CASE WHEN e.kind = 'transfer-out' THEN '市机关工会' ELSE '' END`],
    ['deleted', 'j', '0'],
  ]);
  await db.query(
    `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
     SELECT m.key, 'memberships', e.id, ${event}, ${CLOCKS}, e.seq
     FROM (${members}) m, LATERAL (
       SELECT ${uid(2, 'm.key', 'm.j')} AS id, 'join' AS kind, m.join_date AS day, 200 + m.j AS seq WHERE m.j % 20 = 0
       UNION ALL SELECT ${uid(3, 'm.key', 'm.j')}, 'transfer-out', '${YEAR}-06-15', 400 + m.j WHERE m.j % 100 = 0
     ) e`,
  );
  // A year of dues: every active member, every month, by payroll on the 15th.
  const dues = jsonRow([
    ['id', 's', uid(4, 'm.key', 'm.j * 12 + mo')],
    ['memberId', 's', 'm.id'],
    ['month', 's', 'p.month'],
    ['amountFen', 'n', `500 + ${spread('m.j', 'm.key', 2500)}`],
    ['paidDate', 's', `p.month || '-15'`],
    ['method', 's', `'工资代扣'`],
    ['receiptNumber', 'j', '""'],
    ['reversalOf', 'j', '""'],
    ['batchId', 's', uid(6, 'm.key', 'mo')],
    ['deleted', 'j', '0'],
  ]);
  await db.query(
    `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
     SELECT m.key, 'duesPayments', ${uid(4, 'm.key', 'm.j * 12 + mo')}, ${dues}, ${CLOCKS}, 1000 + m.j * 12 + mo
     FROM (${members}) m, generate_series(1, 12) mo, LATERAL (SELECT '${YEAR}-' || lpad(mo::text, 2, '0') AS month) p
     WHERE m.status = 'active'`,
  );
  // Entries: dues income and 拨缴 receipts, spending on the 5 accounts most used, a few cash moves.
  const accounts = ['401', '402', '50102', '50105', '50301', '50401', '504', '101'];
  const entry = jsonRow([
    ['id', 's', uid(5, 'u.key', 'k')],
    ['date', 's', `to_char(date '${YEAR - 1}-07-01' + ${spread('u.key', 'k', 548)}::int, 'YYYY-MM-DD')`],
    ['place', 's', `'bank'`],
    ['accountCode', 's', `(ARRAY['${accounts.join("','")}'])[k % ${accounts.length} + 1]`],
    ['amountFen', 'n', `1000 + ${spread('k', 'u.key', 500_000)}`],
    ['summary', 's', `'摘要 ' || k`],
    ['voucherNumber', 's', `'记-' || lpad(k::text, 3, '0')`],
    ['attachmentIds', 'j', '[]'],
    ['reversalOf', 'j', '""'],
    ['activityId', 'j', '""'],
    ['welfareId', 'j', '""'],
    ['duesBatchId', 'j', '""'],
    ['deleted', 'j', '0'],
  ]);
  await db.query(
    `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
     SELECT u.key, 'transactions', ${uid(5, 'u.key', 'k')}, ${entry}, ${CLOCKS}, 100000 + k
     FROM ${scope} u, generate_series(1, ${ENTRIES_PER_UNION}) k`,
  );
  // The entries took each union's highest sequence numbers.
  await db.query(`UPDATE unions SET last_seq = ${100_000 + ENTRIES_PER_UNION} WHERE key IN (SELECT key FROM ${scope} x)`);
}

/**
 * Grows the tree to `to` unions, `parallel` chunks of 500 at a time, then builds the kept figures
 * from the rows as the migration does. Answers the time of each.
 */
async function grow(db: Database, from: number, to: number, parallel: number): Promise<{ seedMs: number; buildMs: number }> {
  const start = performance.now();
  await db.exec('ALTER TABLE rows DISABLE TRIGGER USER');
  const step = 500;
  let next = from;
  let seeded = from - 1;
  const worker = async () => {
    while (next <= to) {
      const a = next;
      const b = Math.min(to, a + step - 1);
      next = b + 1;
      await seedUnions(db, a, b);
      seeded += b - a + 1;
      log(`${seeded} / ${to} unions seeded (${((performance.now() - start) / 1000).toFixed(0)} s, load ${load()})`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  await db.exec('ALTER TABLE rows ENABLE TRIGGER USER');
  const rebuild = performance.now();
  // In one transaction, as the migration runs it.
  await db.tx(async (q) => {
    for (const statement of REBUILD_STATS) await q.query(statement);
  });
  const buildMs = performance.now() - rebuild;
  log(`kept statistics built in ${(buildMs / 1000).toFixed(0)} s (load ${load()})`);
  // Statistics for the planner; the kept tables also vacuumed, as autovacuum would have by the time anyone reads them.
  for (const table of ['rows', 'unions', 'orgs']) await db.exec(`ANALYZE ${table}`);
  await db.exec('VACUUM ANALYZE stat_days, stat_months, stat_years, stat_decades, stat_unions');
  return { seedMs: rebuild - start, buildMs };
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
  /** The 统计年报 export's read of every union, once. */
  exportRead?: number;
}

/** The three reads beside their plain aggregates, each the median of `runs`; the plain ones fewer at full size, as each reads every row. */
async function measure(db: Database, runs: number, plainRuns: number): Promise<Measured> {
  const [town] = await db.query<{ id: string }>(`SELECT id FROM orgs WHERE code = 'T001'`);
  const townId = town!.id;
  // Both ways must read the same rows and agree where the figures mean the same: the dues of the year.
  const overview = await adminOverview(db, YEAR, ROOT_ORG_ID);
  const plainStart = performance.now();
  const plain = await plainAggregate(db, ROOT_ORG_ID, CALENDAR);
  const firstPlain = performance.now() - plainStart;
  const keptDues = overview.totals.duesCollectedFen;
  if (keptDues !== plain.dues || overview.totals.unions !== plain.unions)
    throw new Error(
      `kept and plain figures disagree: dues ${keptDues} / ${plain.dues}, unions ${overview.totals.unions} / ${plain.unions}`,
    );
  const m: Measured = {
    overview: await timeMedian(runs, () => adminOverview(db, YEAR, ROOT_ORG_ID)),
    // The check's own run is the one timed when one is asked (at full size each reads every stored row).
    overviewPlain: plainRuns > 1 ? await timeMedian(plainRuns, () => plainAggregate(db, ROOT_ORG_ID, CALENDAR)) : firstPlain,
    report: await timeMedian(runs, () => annualRollUp(db, ROOT_ORG_ID, YEAR, REPORT_PERIOD)),
    reportPlain: await timeMedian(plainRuns, () => plainAggregate(db, ROOT_ORG_ID, REPORT_PERIOD)),
    town: await timeMedian(runs, () => adminOverview(db, YEAR, townId)),
    townPlain: await timeMedian(runs, () => plainAggregate(db, townId, CALENDAR)),
  };
  // The .xlsx export still lists every union: timed once, for the notes.
  const exportStart = performance.now();
  const report = await annualReport(db, ROOT_ORG_ID, YEAR, REPORT_PERIOD);
  m.exportRead = performance.now() - exportStart;
  if (report.unions.length !== plain.unions) throw new Error(`the export lists ${report.unions.length} of ${plain.unions} unions`);
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
      name: `city: root's dashboard overview, first page of 50 unions and every organisation's totals (${name})`,
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
      notes: `per-organisation totals in SQL (annualRollUp); the .xlsx export's read of every union took ${((m.exportRead ?? 0) / 1000).toFixed(1)} s once; ${notes}`,
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

/**
 * A finished seed leaves this mark (outside the server's schema, dropped with it), so a later run
 * with BENCH_CITY_REUSE=1 can tell a complete tree of the asked size from one cut short.
 */
const SEED_MARK = 'bench_city_seed';

async function seededUnions(db: Database): Promise<number | null> {
  const [mark] = await db.query<{ t: string | null }>(`SELECT to_regclass('${SEED_MARK}')::text AS t`);
  if (!mark?.t) return null;
  const [seed] = await db.query<{ unions: unknown; n: unknown }>(`SELECT s.unions, (SELECT count(*) FROM unions) AS n FROM ${SEED_MARK} s`);
  return seed && Number(seed.unions) === Number(seed.n) ? Number(seed.unions) : null;
}

async function postgres(url: string): Promise<BenchResult[]> {
  const db = await openPostgres(url, Math.max(4, SEED_CONNECTIONS), 0);
  try {
    const loadBefore = load();
    let seeding: string;
    let figures: Record<string, number>;
    if (process.env.BENCH_CITY_REUSE === '1' && (await seededUnions(db)) === FULL_UNIONS) {
      // The kept tree: only the migrations this version adds (a new one builds its own tables from the rows).
      const start = performance.now();
      await migrate(db);
      log(`reusing the seeded tree of ${FULL_UNIONS} unions; migrated in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      figures = await counts(db);
      seeding = 'tree kept from an earlier seed (BENCH_CITY_REUSE=1)';
    } else {
      await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
      await migrate(db);
      await seedTree(db);
      const { seedMs, buildMs } = await grow(db, 1, FULL_UNIONS, SEED_CONNECTIONS);
      await db.query(`CREATE TABLE ${SEED_MARK} AS SELECT ${FULL_UNIONS}::int AS unions, now() AS seeded_at`);
      figures = { ...(await counts(db)), 'seed s': seedMs / 1000, 'kept statistics build s': buildMs / 1000 };
      seeding = `seeded by set-based INSERT (${SEED_CONNECTIONS} connections) in ${(seedMs / 60_000).toFixed(1)} min, kept statistics built from the rows in ${(buildMs / 60_000).toFixed(1)} min`;
      if (process.env.BENCH_CITY_SEED_ONLY === '1') {
        log(`seeded and kept for BENCH_CITY_REUSE=1: ${JSON.stringify(figures)}`);
        return [];
      }
    }
    const m = await measure(db, 7, 1);
    const environment = 'PostgreSQL 15 (fsync off), store functions in this process';
    const notes = `4-level tree (city, ${DISTRICTS} districts, ${TOWNS} towns, unions); ${seeding}; load average before ${loadBefore}, after measuring ${load()} (1, 5, 15 min; 2 cores)`;
    return results('PostgreSQL', m, 7, 1, environment, notes, figures);
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
    // The row counts are the measured tree's: read at each step, as the next step grows it.
    let largest: { unions: number; m: Measured; figures: Record<string, number> } | null = null;
    const steps: string[] = [];
    for (const size of PGLITE_LADDER) {
      const { seedMs, buildMs } = await grow(db, have + 1, size, 1);
      have = size;
      const m = await measure(db, 5, 3);
      steps.push(
        `${size} unions (seeded in ${(seedMs / 1000).toFixed(0)} s, built in ${(buildMs / 1000).toFixed(0)} s): overview ${m.overview.toFixed(0)} ms, 统计年报 ${m.report.toFixed(0)} ms, town ${m.town.toFixed(0)} ms`,
      );
      if (m.overview > 1000) break;
      largest = { unions: size, m, figures: await counts(db) };
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
          largest.figures,
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
