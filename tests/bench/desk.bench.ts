import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBenchPages, buildWeb } from './startup/build-pages';
import { BROWSER_ENV, coldStart, seedProfile, type ColdStart } from './startup/cold-start';
import { serveFolders } from './startup/static-server';
import type { BenchResult } from './types';

const RUNS = Number(process.env.BENCH_RUNS) || 5;
const RATES = [1, 4] as const;
const TARGET_MS: Record<(typeof RATES)[number], number> = { 1: 1000, 4: 2500 };
const PORT = Number(process.env.BENCH_PORT) || 8862;
const MEMBERS = 5000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * 概览 of a 5,000-member book (two years of dues, ≈ 107,000 payments from the start of last year):
 * cold start to the six figures, and on to the whole desk (to-dos, money, charts), in the web build, fresh profile each run (a copy of one profile
 * seeded once), CPU ×1 and ×4, beside the React + antd shell alone in the same run. The machine
 * may be shared: the 1-minute load average is recorded beside each figure, and the ratio to the
 * shell is the figure to compare across runs.
 */
export async function run(): Promise<BenchResult[]> {
  const benchOut = mkdtempSync(join(tmpdir(), 'ub-bench-desk-'));
  const seeded = mkdtempSync(join(tmpdir(), 'ub-bench-desk-profile-'));
  buildWeb();
  await buildBenchPages(benchOut);
  const server = await serveFolders(PORT, { web: resolve('dist-web'), bench: benchOut });
  const runs = new Map<string, { ms: number[]; load: number[]; jsBytes: number[]; desk: number[] }>();
  const oneTransaction = mkdtempSync(join(tmpdir(), 'ub-bench-desk-one-'));
  let written: { app?: number; one?: number } = {};
  try {
    // Written as the app replaces a book, and (in a profile of its own, not measured further) in one transaction.
    written = {
      app: await seedProfile(seeded, `${server.origin}/bench/seed.html?members=${MEMBERS}`),
      one: await seedProfile(oneTransaction, `${server.origin}/bench/seed.html?members=${MEMBERS}&write=one`),
    };
    process.stdout.write(`  book written in ${written.app?.toFixed(0)} ms (in one transaction: ${written.one?.toFixed(0)} ms)\n`);
    for (const rate of RATES) {
      for (let i = 0; i < RUNS; i++) {
        for (const key of ['baseline', 'desk'] as const) {
          const load = loadavg()[0] ?? 0;
          const result: ColdStart =
            key === 'baseline'
              ? await coldStart(`${server.origin}/bench/baseline.html`, server.origin, rate)
              : await coldStart(`${server.origin}/web/`, server.origin, rate, undefined, seeded, '[data-testid="desk-todos"]');
          if (result.screen !== 'overview') throw new Error(`${key}: expected 概览, saw ${result.screen}`);
          const entry = runs.get(`${key}@${rate}`) ?? { ms: [], load: [], jsBytes: [], desk: [] };
          entry.ms.push(result.ms);
          entry.load.push(load);
          entry.jsBytes.push(result.jsBytes);
          if (result.thenMs !== undefined) entry.desk.push(result.thenMs);
          runs.set(`${key}@${rate}`, entry);
          const then = result.thenMs === undefined ? '' : `, to-dos at ${result.thenMs.toFixed(0)} ms`;
          process.stdout.write(`  ${key}@${rate} run ${i + 1}: ${result.ms.toFixed(0)} ms${then} (load ${load.toFixed(2)})\n`);
        }
      }
    }
  } finally {
    await server.close();
    rmSync(benchOut, { recursive: true, force: true });
    rmSync(seeded, { recursive: true, force: true });
    rmSync(oneTransaction, { recursive: true, force: true });
  }
  const replacing: BenchResult = {
    name: `desk: replacing the book with a ${MEMBERS}-member book, as a restore or the demo book writes it (a new database, steps of 300 rows)`,
    ms: written.app ?? NaN,
    runs: 1,
    environment: `${BROWSER_ENV}, web build, CPU ×1`,
    baseline: { name: 'the same book in one transaction', ms: written.one ?? NaN },
    figures: { 'ratio to one transaction': (written.app ?? NaN) / (written.one ?? NaN) },
  };
  const starts = RATES.map((rate): BenchResult => {
    const own = runs.get(`desk@${rate}`) ?? { ms: [], load: [], jsBytes: [], desk: [] };
    const base = runs.get(`baseline@${rate}`) ?? { ms: [], load: [], jsBytes: [], desk: [] };
    const ms = median(own.ms);
    const baseMs = median(base.ms);
    return {
      name: `desk: 概览 of a ${MEMBERS}-member book, first screen with its six figures, CPU ×${rate}`,
      ms,
      runs: own.ms.length,
      targetMs: TARGET_MS[rate],
      environment: `${BROWSER_ENV}, web build, fresh profile each run, DevTools CPU throttling`,
      notes: `runs (ms): ${own.ms.map((m) => m.toFixed(0)).join(', ')}; whole desk: ${own.desk.map((m) => m.toFixed(0)).join(', ')}; shell runs: ${base.ms.map((m) => m.toFixed(0)).join(', ')}`,
      baseline: { name: 'React + antd shell alone', ms: baseMs },
      figures: {
        'ratio to shell': ms / baseMs,
        'whole desk (to-dos, money, charts) shown (ms)': median(own.desk),
        'whole desk ratio to shell': median(own.desk) / baseMs,
        'load average (1 min), median over the runs': median([...own.load, ...base.load]),
        'load average (1 min), highest': Math.max(...own.load, ...base.load),
        'JS before first screen (bytes)': median(own.jsBytes),
      },
    };
  });
  return [...starts, replacing];
}
