import type { CDPSession } from '@playwright/test';
import { mainThreadTasks, thread, trace, type TraceEvent } from './frame-cpu';
import { callTree, ownTimeByEvent, sampled, writeProfile } from './profile';

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

export async function taskCpu(cdp: CDPSession, label: string, work: () => Promise<void>): Promise<TaskCpu> {
  const { result: events, profile } = await sampled(cdp, () => trace(cdp, work));
  const tasks = mainThreadTasks(events);
  const cpu = tasks.map((t) => (t.tdur ?? 0) / 1000);
  if (profile) {
    const longest = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 5);
    const start = tasks[0]?.ts ?? 0;
    // `console.timeStamp(label)` in the app's code (added while looking into a task) marks its steps in the trace.
    const stamps = events.filter((e) => e.name === 'TimeStamp').sort((a, b) => a.ts - b.ts);
    const report = longest.map((t) => ({
      cpuMs: (t.tdur ?? 0) / 1000,
      // When in the work the task ran, and the app's last step marked before it: which step it belongs to.
      atMs: Math.round((t.ts - start) / 1000),
      after: stampMessage(stamps.filter((e) => e.ts <= t.ts).at(-1)),
      wallMs: (t.dur ?? 0) / 1000,
      // What the browser did in the task (style, layout, paint, IndexedDB, garbage collection …):
      // a task that is all "(program)" to the JavaScript profiler is told apart here.
      byEvent: ownTimeByEvent(
        events.filter((e) => e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0)),
        thread,
        thread(t),
      ),
      ...callTree(profile, t.ts, t.ts + (t.dur ?? 0)),
    }));
    writeProfile(label, report);
  }
  // A restore that yields often runs hundreds of thousands of small tasks: spreading them into
  // Math.max would overflow the call stack.
  return {
    longest: cpu.reduce((max, c) => (c > max ? c : max), 0),
    over100: cpu.filter((c) => c > 100).length,
    over50: cpu.filter((c) => c > 50).length,
  };
}

function stampMessage(stamp: TraceEvent | undefined): string | undefined {
  return (stamp?.args as { data?: { message?: string } } | undefined)?.data?.message;
}
