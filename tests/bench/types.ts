/** One measured figure. Benchmarks report numbers; they never assert on time (that belongs here, not in tests). */
export interface BenchResult {
  name: string;
  /** Median milliseconds over the runs. */
  ms: number;
  runs: number;
  /** The target from the issue, in ms, if it has one. */
  targetMs?: number;
  /** The same work done the raw way in the same run, for comparison. */
  baseline?: { name: string; ms: number };
  /** Where it ran (Node + fake-indexeddb, Chromium, PGlite …) and any caveat. */
  environment: string;
  notes?: string;
  /** Further figures of the same run beside the time, named with their unit (bytes, MiB, ms …). */
  figures?: Record<string, number>;
}

export type BenchModule = { run: () => Promise<BenchResult[]> };

export async function timeMedian(runs: number, fn: () => Promise<unknown> | unknown, setup?: () => Promise<void> | void): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (setup) await setup();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
