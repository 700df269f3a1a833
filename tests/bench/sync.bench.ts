import type { FastifyInstance } from 'fastify';
import { HybridLogicalClock } from '../../shared/clock/hlc';
import { stampUpdate } from '../../shared/book/changes';
import { generateDemoBook, LARGE_DEMO } from '../../shared/demo/generator';
import { TABLE_NAMES, type BookTables } from '../../shared/model/book';
import { LIMITS, PROTOCOL_VERSION, type SyncResponse, type WireChange } from '../../shared/sync/protocol';
import { toWire } from '../../renderer/src/features/sync/outgoing';
import { buildServer } from '../../server/sync/app';
import { openPglite, openPostgres, type Database } from '../../server/sync/db';
import { createUnion } from '../../server/sync/store/unions';
import type { BenchResult } from './types';

/**
 * The sync server over loopback HTTP, on PGlite and (when TEST_DATABASE_URL is set) PostgreSQL:
 * the first sync of the large demo book next to a bulk INSERT of the same rows, an incremental
 * sync of 50 changes, and 500 unions syncing small batches at once. The client side is the
 * protocol only (the app's batch encoding, no IndexedDB), so the figures are the server's and
 * the wire's. Every loop is bounded; nothing leaves 127.0.0.1.
 */
const BATCH = LIMITS.maxChangesPerPush;

/** A dropped connection is retried as the app does: resending a batch is safe, it applies once. */
async function post(url: string, path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${path} ${res.status}: ${String(json.error)}`);
      return json;
    } catch (error) {
      if (attempt >= 3 || !(error instanceof TypeError)) throw error;
    }
  }
}

async function enrolNew(db: Database, url: string, code: string): Promise<string> {
  const { enrolmentCode } = await createUnion(db, code, `${code} 工会`);
  const res = await post(url, '/api/v1/enrol', {
    v: PROTOCOL_VERSION,
    unionCode: code,
    enrolmentCode,
    deviceId: `${code}dev`,
    deviceName: 'bench',
  });
  return String(res.token);
}

function bookChanges(book: BookTables, deviceId: string): WireChange[] {
  const out: WireChange[] = [];
  for (const table of TABLE_NAMES) {
    for (const row of book[table] as unknown as Record<string, unknown>[]) {
      const { updatedAt, deviceId: _d, ...fields } = row;
      out.push(
        toWire({
          changeId: `${deviceId}:boot:${table}:${String(row.id)}:${String(updatedAt)}`,
          table,
          rowId: String(row.id),
          hlc: String(updatedAt),
          fields,
        }),
      );
    }
  }
  return out;
}

/** Pushes everything in batches, then pulls until done, as the app's first sync does. */
async function syncAll(url: string, token: string, changes: WireChange[], cursor = 0): Promise<number> {
  for (let i = 0; i < changes.length; i += BATCH) {
    const res = (await post(
      url,
      '/api/v1/sync',
      { v: 1, changes: changes.slice(i, i + BATCH), cursor, pullLimit: 1 },
      token,
    )) as unknown as SyncResponse;
    cursor = res.cursor;
    if (i % (100 * BATCH) === 0)
      process.stderr.write(`  … ${i + BATCH} / ${changes.length} rows pushed (${(performance.now() / 1000).toFixed(0)} s)\n`);
  }
  for (let more = true; more;) {
    const res = (await post(url, '/api/v1/sync', { v: 1, changes: [], cursor, pullLimit: 2000 }, token)) as unknown as SyncResponse;
    cursor = res.cursor;
    more = res.more;
  }
  return cursor;
}

async function bulkInsert(db: Database, unionId: string, changes: WireChange[]): Promise<void> {
  for (let i = 0; i < changes.length; i += 5000) {
    const slice = changes.slice(i, i + 5000).map((c, j) => ({
      tbl: c.table,
      row_id: c.rowId,
      data: c.fields,
      clocks: Object.fromEntries(Object.keys(c.fields).map((f) => [f, c.hlc])),
      seq: i + j + 1,
    }));
    await db.query(
      `INSERT INTO rows (union_id, tbl, row_id, data, field_clocks, seq)
       SELECT $1, x.tbl, x.row_id, x.data, x.clocks, x.seq FROM jsonb_to_recordset($2::jsonb) AS x(tbl text, row_id text, data jsonb, clocks jsonb, seq bigint)`,
      [unionId, JSON.stringify(slice)],
    );
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function benchBackend(name: string, db: Database): Promise<BenchResult[]> {
  const app: FastifyInstance = await buildServer({ db, authRateLimit: 100_000 });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const environment = `${name}, Fastify on 127.0.0.1, Node fetch client`;
  const results: BenchResult[] = [];
  try {
    const book = generateDemoBook({ ...LARGE_DEMO, endMonth: '2025-12' });
    // BENCH_SYNC_ROWS cuts the book for quick iterations; reported figures use the whole book.
    const changes = bookChanges(book, 'benchdev').slice(0, Number(process.env.BENCH_SYNC_ROWS) || undefined);
    const token = await enrolNew(db, url, 'BIG');
    let start = performance.now();
    const cursor = await syncAll(url, token, changes);
    const firstSync = performance.now() - start;
    process.stderr.write(`  first sync ${name}: ${(firstSync / 1000).toFixed(1)} s\n`);

    const raw = await createUnion(db, 'RAW', 'raw');
    start = performance.now();
    await bulkInsert(db, raw.union.id, changes);
    const bulk = performance.now() - start;
    results.push({
      name: `sync: first sync of the large demo book (${changes.length} rows, ${name})`,
      ms: firstSync,
      runs: 1,
      targetMs: 20_000,
      baseline: { name: 'bulk INSERT … jsonb_to_recordset of the same rows, 5000 per statement', ms: bulk },
      environment,
      notes: `${Math.ceil(changes.length / BATCH)} pushes of ${BATCH}; excludes the app's IndexedDB reads`,
    });

    const clock = new HybridLogicalClock('benchdev');
    const times: number[] = [];
    let c = cursor;
    for (let run = 0; run < 5; run++) {
      const edits = book.members
        .slice(run * 50, run * 50 + 50)
        .map((m) => stampUpdate({ deviceId: 'benchdev', clock }, 'members', m, { note: `改 ${run}` })!.change);
      start = performance.now();
      const res = (await post(url, '/api/v1/sync', { v: 1, changes: edits.map(toWire), cursor: c }, token)) as unknown as SyncResponse;
      times.push(performance.now() - start);
      c = res.cursor;
    }
    times.sort((a, b) => a - b);
    results.push({
      name: `sync: incremental sync of 50 changes (${name})`,
      ms: percentile(times, 50),
      runs: 5,
      targetMs: 300,
      environment,
      notes: 'push + pull in one round trip, on a union holding the large book',
    });

    const unions = 500;
    const tokens: string[] = [];
    for (let i = 0; i < unions; i++) tokens.push(await enrolNew(db, url, `M${i}`));
    const latencies: number[] = [];
    start = performance.now();
    await Promise.all(
      tokens.map(async (t, i) => {
        const deviceClock = new HybridLogicalClock(`m${i}dev`);
        let cur = 0;
        for (let round = 0; round < 3; round++) {
          const batch = Array.from({ length: 10 }, (_, k) => {
            const hlc = deviceClock.now();
            return {
              changeId: `m${i}dev:${hlc}`,
              table: 'members',
              rowId: `m${i}-r${round}-${k}`,
              hlc,
              fields: { id: `m${i}-r${round}-${k}`, name: `会员${k}`, deleted: 0 },
            } as WireChange;
          });
          const s = performance.now();
          const res = (await post(url, '/api/v1/sync', { v: 1, changes: batch, cursor: cur }, t)) as unknown as SyncResponse;
          latencies.push(performance.now() - s);
          cur = res.cursor;
        }
      }),
    );
    const wall = performance.now() - start;
    latencies.sort((a, b) => a - b);
    results.push({
      name: `sync: 500 unions × 3 rounds of 10 changes at once, p99 (${name})`,
      ms: percentile(latencies, 99),
      runs: latencies.length,
      targetMs: 500,
      environment,
      notes: `p50 ${percentile(latencies, 50).toFixed(0)} ms; all ${latencies.length} requests in ${(wall / 1000).toFixed(1)} s`,
    });
  } finally {
    await app.close();
  }
  return results;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const pgdb = await openPostgres(url, 20);
    try {
      await pgdb.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
      results.push(...(await benchBackend('PostgreSQL 15', pgdb)));
    } finally {
      await pgdb.close();
    }
  }
  if (process.env.BENCH_SYNC_BACKENDS === 'postgres') return results;
  const lite = await openPglite();
  try {
    results.push(...(await benchBackend('PGlite (in memory)', lite)));
  } finally {
    await lite.close();
  }
  return results;
}
