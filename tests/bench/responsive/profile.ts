import type { CDPSession } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TraceEvent } from './frame-cpu';

/**
 * Where the main thread's time went (only with `BENCH_RESPONSIVE_PROFILE=<dir>`): the page's sampled
 * JavaScript profile, and the trace's own events (style, layout, paint …) by their own thread time.
 */
export const PROFILE_DIR = process.env.BENCH_RESPONSIVE_PROFILE;

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Runs `work` under the JavaScript sampling profiler when profiles are wanted (otherwise just runs it). */
export async function sampled<R>(cdp: CDPSession, work: () => Promise<R>): Promise<{ result: R; profile: CpuProfile | null }> {
  if (!PROFILE_DIR) return { result: await work(), profile: null };
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return { result, profile };
}

/** Writes `report` as `<label>.json` into the profiles' folder. */
export function writeProfile(label: string, report: unknown): void {
  if (!PROFILE_DIR) return;
  // A folder named for this run need not exist yet: minutes of work are not lost to it at the end.
  mkdirSync(PROFILE_DIR, { recursive: true });
  writeFileSync(join(PROFILE_DIR, `${label.replace(/[^\w-]+/g, '_')}.json`), JSON.stringify(report, null, 1));
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The samples between `from` and `to` (µs): self time and total time by function, heaviest first. */
export function callTree(profile: CpuProfile, from: number, to: number): { self: [string, number][]; total: [string, number][] } {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Named once per node, not per sample: an hour's restore is millions of samples.
  const names = new Map<number, string>();
  const name = (id: number) => {
    let known = names.get(id);
    if (known === undefined) {
      const f = byId.get(id)!.callFrame;
      known = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      names.set(id, known);
    }
    return known;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    // Samples come in time order: nothing after `to` counts.
    if (at > to) break;
    if (at < from) continue;
    const id = profile.samples[i]!;
    const ms = (profile.timeDeltas[i + 1] ?? 1000) / 1000;
    self.set(name(id), (self.get(name(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = name(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => [k, round(v)] as [string, number]);
  return { self: top(self), total: top(total) };
}

/**
 * One thread's trace events by name (FunctionCall, UpdateLayoutTree, Layout, Paint …), each with its
 * own thread time (less the events nested in it), in ms, heaviest first: whether a frame's time goes
 * to script, style, layout or paint.
 */
export function ownTimeByEvent(events: TraceEvent[], thread: (e: TraceEvent) => string, main: string): [string, number][] {
  const complete = events
    .filter((e) => e.ph === 'X' && thread(e) === main && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const own = new Map<string, number>();
  const open: TraceEvent[] = [];
  for (const e of complete) {
    while (open.length && open.at(-1)!.ts + (open.at(-1)!.dur ?? 0) <= e.ts) open.pop();
    const parent = open.at(-1);
    own.set(e.name, (own.get(e.name) ?? 0) + e.tdur!);
    if (parent) own.set(parent.name, (own.get(parent.name) ?? 0) - e.tdur!);
    open.push(e);
  }
  return [...own]
    .map(([k, us]) => [k, round(us / 1000)] as [string, number])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25);
}
