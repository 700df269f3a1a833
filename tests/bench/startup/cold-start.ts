import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ColdStart {
  /** From navigation start to the first frame that shows the first screen. */
  ms: number;
  /** JavaScript fetched before that frame (decoded bytes of every script resource). */
  jsBytes: number;
  screen: 'overview' | 'first-run';
  /** From navigation start to the first paint with any content (the loading screen, where the page has one). */
  fcpMs: number;
  /** With `then`: from navigation start to the first frame that shows that element too. */
  thenMs?: number;
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The browser's own window (its address bar's drop-down, built as web pages) is not loaded in the
  // background: Chromium does so soon after it starts, and on 2 cores that work, some 700 ms of CPU,
  // fell inside the first screen's time in some runs and not others. The desktop app's window has no
  // browser window around it; this is the nearer stand-in for it.
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];

/** How the benchmarks' browser is started, for their results' environment. */
export const BROWSER_ENV = 'Debian Chromium (headless, its own window’s web UI not preloaded)';

export function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
  });
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/**
 * Checked at every animation frame from the first: the first screen is 概览 with its six figures
 * filled in, or the first-run form with its 创建 button. rAF runs just before the frame is painted, so the time is that
 * of the first frame that shows it.
 */
const PROBE = `(() => {
  const check = () => {
    const body = document.body;
    if (body) {
      const values = document.querySelectorAll('[data-testid^="stat-"] .ant-statistic-content-value');
      const overview = values.length === 6 && [...values].every((v) => v.textContent.trim() !== '');
      const firstRun = !overview && !!document.querySelector('form .ant-btn-primary') && body.textContent.includes('欢迎使用工会账簿');
      if (overview || firstRun) {
        const ms = performance.now();
        const jsBytes = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js') && e.responseEnd <= ms)
          .reduce((sum, e) => sum + e.decodedBodySize, 0);
        window.__firstScreen = { ms, jsBytes, screen: overview ? 'overview' : 'first-run' };
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/**
 * Fills the profile folder with a book by opening `seedUrl` in it, then closes the browser. Returns
 * how long the page took to write the book (ms), where it says.
 */
export async function seedProfile(profile: string, seedUrl: string): Promise<number | undefined> {
  const seeding = await launch(profile);
  const page = await firstPage(seeding);
  await page.goto(seedUrl);
  await page.waitForFunction(() => document.title !== 'seeding', null, { timeout: 600_000 });
  const title = await page.title();
  const written = await page.evaluate(() => document.body.dataset.writtenMs);
  await seeding.close();
  if (title !== 'seeded') throw new Error(`seeding failed: ${title}`);
  return written === undefined ? undefined : Number(written);
}

/** Checked at every animation frame, like PROBE: the first frame that shows an element matching the selector. */
const THEN_PROBE = `(selector) => {
  const check = () => {
    if (document.querySelector(selector)) window.__then = performance.now();
    else requestAnimationFrame(check);
  };
  check();
}`;

/**
 * One cold start in a fresh profile: a new browser with an empty profile folder, optionally seeded
 * with a book by `seedUrl` or copied from a profile seeded once (`seeded`; the browser that seeded it
 * is closed, so the app starts in a new browser process with nothing of its own cached), the CPU
 * slowed `rate` times with the DevTools throttling, then the app's page.
 */
export async function coldStart(
  url: string,
  origin: string,
  rate: number,
  seedUrl?: string,
  seeded?: string,
  then?: string,
): Promise<ColdStart> {
  const profile = mkdtempSync(join(tmpdir(), 'ub-cold-start-'));
  try {
    if (seeded) cpSync(seeded, profile, { recursive: true });
    else if (seedUrl) await seedProfile(profile, seedUrl);
    const context = await launch(profile);
    try {
      const page = await firstPage(context);
      // A same-origin blank page first, so the throttled renderer is the one the app runs in.
      await page.goto(`${origin}/bench/blank.html`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.addInitScript(PROBE);
      await page.goto(url);
      const handle = await page.waitForFunction(() => (window as unknown as { __firstScreen?: ColdStart }).__firstScreen, null, {
        timeout: 120_000,
        polling: 50,
      });
      // The paint entry is reported after its frame: read once the first screen is in, not in the frame's rAF.
      const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
      const first = { ...((await handle.jsonValue()) as Omit<ColdStart, 'fcpMs'>), fcpMs };
      if (!then) return first;
      await page.evaluate(`(${THEN_PROBE})(${JSON.stringify(then)})`);
      const later = await page.waitForFunction(() => (window as unknown as { __then?: number }).__then, null, {
        timeout: 300_000,
        polling: 50,
      });
      return { ...first, thenMs: (await later.jsonValue()) as number };
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
