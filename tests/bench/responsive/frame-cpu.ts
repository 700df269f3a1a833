import type { CDPSession } from '@playwright/test';
import { callTree, ownTimeByEvent, sampled, writeProfile } from './profile';

/** A trace event as Chromium writes it (times in microseconds; `tdur` is the thread's own CPU time). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  '__metadata',
  // More of Chromium's categories for a profile that must name native work (e.g. `v8,IndexedDB,mojom`).
  ...(process.env.BENCH_TRACE_CATEGORIES?.split(',').filter(Boolean) ?? []),
];

/** Chromium's trace of the page while `work` runs. */
export async function trace(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await work();
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

/**
 * The renderer main thread's own CPU time (ms) in each frame while `work` runs: the top-level tasks
 * that start between one main-thread frame and the next, summed by thread time. Unlike the time
 * between frames, it does not grow when other programs take the machine's cores.
 */
/**
 * The top-level tasks of the page's renderer main thread, in order (a task run inside another is
 * part of it). The page's renderer is the one that ran the most tasks (others are idle pages or
 * workers' hosts).
 */
export function mainThreadTasks(events: TraceEvent[]): TraceEvent[] {
  return mainThread(events).tasks;
}

function mainThread(events: TraceEvent[]): { main: string; tasks: TraceEvent[] } {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread));
  const tasksOf = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !mains.has(thread(e))) continue;
    // Appended in place: a restore that yields often runs hundreds of thousands of tasks, and copying
    // the list at each one kept the bench busy for longer than the restore itself.
    const list = tasksOf.get(thread(e));
    if (list) list.push(e);
    else tasksOf.set(thread(e), [e]);
  }
  const [main, all] = [...tasksOf].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const t of all.sort((a, b) => a.ts - b.ts)) {
    if (t.ts < end) continue;
    tasks.push(t);
    end = t.ts + (t.dur ?? 0);
  }
  return { main, tasks };
}

/** The key of the thread an event ran on. */
export const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;

/**
 * The renderer main thread's own CPU time (ms) in each frame while `work` runs: the top-level tasks
 * that start between one main-thread frame and the next, summed by thread time. Unlike the time
 * between frames, it does not grow when other programs take the machine's cores.
 */
export async function frameCpu(cdp: CDPSession, work: () => Promise<void>, label = 'frames'): Promise<number[]> {
  const { result: events, profile } = await sampled(cdp, () => trace(cdp, work));
  const { main, tasks } = mainThread(events);
  const frames = events
    .filter((e) => e.name === 'BeginMainThreadFrame' && thread(e) === main)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const cpu: number[] = [];
  let first = 0;
  for (let i = 0; i + 1 < frames.length; i++) {
    while (first < tasks.length && tasks[first]!.ts < frames[i]!) first++;
    let sum = 0;
    for (let k = first; k < tasks.length && tasks[k]!.ts < frames[i + 1]!; k++) sum += tasks[k]!.tdur ?? 0;
    cpu.push(sum / 1000);
  }
  if (profile) {
    // The whole scroll: its frames, then script by function and the trace's events by kind.
    writeProfile(label, {
      frames: cpu.map((ms) => Math.round(ms * 10) / 10),
      byEvent: ownTimeByEvent(events, thread, main),
      ...callTree(profile, frames[0] ?? 0, frames.at(-1) ?? Infinity),
    });
  }
  return cpu;
}
