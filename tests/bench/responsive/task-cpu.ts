import type { CDPSession } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mainThreadTasks, trace } from './frame-cpu';

/**
 * The main thread's tasks while a piece of long work runs, by their own CPU time from Chromium's
 * trace. Under a loaded machine a task's wall time grows with what the other programs take; its
 * thread time does not, so "longest task" and "tasks over 100 ms" here hold whatever the load.
 */
export interface TaskCpu {
  /** CPU time of the longest main-thread task (ms). */
  longest: number;
  /** Main-thread tasks whose CPU time is over 100 ms. */
  over100: number;
  /** … and over 50 ms. */
  over50: number;
}

/** Where each of the longest tasks spent its time (only with `BENCH_RESPONSIVE_PROFILE=<dir>`). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const PROFILE_DIR = process.env.BENCH_RESPONSIVE_PROFILE;

export async function taskCpu(cdp: CDPSession, label: string, work: () => Promise<void>): Promise<TaskCpu> {
  let profile: CpuProfile | null = null;
  if (PROFILE_DIR) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  const events = await trace(cdp, work);
  if (PROFILE_DIR) profile = ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile;
  const tasks = mainThreadTasks(events);
  const cpu = tasks.map((t) => (t.tdur ?? 0) / 1000);
  if (PROFILE_DIR && profile) {
    const longest = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 5);
    const report = longest.map((t) => ({
      cpuMs: (t.tdur ?? 0) / 1000,
      wallMs: (t.dur ?? 0) / 1000,
      ...callTree(profile!, t.ts, t.ts + (t.dur ?? 0)),
    }));
    writeFileSync(join(PROFILE_DIR, `${label.replace(/[^\w-]+/g, '_')}.json`), JSON.stringify(report, null, 1));
  }
  return {
    longest: Math.max(0, ...cpu),
    over100: cpu.filter((c) => c > 100).length,
    over50: cpu.filter((c) => c > 50).length,
  };
}

/** The samples between `from` and `to` (µs): self time and total time by function, heaviest first. */
function callTree(profile: CpuProfile, from: number, to: number): { self: [string, number][]; total: [string, number][] } {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at > to) continue;
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
      .map(([k, v]) => [k, Math.round(v * 10) / 10] as [string, number]);
  return { self: top(self), total: top(total) };
}
