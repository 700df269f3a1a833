import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeBackup } from '../../shared/backup/format';
import { generateDemoBook } from '../../shared/demo/generator';
import { button, goTo, loadDemo, openApp, saveDownload, screenshot } from './support/app';

/** Password-protected backups: set a password, back up, and get the book back only with that password. */

const PASSWORD = 'Tree7House!Lake2025';

async function openBackupSettings(page: Page): Promise<void> {
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
}

/** A picture once the dialog's opening animation has finished. */
async function shotOfDialog(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"]')).toHaveCount(0);
  await screenshot(page, name);
}

async function unlockWith(page: Page, password: string): Promise<void> {
  const prompt = page.getByRole('dialog', { name: '输入备份密码' });
  await expect(prompt).toBeVisible({ timeout: 60_000 });
  await prompt.getByLabel('备份密码').fill(password);
  await button(prompt, '打开').click();
}

test('a backup with a password opens only with that password; a wrong one changes nothing', async ({ page }) => {
  await loadDemo(page);
  const unionName = (await page.getByTestId('union-name').textContent()) ?? '';
  await openBackupSettings(page);

  await button(page, '备份（设密码）').click();
  const setting = page.getByRole('dialog', { name: '为备份文件设置密码' });
  await expect(setting).toContainText('密码丢失后，加密的备份文件无法打开');
  await setting.getByLabel('密码', { exact: true }).fill('abc');
  await expect(setting.getByTestId('password-strength')).toContainText('太短');
  await setting.getByLabel('密码', { exact: true }).fill('12345678');
  await expect(setting.getByTestId('password-strength')).toContainText('弱');
  await setting.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await expect(setting.getByTestId('password-strength')).toContainText('强');
  await setting.getByLabel('再输入一次').fill(`${PASSWORD}x`);
  await button(setting, '加密并备份').click();
  await expect(setting).toContainText('两次输入的密码不一致');
  await setting.getByLabel('再输入一次').fill(PASSWORD);
  await shotOfDialog(page, 'backup-password-set');
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await button(setting, '加密并备份').click();
  const file = await saveDownload(await download);
  await expect(page.getByText('加密备份已保存，请牢记密码')).toBeVisible();
  // Encrypted in the backup worker, as a plain backup is written.
  expect(workers.filter((url) => /backup\.worker/.test(url))).toHaveLength(1);
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('latin1')).toBe('UBKCRYPT');
  expect(bytes.includes(Buffer.from(unionName))).toBe(false);
  await expect(page.getByTestId('last-backup')).toContainText('上次成功备份');

  const chooser = page.waitForEvent('filechooser');
  await button(page, '恢复').click();
  await (await chooser).setFiles(file);
  await unlockWith(page, 'wrong password');
  const prompt = page.getByRole('dialog', { name: '输入备份密码' });
  await expect(prompt.getByRole('alert')).toContainText('密码不正确');
  await expect(prompt.getByRole('alert')).toContainText('未做任何更改');
  await shotOfDialog(page, 'backup-password-wrong');
  await expect(page.getByTestId('union-name')).toHaveText(unionName);

  await unlockWith(page, PASSWORD);
  const confirm = page.getByRole('dialog', { name: /用备份替换/ });
  await expect(confirm).toBeVisible({ timeout: 60_000 });
  await expect(confirm).toContainText(unionName);
  await button(confirm, '恢复').click();
  await expect(page.getByText('已从备份恢复')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('union-name')).toHaveText(unionName);
});

test('first run offers 从备份恢复, which opens an encrypted backup after asking for its password', async ({ page }) => {
  const book = generateDemoBook({ seed: 21, members: 30, years: 1, endMonth: '2025-12', photos: 1 });
  const dir = 'test-results/downloads';
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `first-run-${Date.now()}.ubk`);
  writeFileSync(path, await encodeBackup(book, { createdAt: '2025-12-31T08:00:00.000Z', appVersion: 'e2e' }, { password: PASSWORD }));

  await openApp(page);
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible();
  await expect(button(page, '创建')).toBeVisible();
  await expect(page.getByRole('button', { name: '载入示例数据' })).toBeVisible();
  await screenshot(page, 'first-run-restore');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从备份恢复' }).click();
  await (await chooser).setFiles(path);
  await unlockWith(page, 'not the password');
  await expect(page.getByRole('dialog', { name: '输入备份密码' }).getByRole('alert')).toContainText('密码不正确');
  await unlockWith(page, PASSWORD);
  const confirm = page.getByRole('dialog', { name: '从这个备份恢复账簿？' });
  await expect(confirm).toBeVisible({ timeout: 60_000 });
  await expect(confirm).toContainText(`会员 ${book.members.filter((m) => m.deleted === 0).length} 人`);
  await shotOfDialog(page, 'first-run-restore-confirm');
  await button(confirm, '恢复').click();
  await expect(page.getByTestId('union-name')).toHaveText(book.union[0]!.name, { timeout: 60_000 });
});
