import { expect, test, type Page } from '@playwright/test';
import { goTo, loadDemo, screenshot } from './support/app';

/**
 * The desktop app's automatic backups, driven in the browser through a stand-in for the preload
 * bridge that records what the renderer asks of the main process. The main process's own checks
 * are unit-tested with electron mocked (tests/unit/electron/ipc-guard.test.ts).
 */
async function installBridge(page: Page, choices: unknown[]): Promise<void> {
  await page.addInitScript((queued) => {
    const calls: { fn: string; folder?: string; bytes?: number }[] = [];
    Object.assign(window, {
      bridgeCalls: calls,
      unionBooks: {
        contractVersion: 2,
        saveFile: async () => null,
        openFile: async () => null,
        chooseFolder: async () => {
          calls.push({ fn: 'chooseFolder' });
          return queued.shift() ?? { status: 'cancelled' };
        },
        writeRollingBackup: async (request: { folder: string; data: Uint8Array }) => {
          calls.push({ fn: 'writeRollingBackup', folder: request.folder, bytes: request.data.length });
          return `${request.folder}\\unionbooks-auto-20250601-090000.ubk`;
        },
        listRollingBackups: async () => [],
        readRollingBackup: async () => {
          throw new Error('没有文件');
        },
        onQuitBackup: () => undefined,
      },
    });
  }, choices);
}

const calls = (page: Page) =>
  page.evaluate(() => (window as unknown as { bridgeCalls: { fn: string; folder?: string; bytes?: number }[] }).bridgeCalls);

test('the backup folder is this computer’s own setting, picked in the dialog, and the timer writes there', async ({ page }) => {
  await page.clock.install();
  await installBridge(page, [
    { status: 'refused', reason: '不能使用网络共享文件夹（\\\\服务器\\共享），请选择本机或移动硬盘上的文件夹' },
    { status: 'chosen', folder: 'D:\\工会备份' },
  ]);
  await loadDemo(page);
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByText('本机备份文件夹')).toBeVisible();
  await expect(page.getByText('未设置')).toBeVisible();

  await page.getByRole('button', { name: '选择文件夹' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '不能使用该文件夹' })).toContainText('不能使用网络共享文件夹');
  await expect(page.getByText('未设置')).toBeVisible();

  await page.getByRole('button', { name: '选择文件夹' }).click();
  await expect(page.getByText('D:\\工会备份')).toBeVisible();

  // Nothing of it went into the union profile, which syncs to the server and the union's other devices.
  const union = await page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve) => {
        indexedDB.open(localStorage.getItem('unionbooks.book') ?? 'unionbooks').onsuccess = (e) => {
          const req = (e.target as IDBOpenDBRequest).result.transaction('union').objectStore('union').getAll();
          req.onsuccess = () => resolve((req.result as Record<string, unknown>[])[0] ?? {});
        };
      }),
  );
  expect(JSON.stringify(union)).not.toContain('工会备份');

  await page.clock.fastForward('10:01');
  await expect
    .poll(async () => (await calls(page)).filter((c) => c.fn === 'writeRollingBackup'))
    .toEqual([{ fn: 'writeRollingBackup', folder: 'D:\\工会备份', bytes: expect.any(Number) }]);
  await expect(page.getByText('unionbooks-auto-20250601-090000.ubk')).toBeVisible();
  await screenshot(page, 'auto-backup-desktop');
});
