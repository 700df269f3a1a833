import { chromium, type Browser, type Page } from '@playwright/test';
import { createServer } from 'vite';

/**
 * Runs `fn` on a page of the app in Debian's Chromium (real IndexedDB), served by a Vite dev
 * server so the page can import the very modules the app runs (on BENCH_VITE_PORT, or any free
 * port). Server and browser are always closed afterwards.
 */
export async function withAppPage<T>(fn: (page: Page, browser: Browser) => Promise<T>): Promise<T> {
  const server = await createServer({
    configFile: 'renderer/vite.config.ts',
    logLevel: 'error',
    server: { port: Number(process.env.BENCH_VITE_PORT) || 0, strictPort: true, host: '127.0.0.1' },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    // tsx compiles bench files with esbuild's keepNames, whose __name helper the page does not have.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    // The dev server transforms the app's modules on this first load: on a busy machine that took over
    // Playwright's default 30 s and the bench failed before measuring anything.
    await page.goto(`http://127.0.0.1:${port}/`, { timeout: 180_000 });
    return await fn(page, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}
