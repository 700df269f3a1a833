// `npm run bench`: runs every tests/bench/*.bench.ts (or those named on the command line), prints a
// table and writes bench-results/latest.json, so figures can be compared from one run to the next.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './types';

// Figures from a shared CI machine mean nothing and would only slow it down: benchmarks run by hand.
if (process.env.CI) {
  console.log('benchmarks do not run in CI (CI is set); run `npm run bench` on the machine to measure');
  process.exit(0);
}

const dir = new URL('.', import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const results: (BenchResult & { file: string; load?: string })[] = [];
for (const file of files) {
  process.stdout.write(`running ${file} …\n`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  // Other work on the machine moves every figure: the load average (1, 5, 15 min) is kept beside them.
  const before = loadavg();
  const ran = await mod.run();
  const load = `${before.map((l) => l.toFixed(2)).join(' ')} before, ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} after (${cpus().length} cores)`;
  for (const r of ran) results.push({ ...r, file, load });
}

const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 0);
console.log('');
for (const r of results) {
  const target = r.targetMs === undefined ? '' : ` (target ≤ ${r.targetMs} ms: ${r.ms <= r.targetMs ? 'met' : 'NOT met'})`;
  const base = r.baseline ? `; ${r.baseline.name}: ${fmt(r.baseline.ms)} ms (×${(r.ms / r.baseline.ms).toFixed(1)})` : '';
  const figures = r.figures
    ? `; ${Object.entries(r.figures)
        .map(([k, v]) => `${k}: ${fmt(v)}`)
        .join(', ')}`
    : '';
  console.log(`${r.name}: ${fmt(r.ms)} ms median of ${r.runs}${target}${base}${figures} [${r.environment}]`);
}
mkdirSync('bench-results', { recursive: true });
const path = 'bench-results/latest.json';
// Running some files replaces only the figures this run produced: the others stay as their last run left
// them, including a file's figures that a narrower run of it did not produce (the city bench on PGlite
// alone leaves its PostgreSQL figures). A figure is its file and name.
const kept = only.length && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { results: typeof results }).results : [];
const produced = new Set(results.map((r) => `${r.file}\0${r.name}`));
const out = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  results: [...kept.filter((r) => !produced.has(`${r.file}\0${r.name}`)), ...results].sort((a, b) => a.file.localeCompare(b.file)),
};
writeFileSync(path, `${JSON.stringify(out, null, 2)}\n`);
console.log('\nwritten to bench-results/latest.json');
