import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrolOffline } from '../../server/sync/store/packages';
import { createUnion } from '../../server/sync/store/unions';
import { writeEnrolmentFile } from '../../shared/sync/package/enrolment-file';
import { cellUnder, goTo, loadDemo, saveDownload, screenshot } from './support/app';
import { startUpperServer, type UpperServer } from './support/upper-server';

const ADMIN_PASSWORD = 'e2e-admin-password';
const PASSCODE = 'QWERT-YUPAS';
let upper: UpperServer;
let serverUrl = '';
let enrolmentFile = '';

/** The upper union's server on loopback with its dashboard; the union up the mountain is enrolled by file, as `server enrolment-file` does. */
test.beforeAll(async () => {
  test.setTimeout(240_000);
  upper = await startUpperServer({ adminPassword: ADMIN_PASSWORD });
  serverUrl = upper.url;
  const { union } = await createUnion(upper.db, 'SL001', '青山林业管理局工会');
  const enrolment = await enrolOffline(upper.db, union.id);
  const dir = 'test-results/offline-package';
  mkdirSync(dir, { recursive: true });
  enrolmentFile = join(dir, 'SL001.ubenrol');
  writeFileSync(enrolmentFile, await writeEnrolmentFile({ unionCode: union.code, unionName: union.name, ...enrolment }, PASSCODE));
});

test.afterAll(async () => {
  await upper?.close();
});

test('an offline union submits its year by package, the dashboard shows 已报送, the reply brings the receipt back', async ({
  page,
  context,
}) => {
  await loadDemo(page);
  await goTo(page, '同步');
  await page.getByLabel('注册文件口令').fill(PASSCODE.toLowerCase());
  const enrolChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /导入注册文件/ }).click();
  await (await enrolChooser).setFiles(enrolmentFile);
  const card = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: /^离线报送包$/ }) });
  await expect(card.getByRole('button', { name: /导出离线报送包/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('无（用离线报送包同步）')).toBeVisible();

  const year = Number(await card.getByLabel('随包报送年度').inputValue());
  await card.getByRole('checkbox', { name: '同时报送年度' }).check();
  const exported = page.waitForEvent('download');
  await card.getByRole('button', { name: /导出离线报送包/ }).click();
  const packageFile = await saveDownload(await exported);
  expect(packageFile).toMatch(/SL001-报送包-001\.ubpkg$/);
  await expect(card.getByTestId('package-result')).toContainText(`已导出第 1 号报送包`);
  await expect(card.getByTestId('package-result')).toContainText(`含 ${year} 年度报送`);

  const dash = await context.newPage();
  await dash.goto(`${serverUrl}/dashboard/`);
  await dash.getByLabel('管理员密码').fill(ADMIN_PASSWORD);
  await dash.getByRole('button', { name: /登\s*录/ }).click();
  await dash.getByLabel('统计年度').fill(String(year));
  await dash.getByRole('button', { name: /刷\s*新/ }).click();
  const row = dash.locator('tr.ant-table-row', { hasText: 'SL001' });
  await expect(row).toContainText('未报送');
  const uploadChooser = dash.waitForEvent('filechooser');
  await row.getByRole('button', { name: '导入报送包' }).click();
  await (await uploadChooser).setFiles(packageFile);
  const modal = dash.locator('.ant-modal', { hasText: '青山林业管理局工会 的离线报送包' });
  await expect(modal).toContainText(`${year} 年度已收到，回执号 BS-${year}-SL001-01`, { timeout: 60_000 });
  await screenshot(dash, 'dashboard-package-imported');
  const replyDownload = dash.waitForEvent('download');
  await modal.getByRole('button', { name: '下载回执包' }).click();
  const replyFile = await saveDownload(await replyDownload);
  expect(replyFile).toMatch(/SL001-回执包-001\.ubreply$/);
  await modal.locator('.ant-modal-close').click();
  await expect(row).toContainText('已报送');
  const members = Number((await (await cellUnder(row, '会员')).textContent()) ?? '0');
  expect(members).toBeGreaterThan(100);
  await screenshot(dash, 'dashboard-offline-submitted');

  await page.bringToFront();
  const replyChooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: /导入回执包/ }).click();
  await (await replyChooser).setFiles(replyFile);
  await expect(card.getByTestId('package-result')).toContainText(`回执号 BS-${year}-SL001-01`, { timeout: 60_000 });
  await page.getByLabel('报送年度', { exact: true }).fill(String(year));
  await expect(page.getByTestId('receipt-number')).toHaveText(`BS-${year}-SL001-01`);
  await expect(page.getByText('本年度的收支、会费等账目已锁定')).toBeVisible();
  await expect(card).toContainText('第 1 号');
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: 'test-results/screenshots/sync-offline-package-card.png' });
  await screenshot(page, 'sync-offline-package-page');

  // The same reply again changes nothing and says so in the card; a reply cut short is refused by name.
  const cut = join('test-results/offline-package', 'cut.ubreply');
  writeFileSync(cut, (await import('node:fs')).readFileSync(replyFile).subarray(0, 30));
  const cutChooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: /导入回执包/ }).click();
  await (await cutChooser).setFiles(cut);
  await expect(card.getByTestId('package-result')).toContainText('回执包不完整：文件被截断，未做任何更改');
});
