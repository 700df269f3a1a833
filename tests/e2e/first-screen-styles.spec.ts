import { expect, test, type Page } from '@playwright/test';
import { button, loadDemo, openApp } from './support/app';

/**
 * The first screens' antd styles come from the stylesheet made at build time
 * (renderer/build/first-screen-styles.ts), so antd generates and injects none of them while the app
 * starts. antd marks a component style it injects with `data-css-hash`; the theme's and the
 * components' CSS variables (`data-token-hash`) are still written at run time, by design.
 */
async function componentStylesInjected(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('style[data-css-hash]:not([data-token-hash])')].map((s) => (s.textContent ?? '').slice(0, 120)),
  );
}

test('the first-run form shows with no antd style generated at run time', async ({ page }) => {
  await openApp(page);
  await expect(button(page, '创建')).toBeVisible();
  await expect(page.getByLabel('所在省份（开支标准）')).toBeVisible();
  expect(await componentStylesInjected(page)).toEqual([]);
  // The stylesheet is what styles it: antd's button colour is the theme's, not the browser's default.
  await expect(button(page, '创建')).toHaveCSS('background-color', 'rgb(192, 57, 43)');
});

test('概览 shows its figures and its desk with no antd style generated at run time', async ({ page }) => {
  await loadDemo(page);
  await page.reload();
  await expect(page.getByTestId('stat-members')).toContainText(/\d/);
  await expect(page.getByTestId('desk-todos')).toBeVisible();
  expect(await componentStylesInjected(page)).toEqual([]);
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '概览' })).toHaveCSS(
    'color',
    'rgb(192, 57, 43)',
  );
});
