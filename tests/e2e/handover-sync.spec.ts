import { expect, test, type Page } from '@playwright/test';
import { createUnion, issueCode } from '../../server/sync/store/unions';
import { button, enrolOnSyncPage, goTo, loadDemo, openApp, saveDownload, screenshot } from './support/app';
import { startUpperServer, type UpperServer } from './support/upper-server';

const PASSWORD = 'Handover#2025-Lake';
let upper: UpperServer;
let unionId = '';
let firstCode = '';

test.beforeAll(async () => {
  upper = await startUpperServer({ dashboard: false });
  const created = await createUnion(upper.db, 'JH002', '嘉禾市精工机械有限公司工会');
  unionId = created.union.id;
  firstCode = created.enrolmentCode;
});

test.afterAll(async () => {
  await upper?.close();
});

const enrol = (page: Page, code: string) => enrolOnSyncPage(page, { serverUrl: upper.url, unionCode: 'JH002', code });

async function handoverTab(page: Page): Promise<void> {
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '换届交接' }).click();
  await expect(page.getByTestId('handover-check-months')).toBeVisible({ timeout: 60_000 });
}

test('换届交接 of an enrolled union: the new computer enrols with its own code and revokes the old one', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await loadDemo(page);
  await enrol(page, firstCode);

  await handoverTab(page);
  await page.getByLabel('移交人').fill('张三');
  await page.getByLabel('接交人').fill('李四');
  await page.getByLabel('监交人').fill('王五');
  await button(page, '生成交接清单和加密交接备份').click();
  const dialog = page.getByRole('dialog', { name: '为交接备份设置密码' });
  await dialog.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await dialog.getByLabel('再输入一次').fill(PASSWORD);
  const backupDownload = page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.ubk'), timeout: 120_000 });
  await button(dialog, '生成交接文件').click();
  const backup = await saveDownload(await backupDownload);
  await expect(page.getByText('交接清单和加密交接备份已保存')).toBeVisible({ timeout: 60_000 });

  const other = await browser.newContext();
  const next = await other.newPage();
  await openApp(next);
  const chooser = next.waitForEvent('filechooser');
  await next.getByRole('button', { name: '载入交接文件' }).click();
  await (await chooser).setFiles(backup);
  const prompt = next.getByRole('dialog', { name: '输入备份密码' });
  await prompt.getByLabel('备份密码').fill(PASSWORD);
  await button(prompt, '打开').click();
  const confirm = next.getByRole('dialog', { name: '从这个备份恢复账簿？' });
  await expect(confirm).toBeVisible({ timeout: 60_000 });
  // The file holds no device token: the new computer is told it will not sync until it enrols itself.
  await expect(confirm.getByTestId('handover-sync-notice')).toContainText('已注册同步（工会代码 JH002）');
  await expect(confirm.getByTestId('handover-sync-notice')).toContainText('不含它的设备凭证');
  await screenshot(next, 'handover-restore-confirm-enrolled');
  await button(confirm, '恢复').click();
  await expect(next.getByText('已载入交接文件，交接已记入账簿')).toBeVisible({ timeout: 60_000 });

  await handoverTab(next);
  const swap = next.getByTestId('handover-device-swap');
  await expect(swap).toContainText('请先在“同步”页用上级工会提供的注册码或注册文件注册本机');
  await swap.scrollIntoViewIfNeeded();
  await screenshot(next, 'handover-device-swap-enrol');
  await swap.getByRole('button', { name: '去“同步”页注册本机' }).click();
  await expect(next).toHaveURL(/\/sync/);
  await enrol(next, await issueCode(upper.db, unionId));

  await handoverTab(next);
  await next.getByTestId('handover-device-swap').getByRole('button', { name: '撤销旧电脑的同步' }).click();
  await expect(next.getByText('已撤销旧电脑的同步凭证')).toBeVisible({ timeout: 30_000 });
  await expect(next.getByTestId('handover-device-swap')).toContainText('同步由本机接替');
  await expect(next.getByTestId('handover-history').getByRole('row').nth(1)).toContainText('已载入，旧电脑已撤销');
  await next.getByTestId('handover-device-swap').scrollIntoViewIfNeeded();
  await screenshot(next, 'handover-device-swap-done');

  const devices = await upper.db.query<{ revoked: boolean }>(
    'SELECT revoked_at IS NOT NULL AS revoked FROM devices WHERE union_id = $1 ORDER BY created_at',
    [unionId],
  );
  expect(devices.map((d) => d.revoked)).toEqual([true, false]);
  const audit = await upper.db.query<{ action: string }>("SELECT action FROM audit_log WHERE action = 'device-handed-over'");
  expect(audit).toHaveLength(1);
  await other.close();
});
