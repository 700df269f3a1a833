import { defineConfig } from '@playwright/test';

const ci = !!process.env.CI;
// E2E_PORT lets several checkouts run their end-to-end suites side by side on one machine.
const port = Number(process.env.E2E_PORT) || (ci ? 4173 : 5173);

/**
 * End-to-end tests drive the renderer in web mode in Debian's Chromium (the Electron binary cannot
 * be downloaded everywhere; web mode is the same renderer). Every test gets a fresh browser
 * context, so a fresh IndexedDB.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: ci ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    acceptDownloads: true,
    // A failure leaves a picture of the page in test-results/, so a rare one can be read afterwards.
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: ci
      ? `npx vite build --config renderer/vite.config.ts && npx vite preview --config renderer/vite.config.ts --port ${port} --strictPort --host 127.0.0.1`
      : `npx vite --config renderer/vite.config.ts --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !ci,
    timeout: 180_000,
  },
});
