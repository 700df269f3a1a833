import { expect, test, type Page } from '@playwright/test';
import { button, goTo, loadDemo, screenshot } from './support/app';

/**
 * Automatic backups a chair can rely on, driven in the browser through a stand-in for the desktop
 * bridge that keeps the files it is given: a failure is shown, not swallowed; backups can be
 * encrypted with a password held for the session; closing the window makes one more; and the
 * backups in the folder are listed and restored from directly.
 */
interface Kept {
  name: string;
  data: Uint8Array;
}

async function installBridge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const files: Kept[] = [];
    let failNext = true;
    const w = window as unknown as { keptFiles: Kept[]; closeWindow: () => Promise<void> };
    w.keptFiles = files;
    w.closeWindow = async () => undefined;
    Object.assign(window, {
      unionBooks: {
        contractVersion: 2,
        saveFile: async () => null,
        openFile: async () => null,
        chooseFolder: async () => ({ status: 'chosen', folder: 'D:\\工会备份' }),
        writeRollingBackup: async (request: { folder: string; data: Uint8Array }) => {
          if (failNext) {
            failNext = false;
            throw new Error('磁盘已满');
          }
          const name = `unionbooks-auto-20250601-0${files.length + 1}0000.ubk`;
          files.push({ name, data: request.data });
          return `${request.folder}\\${name}`;
        },
        listRollingBackups: async () =>
          [...files].reverse().map((f) => ({ name: f.name, size: f.data.length, at: `2025-06-01T${f.name.slice(25, 27)}:00:00` })),
        readRollingBackup: async (request: { name: string }) => {
          const file = files.find((f) => f.name === request.name);
          if (!file) throw new Error('没有这个文件');
          return { name: file.name, data: file.data };
        },
        // What the main process does when the window is closed: ask for the last backup and wait for it.
        onQuitBackup: (run: () => Promise<void>) => {
          w.closeWindow = run;
        },
      },
    });
  });
}

const kept = (page: Page) =>
  page.evaluate(() => (window as unknown as { keptFiles: Kept[] }).keptFiles.map((f) => String.fromCharCode(...f.data.subarray(0, 8))));

async function openBackupSettings(page: Page): Promise<void> {
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
}

test('a failed automatic backup is shown; encrypted ones are made on closing and restored from the list with the password', async ({
  page,
}) => {
  await page.clock.install();
  await installBridge(page);
  await loadDemo(page);
  await openBackupSettings(page);
  await button(page, '选择文件夹').click();
  await expect(page.getByText('D:\\工会备份')).toBeVisible();
  await expect(page.getByText('还没有自动备份')).toBeVisible();

  // The first attempt fails: announced at once, and kept in view on the page and on 概览.
  await page.clock.fastForward('10:01');
  await expect(page.locator('.ant-notification').getByText('自动备份失败')).toBeVisible();
  await expect(page.getByText('失败：磁盘已满')).toBeVisible();
  await expect(page.getByTestId('last-backup')).toContainText('上次自动备份没有成功：磁盘已满');
  await screenshot(page, 'auto-backup-failed');

  // Encrypted from now on: the password is asked for twice and held only for this session.
  await page.getByRole('switch', { name: '加密自动备份' }).click();
  const setting = page.getByRole('dialog', { name: '自动备份的密码' });
  await expect(setting).toContainText('密码丢失后');
  await setting.getByLabel('密码', { exact: true }).fill('Lake7House!2025');
  await setting.getByLabel('再输入一次').fill('Lake7House!2025');
  await button(setting, '确定').click();
  await expect(page.getByText('本次启动已输入密码')).toBeVisible();

  // Closing the window makes the backup the timer has not made yet.
  await page.evaluate(() => (window as unknown as { closeWindow: () => Promise<void> }).closeWindow());
  expect(await kept(page)).toEqual(['UBKCRYPT']);
  await expect(page.locator('tr[data-row-key="unionbooks-auto-20250601-010000.ubk"]')).toBeVisible();
  await expect(page.getByTestId('last-backup')).toContainText('上次成功备份');
  await expect(page.getByTestId('last-backup')).not.toContainText('没有成功');
  await screenshot(page, 'auto-backup-list');

  // Restored straight from the list, after the password.
  await page
    .getByRole('row', { name: /unionbooks-auto-20250601-010000\.ubk/ })
    .getByRole('button')
    .click();
  const prompt = page.getByRole('dialog', { name: '输入备份密码' });
  await prompt.getByLabel('备份密码').fill('wrong');
  await button(prompt, '打开').click();
  await expect(prompt.getByRole('alert')).toContainText('密码不正确');
  await prompt.getByLabel('备份密码').fill('Lake7House!2025');
  await button(prompt, '打开').click();
  const confirm = page.getByRole('dialog', { name: /用备份替换/ });
  await expect(confirm).toBeVisible({ timeout: 60_000 });
  await button(confirm, '恢复').click();
  await expect(page.getByText('已从备份恢复')).toBeVisible({ timeout: 60_000 });

  // After a restart the password is gone: encrypted backups wait for it instead of writing a plain file.
  await page.reload();
  await openBackupSettings(page);
  await expect(page.getByText('自动备份已暂停：本次启动后还没有输入密码')).toBeVisible();
  await page.evaluate(() => (window as unknown as { closeWindow: () => Promise<void> }).closeWindow());
  expect(await kept(page)).toEqual([]);
  await expect(page.getByTestId('last-backup')).toContainText('还没有输入密码');
  await screenshot(page, 'auto-backup-paused');
});
