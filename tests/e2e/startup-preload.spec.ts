import { expect, test, type Page } from '@playwright/test';
import { SHOWN_KEY } from '../../renderer/src/app/first-screen-shown';
import { addMemberElsewhere, button, chooseOption, createUnion, goTo } from './support/app';

/**
 * Records the time of the first frame that shows the first screen (checked at every animation frame,
 * just before it is painted): 概览 with its six figures, or the first-run form.
 */
const FIRST_SCREEN_PROBE = `(() => {
  const check = () => {
    const values = document.querySelectorAll('[data-testid^="stat-"] .ant-statistic-content-value');
    const overview = values.length === 6 && [...values].every((v) => v.textContent.trim() !== '');
    const firstRun = !!document.querySelector('form .ant-btn-primary') && !!document.body?.textContent.includes('欢迎使用工会账簿');
    if (overview || firstRun) window.__firstScreen = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** When the page started fetching a module (its chunk in the build, its file in development), once it has. */
async function fetchStart(page: Page, module: string): Promise<number> {
  const handle = await page.waitForFunction(
    (name) =>
      performance.getEntriesByType('resource').find((e) => new RegExp(`/${name}[.-][^/]*$`).test(new URL(e.name).pathname))?.startTime,
    module,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function firstScreenAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __firstScreen?: number }).__firstScreen, null, {
    timeout: 60_000,
  });
  return (await handle.jsonValue()) as number;
}

/** A slow office PC: with the CPU slowed 4×, the browser is idle between the first screen's chunks. */
async function slowCpu(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

test('the first run fetches the restore flow and the backup reader only after it has been painted', async ({ page }) => {
  await page.addInitScript(FIRST_SCREEN_PROBE);
  await slowCpu(page);
  await page.goto('/');
  const shown = await firstScreenAt(page);
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible();
  for (const module of ['RestoreButtons', 'book-io']) expect(await fetchStart(page, module), module).toBeGreaterThan(shown);
});

test('概览 fetches the other pages and the search only after its figures have been painted', async ({ page }) => {
  await createUnion(page, '预载测试工会');
  await page.addInitScript(FIRST_SCREEN_PROBE);
  await slowCpu(page);
  await page.reload();
  const shown = await firstScreenAt(page);
  await expect(page.getByTestId('stat-members')).toBeVisible();
  for (const module of ['MembersPage', 'SearchDialog']) expect(await fetchStart(page, module), module).toBeGreaterThan(shown);
});

/** When every start-up module had run (main.tsx's mark): what the page fetched before, it fetched while they ran. */
async function startUpCodeRunAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => performance.getEntriesByName('unionbooks:start-up-code-run')[0]?.startTime, null, {
    timeout: 60_000,
  });
  return (await handle.jsonValue()) as number;
}

test('a new profile fetches the first-run form while the rest of the start-up code runs, not after it', async ({ page }) => {
  await slowCpu(page);
  await page.goto('/');
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible({ timeout: 60_000 });
  expect(await fetchStart(page, 'FirstRunPage')).toBeLessThan(await startUpCodeRunAt(page));
});

test('a profile that has shown its book fetches the shell and 概览 while the rest of the start-up code runs', async ({ page }) => {
  await createUnion(page, '先取首屏工会');
  await slowCpu(page);
  await page.reload();
  await expect(page.getByTestId('stat-members')).toBeVisible({ timeout: 60_000 });
  const run = await startUpCodeRunAt(page);
  for (const module of ['Shell', 'OverviewPage']) expect(await fetchStart(page, module), module).toBeLessThan(run);
});

test('a wrong guess of the first screen costs only time: the book decides what shows', async ({ page }) => {
  const shown = () => page.evaluate((key) => localStorage.getItem(key), SHOWN_KEY);
  // A profile whose storage says it showed a book but which holds no database (cleared by hand, say):
  // written by a page of the app's origin that runs none of its code, before the app ever starts.
  await page.route('**/not-the-app.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title>' }));
  await page.goto('/not-the-app.html');
  await page.evaluate((key) => localStorage.setItem(key, 'book'), SHOWN_KEY);
  await page.goto('/');
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible({ timeout: 60_000 });
  expect(await shown()).toBe('first-run');

  // A book whose profile says it showed the first run opens on 概览 all the same, and is remembered.
  await page.getByLabel('工会名称').fill('猜错首屏工会');
  await chooseOption(page, '所在省份（开支标准）', '安徽（2018年实施细则）');
  await button(page, '创建').click();
  await expect(page.getByTestId('union-name')).toHaveText('猜错首屏工会');
  await expect.poll(shown).toBe('book');
  await page.evaluate((key) => localStorage.setItem(key, 'first-run'), SHOWN_KEY);
  await page.reload();
  await expect(page.getByTestId('stat-members').locator('.ant-statistic-content-value')).toHaveText('0', { timeout: 60_000 });
  await expect(page.getByText('欢迎使用工会账簿')).toHaveCount(0);
  expect(await shown()).toBe('book');
});

/** Notes, before the first screen, whether a page's loading state (正在加载页面…) was ever in the page. */
const LOADING_PROBE = `(() => {
  new MutationObserver((records, observer) => {
    if (window.__firstScreen) return observer.disconnect();
    if (document.body?.textContent.includes('正在加载页面…')) window.__pageLoadingShown = true;
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

test('概览 and another page opened from their address show at once, with no page-loading state before them', async ({ page }) => {
  await createUnion(page, '直接显示工会');
  await page.addInitScript(FIRST_SCREEN_PROBE);
  await page.addInitScript(LOADING_PROBE);
  await slowCpu(page);
  await page.reload();
  await firstScreenAt(page);
  // React holds the content of a boundary that has shown its fallback for 300 ms: the page's code,
  // fetched while the book opens, is rendered in the same pass instead.
  expect(await page.evaluate(() => (window as unknown as { __pageLoadingShown?: boolean }).__pageLoadingShown ?? false)).toBe(false);

  await page.goto('/#/members');
  await expect(page.getByRole('button', { name: '导入名册' })).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { __pageLoadingShown?: boolean }).__pageLoadingShown ?? false)).toBe(false);
});

/**
 * Notes whether 概览, before its first screen, ever rendered one of its six figures still loading
 * (a skeleton in place of the number) or its union's name blank.
 */
const FIGURES_PROBE = `(() => {
  window.__notYet = [];
  new MutationObserver((records, observer) => {
    if (document.querySelector('[data-testid^="stat-"] .ant-skeleton')) window.__notYet.push('figures loading');
    const name = document.querySelector('[data-testid="overview-union-name"]');
    if (name && name.textContent.trim() === '') window.__notYet.push('union name blank');
    if (window.__firstScreen) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

test('概览 renders its six figures and its union from its first render, and still follows the book', async ({ page, context }) => {
  await createUnion(page, '首屏数字工会');
  await page.addInitScript(FIRST_SCREEN_PROBE);
  await page.addInitScript(FIGURES_PROBE);
  await page.reload();
  await firstScreenAt(page);
  // Read with the union as the book opens, the figures are there as 概览 first renders.
  expect(await page.evaluate(() => [...new Set((window as unknown as { __notYet: string[] }).__notYet)])).toEqual([]);
  await expect(page.getByTestId('overview-union-name')).toHaveText('首屏数字工会');
  await expect(page.getByTestId('stat-members').locator('.ant-statistic-content-value')).toHaveText('0');

  // A member added in another window still shows: the page's own query has taken over.
  await addMemberElsewhere(context, { name: '张三', id: '330402198511200336' });
  await expect(page.getByTestId('stat-members').locator('.ant-statistic-content-value')).toHaveText('1', { timeout: 30_000 });

  // Back on 概览 later, the figures read at start-up (0 members) are never shown again.
  await goTo(page, '会员');
  await expect(page.getByRole('button', { name: '导入名册' })).toBeVisible();
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __membersShown: string[] }).__membersShown = seen;
    new MutationObserver(() => {
      const value = document.querySelector('[data-testid="stat-members"] .ant-statistic-content-value');
      if (value) seen.push(value.textContent ?? '');
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await goTo(page, '概览');
  await expect(page.getByTestId('stat-members').locator('.ant-statistic-content-value')).toHaveText('1');
  expect(await page.evaluate(() => (window as unknown as { __membersShown: string[] }).__membersShown)).not.toContain('0');
});

test('a book database the app cannot open still shows the database-error screen', async ({ page }) => {
  // A page of the app's origin that runs none of its code leaves the book's database at a version
  // newer than any this app knows, which it must refuse to open.
  await page.route('**/not-the-app.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title>' }));
  await page.goto('/not-the-app.html');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('unionbooks', 1_000_000);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      }),
  );
  await page.goto('/');
  await expect(page.getByText('无法打开本地数据库')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('欢迎使用工会账簿')).toHaveCount(0);
});

test('the page says 正在打开账簿… before any of its code has run, and the app takes its place', async ({ page }) => {
  // None of the app's code arrives: what shows is index.html's own loading screen, in its first paint.
  await page.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.fallback()));
  await page.goto('/');
  const loading = page.getByRole('status').filter({ hasText: '正在打开账簿…' });
  await expect(loading).toBeVisible();
  await expect(loading).toHaveCSS('position', 'fixed');

  // With its code, the app renders over it and nothing of it is left behind.
  await page.unrouteAll();
  await page.reload();
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('正在打开账簿…')).toHaveCount(0);
});

/**
 * Notes, at every change of the page before its first screen, whether the app's root was ever empty
 * (a blank frame) or held antd's full-screen spinner (a render spent on a loading screen the page
 * already shows), and whether index.html's loading screen was still there just before the first screen.
 */
const BETWEEN_PROBE = `(() => {
  window.__between = { blank: false, spinner: false, loadingUntilFirstScreen: false };
  new MutationObserver((records, observer) => {
    const root = document.getElementById('root');
    if (!root) return;
    const values = document.querySelectorAll('[data-testid^="stat-"] .ant-statistic-content-value');
    const overview = values.length === 6 && [...values].every((v) => v.textContent.trim() !== '');
    const firstRun = !!document.querySelector('form .ant-btn-primary') && !!document.body?.textContent.includes('欢迎使用工会账簿');
    if (overview || firstRun) {
      window.__between.done = true;
      return observer.disconnect();
    }
    if (root.childElementCount === 0) window.__between.blank = true;
    if (document.querySelector('.ant-spin-fullscreen')) window.__between.spinner = true;
    window.__between.loadingUntilFirstScreen = !!root.querySelector('.boot-loading');
  }).observe(document, { childList: true, subtree: true });
})();`;

test('the page’s own loading screen stays until the first screen replaces it: no blank frame, no second spinner', async ({ page }) => {
  type Between = { blank: boolean; spinner: boolean; loadingUntilFirstScreen: boolean; done?: true };
  const between = async () => {
    const handle = await page.waitForFunction(
      () => {
        const seen = (window as unknown as { __between: Between }).__between;
        return seen.done && seen;
      },
      null,
      { timeout: 60_000 },
    );
    return (await handle.jsonValue()) as Between;
  };
  await page.addInitScript(BETWEEN_PROBE);
  await page.goto('/');
  expect(await between()).toEqual({ blank: false, spinner: false, loadingUntilFirstScreen: true, done: true });

  await createUnion(page, '一屏到位工会');
  await page.reload();
  expect(await between()).toEqual({ blank: false, spinner: false, loadingUntilFirstScreen: true, done: true });
  await expect(page.getByText('正在打开账簿…')).toHaveCount(0);
});
