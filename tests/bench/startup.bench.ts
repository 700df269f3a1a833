import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBenchPages, buildElectron, buildWeb } from './startup/build-pages';
import { BROWSER_ENV, coldStart, type ColdStart } from './startup/cold-start';
import { serveFolders } from './startup/static-server';
import type { BenchResult } from './types';

const RUNS = 5;
const RATES = [1, 4] as const;
const TARGET_MS: Record<(typeof RATES)[number], number> = { 1: 1000, 4: 2500 };
const PORT = Number(process.env.BENCH_PORT) || 8861;

type Case = { key: string; label: string; app: 'web' | 'electron' | 'bench'; path: string; seed?: number };

const CASES: Case[] = [
  { key: 'baseline', label: 'React + antd shell alone', app: 'bench', path: 'baseline.html' },
  { key: 'web-first', label: 'web build, first run', app: 'web', path: '' },
  { key: 'web-demo', label: 'web build, 概览 of the demo book (120 members)', app: 'web', path: '', seed: 120 },
  { key: 'electron-first', label: 'Electron renderer build, first run', app: 'electron', path: '' },
  { key: 'electron-demo', label: 'Electron renderer build, 概览 of the demo book (120 members)', app: 'electron', path: '', seed: 120 },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function buildAll(benchOut: string): Promise<void> {
  buildWeb();
  buildElectron();
  await buildBenchPages(benchOut);
}

/**
 * Cold start to the first screen, as the issue measures it: each run a new Chromium with an empty
 * profile (seeded with a book first where the case has one), CPU ×1 and ×4 with the DevTools
 * throttling, median of 5; beside a page that loads the same React + antd shell and nothing else.
 * The web build and the Electron renderer build are served alike from a local server.
 */
export async function run(): Promise<BenchResult[]> {
  const benchOut = mkdtempSync(join(tmpdir(), 'ub-bench-pages-'));
  await buildAll(benchOut);
  const server = await serveFolders(PORT, { web: resolve('dist-web'), electron: resolve('out/renderer'), bench: benchOut });
  const runs = new Map<string, ColdStart[]>();
  try {
    for (const rate of RATES) {
      // Cases interleaved run by run, so a slow moment of the machine falls on all of them alike.
      for (let i = 0; i < RUNS; i++) {
        for (const c of CASES) {
          const url = `${server.origin}/${c.app}/${c.path}`;
          const seedUrl = c.seed ? `${server.origin}/bench/seed.html?members=${c.seed}` : undefined;
          const result = await coldStart(url, server.origin, rate, seedUrl);
          const expected = c.seed || c.key === 'baseline' ? 'overview' : 'first-run';
          if (result.screen !== expected) throw new Error(`${c.key}: expected ${expected}, saw ${result.screen}`);
          const key = `${c.key}@${rate}`;
          runs.set(key, [...(runs.get(key) ?? []), result]);
          process.stdout.write(
            `  ${key} run ${i + 1}: ${result.ms.toFixed(0)} ms (first paint ${result.fcpMs.toFixed(0)}), ${(result.jsBytes / 1024).toFixed(0)} KiB JS\n`,
          );
        }
      }
    }
  } finally {
    await server.close();
    rmSync(benchOut, { recursive: true, force: true });
  }
  const results: BenchResult[] = [];
  for (const rate of RATES) {
    const base = runs.get(`baseline@${rate}`) ?? [];
    const baseMs = median(base.map((r) => r.ms));
    const baseBytes = median(base.map((r) => r.jsBytes));
    for (const c of CASES) {
      const own = runs.get(`${c.key}@${rate}`) ?? [];
      const shown = {
        'JS before first screen (bytes)': median(own.map((r) => r.jsBytes)),
        'first contentful paint (ms)': median(own.map((r) => r.fcpMs)),
      };
      const figures = { ...shown, 'baseline JS (bytes)': baseBytes };
      results.push(
        c.key === 'baseline'
          ? {
              name: `startup: first screen, ${c.label}, CPU ×${rate}`,
              ms: baseMs,
              runs: base.length,
              environment: `${BROWSER_ENV}, fresh profile each run, DevTools CPU throttling`,
              figures: shown,
            }
          : {
              name: `startup: first screen, ${c.label}, CPU ×${rate}`,
              ms: median(own.map((r) => r.ms)),
              runs: own.length,
              targetMs: TARGET_MS[rate],
              environment: `${BROWSER_ENV}, fresh profile each run, DevTools CPU throttling`,
              baseline: { name: 'React + antd shell alone', ms: baseMs },
              figures,
            },
      );
    }
  }
  return results;
}
