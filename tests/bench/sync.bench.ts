import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PGlite } from '@electric-sql/pglite';
import { LIMITS, PROTOCOL_VERSION, type WireChange } from '../../shared/sync/protocol';
import { buildServer } from '../../server/sync/app';
import { openPglite, openPostgres, type Database, type Queryable } from '../../server/sync/db';
import { migrate } from '../../server/sync/migrations';
import { createUnion } from '../../server/sync/store/unions';
import { percentile } from './percentile';
import { bookChanges, largeBook } from './sync-book';
import type { ClientJob, FirstSyncResult, UnionsResult } from './sync-client';
import type { BenchResult } from './types';

/**
 * The sync server over loopback HTTP, on PGlite and (when TEST_DATABASE_URL is set) PostgreSQL:
 * the first sync of the large demo book beside a raw COPY of the same rows, an incremental sync of
 * 50 changes, and 500 unions syncing small batches. The devices are a separate process
 * (`sync-client.ts`) speaking the protocol with the app's batch encoding (no IndexedDB), so the
 * figures are the server's and the wire's. Every loop is bounded; nothing leaves 127.0.0.1.
 */
const UNIONS = 500;
/** The app syncs every 60 s and 3 s after a write; the paced load has every union sync 12× as often. */
const PACED_PERIOD_MS = 5_000;
/** BENCH_SYNC_CASES=first: the first and incremental syncs alone, without the raw COPY or the 500 unions (tests/bench/sync-ab.ts). */
const FIRST_ONLY = process.env.BENCH_SYNC_CASES === 'first';
/** BENCH_SYNC_CASES=triggers: the first sync with the kept statistics' triggers on and off, in alternating pairs (triggerPairs). */
const TRIGGER_PAIRS = process.env.BENCH_SYNC_CASES === 'triggers' ? Number(process.env.BENCH_SYNC_TRIGGER_PAIRS) || 3 : 0;
/** BENCH_SYNC_CASES=unions: the 500 unions alone (paced and burst), on a fresh database without the large book (tests/bench/sync-ab.ts). */
const UNIONS_ONLY = process.env.BENCH_SYNC_CASES === 'unions';

function runClient<T>(job: ClientJob): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ub-sync-bench-'));
  const file = join(dir, 'job.json');
  writeFileSync(file, JSON.stringify(job));
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./sync-client.ts', import.meta.url).pathname, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`sync client exited with ${String(code)}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as T);
    });
  });
}

async function enrolNew(db: Database, url: string, code: string): Promise<string> {
  const { enrolmentCode } = await createUnion(db, code, `${code} 工会`);
  const body = JSON.stringify({ v: PROTOCOL_VERSION, unionCode: code, enrolmentCode, deviceId: `${code}dev`, deviceName: 'bench' });
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${url}/api/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (!res.ok) throw new Error(`enrol ${res.status}`);
      return String(((await res.json()) as { token: string }).token);
    } catch (error) {
      // A kept-alive connection the server closed while idle fails once; a new one is opened.
      if (attempt >= 3 || !(error instanceof TypeError)) throw error;
    }
  }
}

/** The rows as the server stores a first sync (one clock per row), in COPY's text format. */
function copyText(unionKey: number, changes: WireChange[], from: number, to: number): string {
  const esc = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
  let out = '';
  for (let i = from; i < to; i++) {
    const c = changes[i]!;
    out += `${unionKey}\t${c.table}\t${esc(c.rowId)}\t${esc(JSON.stringify(c.fields))}\t${esc(JSON.stringify({ '*': c.hlc }))}\t${i + 1}\n`;
  }
  return out;
}

const COPY_ROWS = 'COPY rows (union_key, tbl, row_id, data, field_clocks, seq) FROM';

/** The baseline: the same rows straight into the table with COPY, in chunks the size of a push. */
async function rawCopy(target: { pool?: pg.Pool; lite?: PGlite }, unionKey: number, changes: WireChange[]): Promise<number> {
  const step = LIMITS.maxChangesPerPush;
  const start = performance.now();
  for (let i = 0; i < changes.length; i += step) {
    const text = copyText(unionKey, changes, i, Math.min(changes.length, i + step));
    if (target.lite) {
      await target.lite.query(`${COPY_ROWS} '/dev/blob'`, [], { blob: new Blob([text]) });
    } else {
      const client = await target.pool!.connect();
      try {
        await pipeline(Readable.from([text]), client.query(copyFrom(`${COPY_ROWS} STDIN`)));
      } finally {
        client.release();
      }
    }
  }
  return performance.now() - start;
}

/**
 * BENCH_SYNC_LATENCIES=FILE: each union run's request times appended to FILE as a line of JSON, so
 * that tests/bench/sync-ab.ts can pool a side's runs (a p99 of 1,500 requests is set by a dozen stalls).
 */
const LATENCIES_FILE = process.env.BENCH_SYNC_LATENCIES;

function unionsResult(name: string, environment: string, r: UnionsResult, how: string, serverMs: number[]): BenchResult {
  if (LATENCIES_FILE) appendFileSync(LATENCIES_FILE, `${JSON.stringify({ how, backend: name, latencies: r.latencies })}\n`);
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const server = [...serverMs].sort((a, b) => a - b);
  return {
    name: `sync: ${UNIONS} unions × 3 rounds of 10 changes, ${how}, p99 (${name})`,
    ms: percentile(sorted, 99),
    runs: sorted.length,
    targetMs: 500,
    environment,
    notes: `p50 ${percentile(sorted, 50).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms; ${sorted.length} requests in ${(r.wallMs / 1000).toFixed(1)} s (${((sorted.length * 1000) / r.wallMs).toFixed(0)} per second); inside the server (request read to answer sent) p99 ${percentile(server, 99).toFixed(0)} ms; the load generator used ${r.clientCpuMs.toFixed(0)} ms CPU of the same 2 cores; each union's connection opened before the clock starts, as wrk does`,
  };
}

/** The union's row key, which the rows table is keyed by. */
async function unionKey(db: Queryable, unionId: string): Promise<number> {
  const [row] = await db.query<{ key: unknown }>('SELECT key FROM unions WHERE id = $1', [unionId]);
  return Number(row!.key);
}

/** A PGlite in this process, for the COPY baseline only: the server's own PGlite runs on its own thread. */
function inProcess(lite: PGlite): Database {
  const rows = async <T>(p: Promise<{ rows: T[] }>) => (await p).rows;
  return {
    kind: 'pglite',
    query: <T>(text: string, params?: unknown[]) => rows<T>(lite.query<T>(text, params)),
    exec: async (text) => void (await lite.exec(text)),
    tx: (fn) => lite.transaction((t) => fn({ query: <T>(text: string, params?: unknown[]) => rows<T>(t.query<T>(text, params)) })),
    close: () => lite.close(),
  };
}

/** The raw COPY into an empty rows table of a PGlite data folder of its own. */
async function pgliteCopyBaseline(changes: WireChange[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ub-sync-bench-copy-'));
  const lite = await PGlite.create(dir);
  try {
    const db = inProcess(lite);
    await migrate(db);
    const { union } = await createUnion(db, 'RAW', 'raw');
    return await rawCopy({ lite }, await unionKey(db, union.id), changes);
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The raw COPY. PostgreSQL's goes into the server's own table, so it runs first, into the empty
 * table, which is then emptied again. PGlite's has a data folder and a PGlite of its own in this
 * process, so it runs last: during the first sync this process holds none of its memory, as a
 * running server would not.
 */
interface Baseline {
  first: boolean;
  run(changes: WireChange[]): Promise<number>;
}

async function benchBackend(name: string, db: Database, baseline: Baseline): Promise<BenchResult[]> {
  const app: FastifyInstance = await buildServer({ db, authRateLimit: 100_000 });
  // What the server itself takes per sync request, apart from the wire and the load generator.
  const serverMs: number[] = [];
  app.addHook('onResponse', async (request, reply) => {
    if (request.url === '/api/v1/sync') serverMs.push(reply.elapsedTime);
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const environment = `${name}, Fastify on 127.0.0.1; devices in a separate Node process`;
  const results: BenchResult[] = [];
  try {
    const copy = async () => {
      const ms = await baseline.run(bookChanges(largeBook(), 'benchdev'));
      process.stderr.write(`  raw COPY ${name}: ${(ms / 1000).toFixed(1)} s\n`);
      return ms;
    };
    const copied = {
      name: `raw COPY of the same rows into the rows table, ${LIMITS.maxChangesPerPush} per COPY`,
      ms: baseline.first && !FIRST_ONLY && !UNIONS_ONLY ? await copy() : 0,
    };
    if (UNIONS_ONLY) {
      results.push(...(await unionsCases(db, url, name, environment, serverMs)));
      return results;
    }

    const token = await enrolNew(db, url, 'BIG');
    const first = await runClient<FirstSyncResult>({ kind: 'first-sync', url, token, deviceId: 'benchdev' });
    process.stderr.write(`  first sync ${name}: ${(first.firstSyncMs / 1000).toFixed(1)} s\n`);
    results.push({
      name: `sync: first sync of the large demo book (${first.rows} rows, ${name})`,
      ms: first.firstSyncMs,
      runs: 1,
      targetMs: 20_000,
      ...(FIRST_ONLY ? {} : { baseline: copied }),
      environment,
      notes: `${first.pushes} pushes of up to ${LIMITS.maxChangesPerPush} changes and about 4 MiB (as the app cuts them), then pulls to the end; excludes the app's IndexedDB reads`,
    });
    const incremental = [...first.incrementalMs].sort((a, b) => a - b);
    results.push({
      name: `sync: incremental sync of 50 changes (${name})`,
      ms: percentile(incremental, 50),
      runs: incremental.length,
      targetMs: 300,
      environment,
      notes: 'push + pull in one round trip, on a union holding the large book',
    });
    if (FIRST_ONLY) return results;

    // The first sync leaves the database vacuuming and checkpointing 650,000 new rows for a while;
    // a server that has run for a day has long done so. Done here, it does not fall in the
    // 500-union runs, which measure syncs of a settled server.
    await db.exec('VACUUM (ANALYZE) rows');
    await db.exec('CHECKPOINT');
    results.push(...(await unionsCases(db, url, name, environment, serverMs)));
    if (!baseline.first) copied.ms = await copy();
  } finally {
    await app.close();
  }
  return results;
}

/** 500 unions syncing 3 rounds of 10 changes: paced (each every 5 s), then a burst (all at once). */
async function unionsCases(db: Database, url: string, name: string, environment: string, serverMs: number[]): Promise<BenchResult[]> {
  const tokens: string[] = [];
  for (let i = 0; i < UNIONS; i++) tokens.push(await enrolNew(db, url, `M${i}`));
  const base = { kind: 'unions', url, rounds: 3, changesPerRound: 10 } as const;
  serverMs.length = 0;
  const paced = await runClient<UnionsResult>({ ...base, tokens, periodMs: PACED_PERIOD_MS });
  const results = [unionsResult(name, environment, paced, `each syncing every ${PACED_PERIOD_MS / 1000} s`, serverMs.splice(0))];
  const burstTokens: string[] = [];
  for (let i = 0; i < UNIONS; i++) burstTokens.push(await enrolNew(db, url, `B${i}`));
  serverMs.length = 0;
  const burst = await runClient<UnionsResult>({ ...base, tokens: burstTokens, periodMs: null });
  results.push(unionsResult(name, environment, burst, 'all at the same instant, back to back', serverMs.splice(0)));
  return results;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface TriggerRun {
  side: string;
  ms: number;
  rows: number;
  pushes: number;
  /** Time inside the statistics' trigger functions (pg_stat_user_functions; PostgreSQL with the triggers on). */
  triggerMs: number | null;
  load: string;
}

/**
 * BENCH_SYNC_TRIGGER_OTHER=FILE adds a third side: the triggers on, running the trigger functions of
 * FILE (their CREATE OR REPLACE statements separated by `-- next function`, as
 * tests/fixtures/sync/stats-functions-15.sql holds those of migration 15), to compare two versions
 * of the functions with each other and with none in the same invocation.
 */
const OTHER_FUNCTIONS = process.env.BENCH_SYNC_TRIGGER_OTHER ? readFileSync(process.env.BENCH_SYNC_TRIGGER_OTHER, 'utf8') : null;
type Side = 'off' | 'on' | 'other';
const SIDES: Side[] = OTHER_FUNCTIONS ? ['off', 'on', 'other'] : ['off', 'on'];

/**
 * One first sync of the large demo book into a fresh database, with the kept statistics' triggers
 * on `rows` enabled or disabled (`DISABLE TRIGGER USER`: the four `stat_rows_*` triggers, the only
 * ones on the table), so only their work differs between the two sides.
 */
async function triggerRun(db: Database, side: Side): Promise<TriggerRun> {
  const on = side !== 'off';
  await migrate(db);
  if (!on) await db.exec('ALTER TABLE rows DISABLE TRIGGER USER');
  if (side === 'other') for (const statement of OTHER_FUNCTIONS!.split('-- next function')) await db.query(statement);
  const enabled = await db.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM pg_trigger WHERE tgrelid = 'rows'::regclass AND NOT tgisinternal AND tgenabled <> 'D'`,
  );
  if (Number(enabled[0]!.n) !== (on ? 4 : 0))
    throw new Error(`expected ${on ? 4 : 0} enabled triggers on rows, found ${String(enabled[0]!.n)}`);
  const timed = db.kind === 'postgres';
  if (timed) await db.query('SELECT pg_stat_reset()');
  const app: FastifyInstance = await buildServer({ db, authRateLimit: 100_000 });
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const before = load();
    const token = await enrolNew(db, url, 'BIG');
    const first = await runClient<FirstSyncResult>({ kind: 'first-sync', url, token, deviceId: 'benchdev' });
    // An idle backend reports its function counts within 10 s (PostgreSQL 15's PGSTAT_IDLE_INTERVAL).
    if (timed) await new Promise((resolve) => setTimeout(resolve, 11_000));
    const [fn] = timed
      ? await db.query<{ ms: unknown }>(`SELECT sum(total_time) AS ms FROM pg_stat_user_functions WHERE funcname LIKE 'stat_rows_%'`)
      : [];
    return {
      side,
      ms: first.firstSyncMs,
      rows: first.rows,
      pushes: first.pushes,
      triggerMs: fn?.ms == null ? null : Number(fn.ms),
      load: `${before} before, ${load()} after`,
    };
  } finally {
    await app.close();
  }
}

/**
 * The cost of the kept statistics, on the same code: the first sync with the triggers off and on,
 * in alternating pairs (off then on, on then off, …) so a load swinging on a shared machine falls
 * on both sides alike; each pair's ratio on ÷ off and their median.
 */
async function triggerPairs(name: string, fresh: () => Promise<{ db: Database; dispose: () => Promise<void> }>): Promise<BenchResult> {
  const runs: (TriggerRun & { pair: number })[] = [];
  for (let pair = 1; pair <= TRIGGER_PAIRS; pair++) {
    for (const side of pair % 2 ? SIDES : [...SIDES].reverse()) {
      const { db, dispose } = await fresh();
      try {
        const r = { pair, ...(await triggerRun(db, side)) };
        runs.push(r);
        const inside = r.triggerMs === null ? '' : `, ${(r.triggerMs / 1000).toFixed(1)} s in the trigger functions`;
        process.stderr.write(
          `  pair ${pair} triggers ${side.padEnd(5)} ${name}: ${(r.ms / 1000).toFixed(1)} s${inside} (load ${r.load})\n`,
        );
      } finally {
        await dispose();
      }
    }
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length / 2;
    return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const of = (side: Side) => runs.filter((r) => r.side === side);
  const ratios = (side: Side) =>
    Array.from(
      { length: TRIGGER_PAIRS },
      (_, i) => runs.find((r) => r.pair === i + 1 && r.side === side)!.ms / runs.find((r) => r.pair === i + 1 && r.side === 'off')!.ms,
    );
  const lines = SIDES.filter((s) => s !== 'off').map((side) => {
    const inside = of(side).flatMap((r) => (r.triggerMs === null ? [] : [`${((r.triggerMs / r.ms) * 100).toFixed(0)} %`]));
    return `${side === 'on' ? 'on' : `on with ${process.env.BENCH_SYNC_TRIGGER_OTHER}`} ÷ off: ${ratios(side)
      .map((r) => r.toFixed(2))
      .join(
        ', ',
      )}, median ×${median(ratios(side)).toFixed(2)}${inside.length ? ` (time inside the trigger functions: ${inside.join(', ')} of the sync)` : ''}`;
  });
  for (const line of lines) process.stderr.write(`  ${name}: ${line}\n`);
  return {
    name: `sync: first sync of the large demo book with the kept statistics' triggers on, beside off (${runs[0]!.rows} rows, ${name})`,
    ms: median(of('on').map((r) => r.ms)),
    runs: TRIGGER_PAIRS,
    baseline: { name: 'the same first sync on the same code with the triggers disabled, median', ms: median(of('off').map((r) => r.ms)) },
    environment: `${name}, Fastify on 127.0.0.1; devices in a separate Node process; a fresh database each run`,
    notes: `${TRIGGER_PAIRS} alternating rounds (${SIDES.join(', ')}, then the reverse, …), ${runs[0]!.pushes} pushes each; ${lines.join('; ')}; runs: ${runs
      .map((r) => `${r.pair} ${r.side} ${(r.ms / 1000).toFixed(1)} s (load ${r.load})`)
      .join('; ')}`,
    figures: { 'median ratio on ÷ off': median(ratios('on')) },
  };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  if (TRIGGER_PAIRS) {
    if (process.env.BENCH_SYNC_BACKENDS !== 'postgres') {
      results.push(
        await triggerPairs('PGlite (data folder)', async () => {
          const dir = mkdtempSync(join(tmpdir(), 'ub-sync-bench-'));
          const db = await openPglite(dir);
          return { db, dispose: () => db.close().finally(() => rmSync(dir, { recursive: true, force: true })) };
        }),
      );
    }
    const url = process.env.TEST_DATABASE_URL;
    if (url) {
      // track_functions: the time inside the trigger functions, reported beside each run with them on.
      const tracked = new URL(url);
      tracked.searchParams.set('options', '-c track_functions=all');
      results.push(
        await triggerPairs('PostgreSQL 15', async () => {
          const db = await openPostgres(tracked.toString(), 20);
          await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
          return { db, dispose: () => db.close() };
        }),
      );
    }
    return results;
  }
  // PGlite first: it leaves nothing running once closed, while PostgreSQL goes on vacuuming and
  // checkpointing the rows it was given for a while, on the same two cores.
  if (process.env.BENCH_SYNC_BACKENDS !== 'postgres') {
    // As `npm run server` runs it: a data folder, the database on its own thread.
    const dir = mkdtempSync(join(tmpdir(), 'ub-sync-bench-'));
    const db = await openPglite(dir);
    try {
      results.push(...(await benchBackend('PGlite (data folder)', db, { first: false, run: pgliteCopyBaseline })));
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const pgdb = await openPostgres(url, 20);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const baseline = async (changes: WireChange[]) => {
      const { union } = await createUnion(pgdb, 'RAW', 'raw');
      const ms = await rawCopy({ pool }, await unionKey(pgdb, union.id), changes);
      await pgdb.query('TRUNCATE rows');
      return ms;
    };
    try {
      await pgdb.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
      results.push(...(await benchBackend('PostgreSQL 15', pgdb, { first: true, run: baseline })));
    } finally {
      await pool.end();
      await pgdb.close();
    }
  }
  return results;
}
