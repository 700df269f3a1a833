import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TraceEvent } from '../responsive/frame-cpu';
import { launch, seedProfile } from './cold-start';
import { serveFolders } from './static-server';

/**
 * The renderer main thread's own CPU time from navigation to the first screen, and what it went to
 * (script, style, layout…), for builds side by side: `npx tsx tests/bench/startup/first-screen-cpu.ts
 * before=/tmp/a after=dist-web` with `BENCH_PAGES` the benchmark pages' folder (buildBenchPages).
 * Thread CPU time does not grow when other programs take the cores, so paired runs on a loaded
 * machine still compare; the runs alternate between the builds. `BENCH_RATE=4` slows the CPU 4× with
 * the DevTools throttling, as the start-up benchmark does.
 */

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel', 'v8', '__metadata'];

const PROBE = `(() => {
  const check = () => {
    const values = document.querySelectorAll('[data-testid^="stat-"] .ant-statistic-content-value');
    const overview = values.length === 6 && [...values].every((v) => v.textContent.trim() !== '');
    const firstRun = !overview && !!document.querySelector('form .ant-btn-primary') && document.body?.textContent.includes('欢迎使用工会账簿');
    if (overview || firstRun) {
      performance.mark('first-screen');
      window.__firstScreen = { ms: performance.now(), styles: document.querySelectorAll('style').length };
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Nested event names whose thread time is reported (each counted once, outermost only). */
const KINDS: Record<string, string> = {
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'v8.produceModuleCache': 'compile',
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  'v8.run': 'script',
  RunMicrotasks: 'script',
  EventDispatch: 'script',
  ParseAuthorStyleSheet: 'parse CSS',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  ParseHTML: 'parse HTML',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  MajorGC: 'GC',
  MinorGC: 'GC',
  'V8.GCScavenger': 'GC',
};

interface Sample {
  cpu: number;
  wall: number;
  kinds: Record<string, number>;
  styles: number;
}

async function measure(url: string, origin: string, profile: string, rate: number): Promise<Sample> {
  const context = await launch(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/bench/blank.html`);
    const cdp = await context.newCDPSession(page);
    if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.addInitScript(PROBE);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data: { value: object[] }) => events.push(...(data.value as TraceEvent[])));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
    await page.goto(url);
    const shown = await page.waitForFunction(() => (window as unknown as { __firstScreen?: unknown }).__firstScreen, null, {
      timeout: 120_000,
      polling: 50,
    });
    const { styles } = (await shown.jsonValue()) as { styles: number };
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.end');
    await complete;
    const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
    const mark = events.find((e) => e.name === 'first-screen' && e.cat?.includes('blink.user_timing'));
    const nav = events.filter((e) => e.name === 'navigationStart').sort((a, b) => b.ts - a.ts)[0];
    if (!mark || !nav) throw new Error('no navigationStart or first-screen mark in the trace');
    const main = thread(mark);
    let cpu = 0;
    const kinds: Record<string, number> = {};
    const stack: { end: number; counted: boolean }[] = [];
    const mine = events
      .filter((e) => e.ph === 'X' && thread(e) === main && e.ts >= nav.ts && e.ts < mark.ts)
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    for (const e of mine) {
      while (stack.length && stack[stack.length - 1]!.end <= e.ts) stack.pop();
      const end = e.ts + (e.dur ?? 0);
      if (e.name === 'RunTask' && stack.length === 0) cpu += (e.tdur ?? 0) / 1000;
      const kind = KINDS[e.name];
      const inCounted = stack.some((s) => s.counted);
      if (kind && !inCounted) kinds[kind] = (kinds[kind] ?? 0) + (e.tdur ?? 0) / 1000;
      stack.push({ end, counted: !!kind || inCounted });
    }
    return { cpu, wall: (mark.ts - nav.ts) / 1000, kinds, styles };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const builds = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
  const pages = process.env.BENCH_PAGES;
  if (!pages) throw new Error('BENCH_PAGES: the folder of the built benchmark pages');
  const runs = Number(process.env.BENCH_RUNS) || 5;
  const members = Number(process.env.BENCH_MEMBERS) || 120;
  const cases = (process.env.BENCH_CASES ?? 'first,demo').split(',');
  const rate = Number(process.env.BENCH_RATE) || 1;
  const folders: Record<string, string> = { bench: resolve(pages) };
  for (const [label, dir] of Object.entries(builds)) folders[label] = resolve(dir);
  const server = await serveFolders(Number(process.env.BENCH_PORT) || 8863, folders);
  const seeded = mkdtempSync(join(tmpdir(), 'ub-cpu-seeded-'));
  const results = new Map<string, Sample[]>();
  try {
    if (cases.includes('demo')) await seedProfile(seeded, `${server.origin}/bench/seed.html?members=${members}`);
    for (let i = 0; i < runs; i++) {
      for (const c of cases) {
        for (const label of Object.keys(builds)) {
          const profile = mkdtempSync(join(tmpdir(), 'ub-cpu-profile-'));
          try {
            if (c === 'demo') cpSync(seeded, profile, { recursive: true });
            const load = loadavg()[0] ?? 0;
            const s = await measure(`${server.origin}/${label}/`, server.origin, profile, rate);
            results.set(`${c} ${label}`, [...(results.get(`${c} ${label}`) ?? []), s]);
            const kinds = Object.entries(s.kinds)
              .sort((a, b) => b[1] - a[1])
              .map(([k, v]) => `${k} ${v.toFixed(0)}`)
              .join(', ');
            process.stdout.write(
              `${c} ${label} run ${i + 1}: CPU ${s.cpu.toFixed(0)} ms (wall ${s.wall.toFixed(0)}, load ${load.toFixed(1)}; ${kinds}; <style> ${s.styles})\n`,
            );
          } finally {
            rmSync(profile, { recursive: true, force: true });
          }
        }
      }
    }
  } finally {
    await server.close();
    rmSync(seeded, { recursive: true, force: true });
  }
  process.stdout.write(`\nmedians (main-thread CPU ms from navigation to the first screen, CPU ×${rate}):\n`);
  for (const [key, samples] of results) {
    const kinds = [...new Set(samples.flatMap((s) => Object.keys(s.kinds)))]
      .map((k) => [k, median(samples.map((s) => s.kinds[k] ?? 0))] as const)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ');
    process.stdout.write(
      `${key}: ${median(samples.map((s) => s.cpu)).toFixed(0)} (${kinds}; <style> ${median(samples.map((s) => s.styles))})\n`,
    );
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
