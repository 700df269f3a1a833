// `npx tsx tests/bench/sync-ab.ts BASE [PAIRS]`: the sync bench's first sync of the large demo book,
// this checkout's commit (HEAD) against an older commit BASE, in alternating pairs (BASE then HEAD,
// HEAD then BASE, …) so that a load swinging on a shared machine falls on both sides alike. Each side
// is a throwaway worktree running this checkout's sync bench files, so only the server under test
// differs. Prints every run with the load average and, per backend, each pair's ratio HEAD ÷ BASE,
// their median and their spread. TEST_DATABASE_URL adds PostgreSQL; BENCH_SYNC_BACKENDS=postgres
// skips PGlite. BENCH_AB_CASES=unions compares the 500 unions' paced and burst syncs instead (p99 of the
// client's latencies, on a fresh database; the server's own p99 printed beside), and then each side's
// requests of all its runs pooled, whose percentiles a few stalls of one run move far less. Nothing in
// this checkout is written (bench-results/latest.json included).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from './percentile';
import type { BenchResult } from './types';

const [base, pairsArg] = process.argv.slice(2);
if (!base) {
  console.error('usage: npx tsx tests/bench/sync-ab.ts BASE_COMMIT [PAIRS=4]');
  process.exit(2);
}
const pairs = Number(pairsArg) || 4;
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const root = git('rev-parse', '--show-toplevel');
const sides = { base: git('rev-parse', base), head: git('rev-parse', 'HEAD') };
if (git('diff', sides.base, sides.head, '--', 'package-lock.json').length) {
  console.error('package-lock.json differs between BASE and HEAD: the worktrees would need their own npm ci');
  process.exit(2);
}
const CASES = process.env.BENCH_AB_CASES === 'unions' ? 'unions' : 'first';
const BENCH_FILES = ['run.ts', 'types.ts', 'percentile.ts', 'sync.bench.ts', 'sync-client.ts', 'sync-book.ts'];

const work = mkdtempSync(join(tmpdir(), 'ub-sync-ab-'));
const trees: Record<keyof typeof sides, string> = { base: join(work, 'base'), head: join(work, 'head') };
function cleanUp(): void {
  for (const tree of Object.values(trees)) if (existsSync(tree)) git('worktree', 'remove', '--force', tree);
  rmSync(work, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

interface Run {
  pair: number;
  side: keyof typeof sides;
  /** What was measured and on which backend: the first sync's backend, or the union case and backend. */
  backend: string;
  ms: number;
  /** Rows of the first sync, or the server's own p99 of a union case. */
  rows: string;
  load: string;
}

/** The run's figures this comparison reads, by case. */
function measured(r: BenchResult): { backend: string; rows: string } | null {
  if (CASES === 'first') {
    const m = /^sync: first sync of the large demo book \((\d+) rows, (.+)\)$/.exec(r.name);
    return m ? { backend: m[2]!, rows: `${m[1]!} rows` } : null;
  }
  const m = /^sync: \d+ unions × 3 rounds of 10 changes, (.+), p99 \((.+)\)$/.exec(r.name);
  const server = /inside the server \(request read to answer sent\) p99 (\d+) ms/.exec(r.notes ?? '');
  // The median beside the p99: a paced p99 of 1,500 requests is set by a dozen stalls, which a shared machine's load moves.
  const median = /^p50 ([\d.]+) ms/.exec(r.notes ?? '');
  return m ? { backend: `${m[1]!} (${m[2]!})`, rows: `p50 ${median?.[1] ?? '?'} ms, server p99 ${server?.[1] ?? '?'} ms` } : null;
}
const runs: Run[] = [];
/** Where a side's union runs leave their request times (sync.bench.ts), pooled below. */
const latencyFile = (side: keyof typeof sides) => join(work, `latencies-${side}.jsonl`);
/** Each side's request times by case and backend, over all its runs, read before the work folder goes. */
const pooled: Record<keyof typeof sides, Map<string, number[]>> = { base: new Map(), head: new Map() };
function readPooled(side: keyof typeof sides): void {
  if (!existsSync(latencyFile(side))) return;
  for (const line of readFileSync(latencyFile(side), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { how, backend, latencies } = JSON.parse(line) as { how: string; backend: string; latencies: number[] };
    const key = `${how} (${backend})`;
    const list = pooled[side].get(key) ?? [];
    list.push(...latencies);
    pooled[side].set(key, list);
  }
}
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

try {
  for (const side of ['base', 'head'] as const) {
    git('worktree', 'add', '--quiet', '--detach', trees[side], sides[side]);
    symlinkSync(join(root, 'node_modules'), join(trees[side], 'node_modules'));
    for (const file of BENCH_FILES) copyFileSync(join(root, 'tests/bench', file), join(trees[side], 'tests/bench', file));
  }
  for (let pair = 1; pair <= pairs; pair++) {
    const order = pair % 2 ? (['base', 'head'] as const) : (['head', 'base'] as const);
    for (const side of order) {
      const before = load();
      // The checked-out results file holds the figures committed with that commit (another row
      // count in the name, the same backend): only this run's figures may be read back.
      rmSync(join(trees[side], 'bench-results/latest.json'), { force: true });
      const ran = spawnSync('npx', ['tsx', 'tests/bench/run.ts', 'sync'], {
        cwd: trees[side],
        env: { ...process.env, BENCH_SYNC_CASES: CASES, BENCH_SYNC_LATENCIES: latencyFile(side) },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (ran.status !== 0) throw new Error(`the ${side} run of pair ${pair} exited with ${String(ran.status)}`);
      const { results } = JSON.parse(readFileSync(join(trees[side], 'bench-results/latest.json'), 'utf8')) as { results: BenchResult[] };
      for (const r of results) {
        const m = measured(r);
        if (!m) continue;
        const run = { pair, side, backend: m.backend, ms: r.ms, rows: m.rows, load: `${before} before, ${load()} after` };
        runs.push(run);
        console.log(`pair ${pair} ${side.padEnd(4)} ${run.backend}: ${(run.ms / 1000).toFixed(3)} s, ${run.rows} (load ${run.load})`);
      }
    }
  }
  readPooled('base');
  readPooled('head');
} finally {
  cleanUp();
}

console.log(
  `\n${CASES === 'first' ? 'first sync' : '500 unions'}, HEAD ${sides.head.slice(0, 7)} ÷ BASE ${sides.base.slice(0, 7)}, ${pairs} alternating pairs`,
);
for (const backend of [...new Set(runs.map((r) => r.backend))]) {
  const ratios: number[] = [];
  for (let pair = 1; pair <= pairs; pair++) {
    const of = (side: keyof typeof sides) => runs.find((r) => r.pair === pair && r.side === side && r.backend === backend);
    const [b, h] = [of('base'), of('head')];
    if (b && h) ratios.push(h.ms / b.ms);
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const seconds = (side: keyof typeof sides) =>
    runs
      .filter((r) => r.side === side && r.backend === backend)
      .map((r) => (CASES === 'first' ? `${(r.ms / 1000).toFixed(1)} s` : `${r.ms.toFixed(0)} ms`))
      .join(', ');
  console.log(
    `${backend}: ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}; median ×${median.toFixed(2)}, spread ×${sorted[0]!.toFixed(2)}–×${sorted[sorted.length - 1]!.toFixed(2)} (BASE: ${seconds('base')}; HEAD: ${seconds('head')})`,
  );
}

for (const key of pooled.head.keys()) {
  const [b, h] = [pooled.base.get(key), pooled.head.get(key)];
  if (!b || !h) continue;
  const [sb, sh] = [[...b].sort((x, y) => x - y), [...h].sort((x, y) => x - y)];
  const line = [50, 90, 99, 99.9]
    .map(
      (p) =>
        `p${p} ${percentile(sb, p).toFixed(1)} / ${percentile(sh, p).toFixed(1)} ms (×${(percentile(sh, p) / percentile(sb, p)).toFixed(2)})`,
    )
    .join(', ');
  // Every request of a side's runs in one list: its p99 is set by one request in a hundred of them all, not a dozen of one run's 1,500.
  console.log(`${key}, pooled over the runs (${sb.length} / ${sh.length} requests, BASE / HEAD): ${line}`);
}
