import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Page helpers shared by the end-to-end tests: find things by role and visible Chinese label, as a user does. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('欢迎使用工会账簿').or(page.getByRole('navigation', { name: '主导航' }))).toBeVisible();
}

export async function createUnion(page: Page, name: string, extra: { employeeCount?: number; province?: string } = {}): Promise<void> {
  await openApp(page);
  await page.getByLabel('工会名称').fill(name);
  if (extra.employeeCount !== undefined) await page.getByLabel('职工人数').fill(String(extra.employeeCount));
  await chooseOption(page, '所在省份（开支标准）', extra.province ?? '安徽（2018年实施细则）');
  await button(page, '创建').click();
  await expect(page.getByTestId('union-name')).toHaveText(name);
}

export async function loadDemo(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByTestId('union-name')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stat-members')).toContainText(/\d/);
}

export async function goTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: label }).click();
}

/** Saves a download to a fresh path under test-results and returns it. */
export async function saveDownload(download: Download, dir = 'test-results/downloads'): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return path;
}

/** Screenshots go to test-results/screenshots so a person can look at what the tests saw. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = 'test-results/screenshots';
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * A button by its visible label. antd spaces out two-character labels ("备 份") and puts the
 * icon's name in front of the accessible name, so match the characters with optional spaces at the end.
 */
export function button(scope: Page | Locator, label: string): Locator {
  const pattern = new RegExp(`${label.split('').map(escapeRegExp).join('\\s?')}$`);
  return scope.getByRole('button', { name: pattern });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The figure of an antd Statistic by its test id, e.g. "118" or "12,345.60". */
export async function statValue(page: Page, testId: string): Promise<string> {
  const value = page.getByTestId(testId).locator('.ant-statistic-content-value');
  await expect(value).toHaveText(/\d/);
  return (await value.textContent()) ?? '';
}

/**
 * Picks an option of an antd Select by the field's label and the option's visible text. On a loaded
 * machine a click can land while the dropdown is still opening or the form is re-laying out (a
 * warning appearing above it); the choice is made again until the field shows it.
 */
export async function chooseOption(page: Page | Locator, label: string, option: string): Promise<void> {
  const root = 'page' in page ? page.page() : page;
  const select = page.locator('.ant-select', { has: root.getByLabel(label) }).first();
  await expect(async () => {
    const field = page.getByLabel(label);
    if ((await field.getAttribute('aria-expanded')) !== 'true') await field.click();
    await root.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click({ timeout: 5_000 });
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Chooses an account in the open 记一笔 dialog by its code. On a loaded machine a click can land
 * while the filtered tree is still redrawing; the choice is made again until the field shows it.
 */
export async function pickAccount(page: Page, code: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await expect(async () => {
    await dialog.getByLabel('科目').click();
    await page.keyboard.type(code);
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: code }).first().click({ timeout: 5_000 });
    const field = dialog.locator('.ant-form-item', { has: page.getByRole('combobox', { name: /科目/ }) });
    await expect(field.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText(code, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
