import { expect, type BrowserContext, type Download, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Page helpers shared by the end-to-end tests: find things by role and visible Chinese label, as a user does. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  // A fresh browser compiles the app and draws its first page from nothing: on a loaded machine that
  // alone has taken over 15 s, the spinner (正在打开账簿…) turning well afterwards.
  await expect(page.getByText('欢迎使用工会账簿').or(page.getByRole('navigation', { name: '主导航' }))).toBeVisible({
    timeout: 60_000,
  });
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

/** Enrols the open book on the 同步 page with a code issued by the upper union, and waits for the first sync. */
export async function enrolOnSyncPage(page: Page, enrolment: { serverUrl: string; unionCode: string; code: string }): Promise<void> {
  await goTo(page, '同步');
  await page.getByLabel('服务器地址').fill(enrolment.serverUrl);
  await page.getByLabel('工会代码').fill(enrolment.unionCode);
  await page.getByLabel('注册码').fill(enrolment.code);
  await page.getByRole('button', { name: '注册本设备' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('已同步', { timeout: 90_000 });
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
 * The open dropdown of an antd Select (or TreeSelect, Cascader) once its opening motion has ended.
 * While it opens the list is scaled and shifted, so a click aimed at one option can land on its
 * neighbour or on nothing; a dropdown that is closing is left out too.
 */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])');
}

/** The open date picker panel once its opening motion has ended (see openDropdown). */
export function openPicker(page: Page): Locator {
  return page.locator('.ant-picker-dropdown:visible:not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])');
}

/**
 * Picks an option of an antd Select by the field's label and the option's visible text, once the
 * dropdown has opened, until the field shows it: a click that still misses (the form re-laying out
 * as a warning appears) is made again.
 */
export async function chooseOption(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const field = scope.getByLabel(label);
  const select = scope.locator('.ant-select', { has: page.getByLabel(label) }).first();
  await expect(async () => {
    if ((await field.getAttribute('aria-expanded')) !== 'true') await field.click();
    await openDropdown(page).getByTitle(option, { exact: true }).click({ timeout: 5_000 });
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Picks the first option of a Select whose text contains `text` (the first of all when omitted), e.g.
 * a member from the roster, until the field shows it; `search` types the text first, for lists
 * longer than the dropdown draws. Resolves the chosen option's text.
 */
export async function chooseFirstOption(
  scope: Page | Locator,
  label: string | RegExp,
  text?: string,
  { search = false }: { search?: boolean } = {},
): Promise<string> {
  const page = 'page' in scope ? scope.page() : scope;
  const field = scope.getByLabel(label);
  const select = scope.locator('.ant-select', { has: page.getByLabel(label) }).first();
  let chosen = '';
  await expect(async () => {
    if ((await field.getAttribute('aria-expanded')) !== 'true') await field.click();
    if (search && text !== undefined && (await field.inputValue()) !== text) await field.fill(text);
    const options = openDropdown(page).locator('.ant-select-item-option');
    const option = (text === undefined ? options : options.filter({ hasText: text })).first();
    chosen = (await option.getAttribute('title', { timeout: 5_000 })) ?? '';
    await option.click({ timeout: 5_000 });
    await expect(select).toContainText(chosen, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  return chosen;
}

/**
 * Ticks options of a multiple Select by their text, each until the dropdown shows it ticked (a tag
 * may be folded into "+N"); `search` types each text first. The dropdown is left open.
 */
export async function tickOptions(
  scope: Page | Locator,
  label: string | RegExp,
  texts: readonly string[],
  { search = false }: { search?: boolean } = {},
): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const field = scope.getByLabel(label);
  for (const text of texts) {
    await expect(async () => {
      if ((await field.getAttribute('aria-expanded')) !== 'true') await field.click();
      if (search && (await field.inputValue()) !== text) await field.fill(text);
      const option = openDropdown(page).locator('.ant-select-item-option').filter({ hasText: text }).first();
      const ticked = /ant-select-item-option-selected/.test((await option.getAttribute('class', { timeout: 5_000 })) ?? '');
      if (!ticked) await option.click({ timeout: 5_000 });
      await expect(option).toHaveClass(/ant-select-item-option-selected/, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  }
}

/**
 * Chooses an account in the open 记一笔 dialog by its code. The filtered tree is clicked once it has
 * opened and redrawn; the choice is made again until the field shows it.
 */
export async function pickAccount(page: Page, code: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await expect(async () => {
    await dialog.getByLabel('科目').click();
    await page.keyboard.type(code);
    await openDropdown(page).locator('.ant-select-tree-node-content-wrapper', { hasText: code }).first().click({ timeout: 5_000 });
    const field = dialog.locator('.ant-form-item', { has: page.getByRole('combobox', { name: /科目/ }) });
    await expect(field.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText(code, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** The cell of `row` under the column headed `header` in the row's own table: tests keep working when columns move. */
export async function cellUnder(row: Locator, header: string): Promise<Locator> {
  await row.waitFor();
  const headers = await row.locator('xpath=ancestor::table[1]').locator('thead th').allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === header);
  if (index < 0) throw new Error(`no column headed ${header}: ${headers.join(' | ')}`);
  return row.getByRole('cell').nth(index);
}

/**
 * Adds a member by hand in a second window on the same book — the book changing under a page, as
 * a sync or another window changes it — and closes that window once the member is saved.
 */
export async function addMemberElsewhere(context: BrowserContext, member: { name: string; id: string }): Promise<void> {
  const other = await context.newPage();
  await other.goto('/#/members');
  await addMember(other, member);
  await other.close();
}

/** Adds a member by hand with 新增会员 on the 会员 page the page shows, and waits until it is saved. */
export async function addMember(page: Page, member: { name: string; id: string }): Promise<void> {
  await button(page, '新增会员').click();
  const drawer = page.getByRole('dialog', { name: '新增会员' });
  await drawer.getByLabel('姓名').fill(member.name);
  await drawer.getByLabel('证件号码').fill(member.id);
  await drawer.getByLabel('手机').click();
  await expect(drawer.getByLabel('出生日期')).not.toHaveValue('');
  await button(drawer, '保存').click();
  await expect(page.getByText(`已新增会员：${member.name}`)).toBeVisible();
}
