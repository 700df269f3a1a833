import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HybridLogicalClock } from '../../shared/clock/hlc';
import { publishNotice } from '../../server/sync/store/notices';
import { importPackage } from '../../server/sync/store/packages';
import { createUnion } from '../../server/sync/store/unions';
import { goTo, loadDemo, saveDownload, screenshot } from './support/app';
import { startUpperServer, type UpperServer } from './support/upper-server';

const ADMIN_PASSWORD = 'e2e-admin-password';
let upper: UpperServer;
let db: UpperServer['db'];
let serverUrl = '';

/** The upper union's dashboard with its built pages; a union up the mountain that has no network. */
test.beforeAll(async () => {
  test.setTimeout(240_000);
  upper = await startUpperServer({ adminPassword: ADMIN_PASSWORD });
  ({ db, url: serverUrl } = upper);
  await createUnion(db, 'SL002', '白石林场工会');
});

test.afterAll(async () => {
  await upper?.close();
});

test('下载注册文件 on the dashboard: the passcode shown once, copied, the file enrols the union’s app, and a notice’s attachment comes by reply', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serverUrl });
  const dash = await context.newPage();
  await dash.goto(`${serverUrl}/dashboard/`);
  await dash.getByLabel('管理员密码').fill(ADMIN_PASSWORD);
  await dash.getByRole('button', { name: /登\s*录/ }).click();
  const row = dash.locator('tr.ant-table-row', { hasText: 'SL002' });
  await row.getByRole('button', { name: '下载注册文件' }).click();
  const modal = dash.locator('.ant-modal', { hasText: '白石林场工会 的离线注册文件' });
  const downloaded = dash.waitForEvent('download');
  await modal.getByRole('button', { name: /生成并下载/ }).click();
  const file = await saveDownload(await downloaded);
  expect(file).toMatch(/SL002-注册文件\.ubenrol$/);
  const passcode = (await modal.getByTestId('enrolment-passcode').innerText()).trim();
  expect(passcode).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  await expect(modal).toContainText('口令只显示这一次');
  await expect(modal).toContainText('不要放在同一个 U 盘');
  await modal.getByRole('button', { name: /复制口令/ }).click();
  await expect(modal.getByRole('button', { name: /已复制/ })).toBeVisible();
  expect(await dash.evaluate(() => navigator.clipboard.readText())).toBe(passcode);
  await screenshot(dash, 'dashboard-enrolment-file');

  // Closed, the passcode is gone: opening the dialog again offers a new file, not the old passcode.
  await modal.getByRole('button', { name: /我已记下口令/ }).click();
  await expect(modal).toBeHidden();
  await row.getByRole('button', { name: '下载注册文件' }).click();
  await expect(modal.getByRole('button', { name: /生成并下载/ })).toBeVisible();
  await expect(modal).not.toContainText(passcode);
  await modal.getByRole('button', { name: /Close|关闭/ }).click();

  await dash.getByRole('button', { name: '操作记录' }).click();
  await expect(dash.locator('.ant-modal', { hasText: '生成注册文件' })).toContainText('SL002');

  await loadDemo(page);
  await goTo(page, '同步');
  await page.getByLabel('注册文件口令').fill(passcode);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /导入注册文件/ }).click();
  await (await chooser).setFiles(file);
  const card = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: /^离线报送包$/ }) });
  await expect(card.getByRole('button', { name: /导出离线报送包/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('白石林场工会').first()).toBeVisible();

  // A notice with an attachment reaches the union by its reply: the attachment opens with no server.
  const root = (await db.query<{ id: string; code: string; name: string }>("SELECT id, code, name FROM orgs WHERE code = 'ROOT'"))[0]!;
  const attachment = new Uint8Array(randomBytes(150_000));
  await publishNotice(db, {
    fromOrgId: root.id,
    to: { ...root, parentId: null },
    title: '关于报送年报的通知',
    body: '请于月底前报送。',
    attachment: { name: '年报说明.pdf', mimeType: 'application/pdf', base64: Buffer.from(attachment).toString('base64') },
  });
  const exported = page.waitForEvent('download');
  await card.getByRole('button', { name: /导出离线报送包/ }).click();
  const { reply } = await importPackage(db, new HybridLogicalClock('e2eserver'), readFileSync(await saveDownload(await exported)));
  const replyFile = join('test-results/downloads', 'SL002-回执包-001.ubreply');
  writeFileSync(replyFile, reply);
  const replyChooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: /导入回执包/ }).click();
  await (await replyChooser).setFiles(replyFile);
  await expect(card.getByTestId('package-result')).toContainText('1 个通知附件', { timeout: 60_000 });
  const notices = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '上级通知' }) });
  await notices.getByRole('button', { name: /查\s*看/ }).click();
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: /下载附件：年报说明\.pdf/ }).click();
  const opened = readFileSync(await saveDownload(await saved));
  expect(opened.equals(Buffer.from(attachment))).toBe(true);
});
