import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../startup/cold-start';
import { frameCpu } from './frame-cpu';
import { taskCpu, type TaskCpu } from './task-cpu';

/**
 * Installed before the app's scripts: every long task (over 50 ms) with its start, and a frame
 * recorder that, while on, notes the time between animation frames.
 */
const PROBES = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  window.__frames = null;
  window.__recordFrames = () => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => {
      if (!window.__frames) return;
      window.__frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  window.__stopFrames = () => {
    const frames = window.__frames ?? [];
    window.__frames = null;
    return frames.slice(1);
  };
})();`;

export interface Watched {
  ms: number;
  longest: number;
  over100: number;
  cpu: TaskCpu;
}

export interface Session {
  page: Page;
  cdp: CDPSession;
  throttle(rate: number): Promise<void>;
  /**
   * Runs `work` and reports the main thread's long tasks that started while it ran: by wall time
   * (PerformanceObserver) and by CPU time (`cpu`, traced; `label` names its profile, see task-cpu.ts).
   */
  watch(work: () => Promise<void>, label?: string): Promise<Watched>;
  /** Frame times while `work` runs (e.g. scrolling). */
  frames(work: () => Promise<void>): Promise<number[]>;
  /** The main thread's own CPU time in each frame while `work` runs, from Chromium's trace (`label` names its profile). */
  frameCpu(work: () => Promise<void>, label?: string): Promise<number[]>;
  close(): Promise<void>;
}

/** A fresh profile, seeded with a demo book by the bench's seed page, then the app opened in a new browser. */
export async function openSeeded(origin: string, appPath: string, seedQuery: string): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'ub-responsive-'));
  const seeding = await launch(profile);
  const seedPage = seeding.pages()[0] ?? (await seeding.newPage());
  await seedPage.goto(`${origin}/bench/seed.html?${seedQuery}`);
  await seedPage.waitForFunction(() => document.title !== 'seeding', null, { timeout: 900_000 });
  const title = await seedPage.title();
  await seeding.close();
  if (title !== 'seeded') throw new Error(`seeding failed: ${title}`);
  const context: BrowserContext = await launch(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(PROBES);
  const cdp = await context.newCDPSession(page);
  await page.goto(`${origin}/${appPath}`);
  return {
    page,
    cdp,
    throttle: async (rate) => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    },
    watch: async (work, label = 'work') => {
      const from = await page.evaluate(() => performance.now());
      const cpu = await taskCpu(cdp, label, work);
      const to = await page.evaluate(() => performance.now());
      const tasks = await page.evaluate(
        ([a, b]) => (window as unknown as { __longTasks: [number, number][] }).__longTasks.filter(([start]) => start >= a! && start <= b!),
        [from, to],
      );
      return { ms: to - from, longest: Math.max(0, ...tasks.map(([, d]) => d)), over100: tasks.filter(([, d]) => d > 100).length, cpu };
    },
    frames: async (work) => {
      await page.evaluate(() => (window as unknown as { __recordFrames: () => void }).__recordFrames());
      await work();
      return page.evaluate(() => (window as unknown as { __stopFrames: () => number[] }).__stopFrames());
    },
    frameCpu: (work, label) => frameCpu(cdp, work, label),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
