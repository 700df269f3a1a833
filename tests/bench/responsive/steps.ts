import type { Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { button, goTo } from '../../e2e/support/app';

/**
 * What a user does for each piece of long work, through the app's own pages; each resolves when the work is done.
 * Every wait is a locator's waitFor or a waitForFunction, never Playwright's expect: each of expect's polls that
 * finds no match takes an aria snapshot of the whole page (Playwright 1.65), a 70–118 ms task in the page that is
 * not the app's and would be counted as the work's longest task.
 */

export async function openPage(page: Page, label: string, ready: string | RegExp): Promise<void> {
  await goTo(page, label);
  await page.getByText(ready).first().waitFor({ timeout: 300_000 });
}

/** 登记本月会费 of `month` (YYYY-MM; default: the dialog's own, this month). */
export async function postMonth(page: Page, month?: string): Promise<void> {
  await page.getByRole('button', { name: /登记本月会费/ }).click();
  const dialog = page.getByRole('dialog', { name: /登记本月会费/ });
  if (month) {
    const picker = dialog.getByLabel('会费月份');
    await picker.click();
    await picker.fill(month);
    await picker.press('Enter');
    const input = await picker.elementHandle();
    await page.waitForFunction(([e, m]) => (e as HTMLInputElement).value === m, [input, month] as const);
  }
  await dialog.getByText(/将为 \d+ 人登记/).waitFor({ timeout: 120_000 });
  await button(dialog, '登记').click();
  await dialog.waitFor({ state: 'hidden', timeout: 600_000 });
}

export async function backup(page: Page): Promise<string> {
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  const download = page.waitForEvent('download', { timeout: 600_000 });
  await button(page, '备份').click();
  const path = join(mkdtempSync(join(tmpdir(), 'ub-responsive-backup-')), 'book.ubk');
  await (await download).saveAs(path);
  return path;
}

export async function restore(page: Page, file: string): Promise<void> {
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  const chooser = page.waitForEvent('filechooser');
  await button(page, '恢复').click();
  await (await chooser).setFiles(file);
  await untilPageSays(page, '用备份替换');
  const dialog = page.getByRole('dialog', { name: /用备份替换/ });
  await button(dialog, '恢复').click();
  await untilPageSays(page, '已从备份恢复');
}

/**
 * Waits, for minutes if need be, until the page's text includes `text`: checked in the page's own
 * world once a second. Not with `expect(…).toBeVisible()`: its retries search the whole page from
 * Playwright's isolated world (and build an aria snapshot of it) in the page's main thread, tasks
 * of the measuring counted as the app's. Over a restore of many minutes one of the five longest
 * tasks was Playwright's own (144 ms of CPU); on a page of 4,000 elements left alone, 150 s of such
 * retries made tasks of up to 468 ms, against 73 ms with this wait.
 */
async function untilPageSays(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.body.textContent?.includes(t) ?? false, text, { polling: 1000, timeout: 600_000 });
}

/**
 * 注册本设备 on the 同步 page, which starts the first sync of the whole book; resolves when the page
 * says it is synced (the first sync of a large book pushes every record, in batches, with progress).
 */
export async function firstSync(page: Page, enrolment: { serverUrl: string; unionCode: string; code: string }): Promise<void> {
  await page.getByLabel('服务器地址').fill(enrolment.serverUrl);
  await page.getByLabel('工会代码').fill(enrolment.unionCode);
  await page.getByLabel('注册码').fill(enrolment.code);
  await page.getByRole('button', { name: '注册本设备' }).click();
  await page.getByTestId('sync-status').filter({ hasText: '已同步' }).waitFor({ timeout: 1_800_000 });
}

export async function generateDocument(page: Page): Promise<void> {
  const download = page.waitForEvent('download', { timeout: 300_000 });
  await page.getByRole('button', { name: '生成 Word 文档' }).click();
  await download;
}

export async function importRoster(page: Page, bytes: Uint8Array): Promise<number> {
  const file = join(mkdtempSync(join(tmpdir(), 'ub-responsive-roster-')), '会员名册.xlsx');
  writeFileSync(file, bytes);
  await page.getByRole('button', { name: /导入名册/ }).click();
  const dialog = page.getByRole('dialog', { name: '导入名册' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: '选择名册文件' }).click();
  await (await chooser).setFiles(file);
  // Reading a large workbook on a loaded machine can take longer than a click's usual wait.
  await dialog.getByRole('button', { name: '下一步：预览' }).click({ timeout: 600_000 });
  const importButton = dialog.getByRole('button', { name: /导入 \d+ 行/, disabled: false });
  await importButton.waitFor({ timeout: 300_000 });
  const rows = Number((await importButton.innerText()).replace(/\D/g, ''));
  await importButton.click();
  await dialog.getByText('名册已导入').waitFor({ timeout: 600_000 });
  return rows;
}

/** Wheel-scrolls the table under `selector` down by `steps` notches, one per frame or so. */
export async function scrollTable(page: Page, selector: string, steps: number): Promise<void> {
  const table = page.locator(selector);
  await table.scrollIntoViewIfNeeded();
  const box = await table.boundingBox();
  const view = page.viewportSize();
  if (!box || !view) throw new Error(`no ${selector} on the page`);
  // The middle of the part in view: a wheel turned below the window's edge scrolls nothing.
  const bottom = Math.min(box.y + box.height, view.height);
  await page.mouse.move(box.x + box.width / 2, (Math.max(box.y, 0) + bottom) / 2);
  // The table's scrolling body (components/VirtualTable).
  const body = table.locator(':scope > div').first();
  const before = await body.evaluate((e) => e.scrollTop);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 240);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  }
  if ((await body.evaluate((e) => e.scrollTop)) === before) throw new Error(`the wheel did not scroll ${selector}`);
}

/** The page left alone for a while: the floor any measurement sits on. */
export async function idle(page: Page, ms: number): Promise<void> {
  await page.waitForTimeout(ms);
}

/**
 * Waits until the app has loaded everything it preloads while idle (pages, the office worker) and
 * the page has had no long task for four seconds (longer than the wait before preloading starts),
 * so a measurement starts from a quiet page.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __longTasks: [number, number][]; __settle?: { count: number; since: number } };
      const count = performance.getEntriesByType('resource').length + w.__longTasks.length;
      const now = performance.now();
      if (!w.__settle || w.__settle.count !== count) w.__settle = { count, since: now };
      return now - w.__settle.since > 4000;
    },
    null,
    { polling: 250, timeout: 300_000 },
  );
}
