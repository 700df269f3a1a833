import { expect, test, type Page } from '@playwright/test';
import { encodeBackup } from '../../shared/backup/format';
import { generateDemoBook } from '../../shared/demo/generator';
import { createUnion } from '../../server/sync/store/unions';
import { button, createUnion as createLocalUnion, enrolOnSyncPage, goTo, openApp, screenshot } from './support/app';
import { startUpperServer, type UpperServer } from './support/upper-server';

let upper: UpperServer;

/** The upper union's server on loopback: a device enrolls for real, so a replaced book would really reach it. */
test.beforeAll(async () => {
  upper = await startUpperServer({ dashboard: false });
});

test.afterAll(async () => {
  await upper?.close();
});

async function serverRows(code: string): Promise<number> {
  const [r] = await upper.db.query<{ n: unknown }>(
    'SELECT count(*) AS n FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.code = $1',
    [code],
  );
  return Number(r?.n);
}

/** A union of its own, enrolled through the 同步 page and synced once. */
async function enrolledUnion(page: Page, code: string, name: string): Promise<void> {
  const { enrolmentCode } = await createUnion(upper.db, code, name);
  await createLocalUnion(page, name);
  await enrolOnSyncPage(page, { serverUrl: upper.url, unionCode: code, code: enrolmentCode });
}

/** A picture of the dialog once its opening animation has finished. */
async function shotOfDialog(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"]')).toHaveCount(0);
  await screenshot(page, name);
}

async function openBackupSettings(page: Page): Promise<void> {
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
}

test('清空账簿 on an enrolled device asks to leave sync, and the demo book loaded after never reaches the union', async ({ page }) => {
  await enrolledUnion(page, 'E2E-CLR', '清空测试工会');
  const before = await serverRows('E2E-CLR');
  expect(before).toBeGreaterThan(0);

  await openBackupSettings(page);
  await page.getByRole('button', { name: '清空账簿，重新开始' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('退出同步，清空全部数据，重新开始？');
  await expect(dialog).toContainText('正与“清空测试工会”同步');
  await expect(dialog).toContainText('本设备将退出同步');
  await shotOfDialog(page, 'confirm-clear-enrolled');

  await button(dialog, '取消').click();
  await expect(dialog).toBeHidden();
  await goTo(page, '同步');
  await expect(page.getByTestId('sync-status')).toBeVisible();

  await openBackupSettings(page);
  await page.getByRole('button', { name: '清空账簿，重新开始' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '退出同步并清空' }).click();
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible();

  // No longer enrolled: the demo loads without a question, and stays on this computer.
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByTestId('union-name')).toBeVisible({ timeout: 60_000 });
  await goTo(page, '同步');
  await expect(page.getByRole('button', { name: '注册本设备' })).toBeVisible();
  expect(await serverRows('E2E-CLR')).toBe(before);
});

test('restoring another union’s backup on an enrolled device says so, leaves sync, and sends nothing', async ({ page }) => {
  await enrolledUnion(page, 'E2E-RST', '恢复测试工会');
  const before = await serverRows('E2E-RST');
  const other = generateDemoBook({ seed: 21, members: 15, years: 1, endMonth: '2025-06' });
  const otherName = other.union[0]?.name ?? '';
  const file = await encodeBackup(other, { createdAt: '2025-07-01T08:00:00.000Z', appVersion: 'e2e' });

  await openBackupSettings(page);
  const chooser = page.waitForEvent('filechooser');
  await button(page, '恢复').click();
  await (await chooser).setFiles({ name: '别的工会.ubk', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('退出同步，并用备份替换当前全部数据？');
  await expect(dialog).toContainText(`备份文件属于另一个工会“${otherName}”，不能并入“恢复测试工会”的数据`);
  await shotOfDialog(page, 'confirm-restore-other-union');

  await dialog.getByRole('button', { name: '退出同步并恢复' }).click();
  await expect(page.getByTestId('union-name')).toHaveText(otherName);
  await goTo(page, '同步');
  await expect(page.getByRole('button', { name: '注册本设备' })).toBeVisible();
  expect(await serverRows('E2E-RST')).toBe(before);
});

test('载入示例数据 on a first-run page of a device still enrolled asks first', async ({ page }) => {
  await openApp(page);
  // A device left enrolled with an empty book, as an older version could leave it.
  await page.evaluate(
    (url) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(localStorage.getItem('unionbooks.book') ?? 'unionbooks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('$sync', 'readwrite');
          tx.objectStore('$sync').put({
            key: 'sync.config',
            value: {
              serverUrl: url,
              unionCode: 'OLD01',
              unionName: '原来的工会',
              token: 'x'.repeat(40),
              enrolledAt: '2025-01-01T00:00:00.000Z',
            },
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    upper.url,
  );
  await page.reload();
  await page.getByRole('button', { name: '载入示例数据' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('退出同步并载入示例数据？');
  await expect(dialog).toContainText('正与“原来的工会”同步');
  await shotOfDialog(page, 'confirm-demo-enrolled');
  await button(dialog, '取消').click();
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible();

  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '退出同步并载入' }).click();
  await expect(page.getByTestId('union-name')).toBeVisible({ timeout: 60_000 });
  await goTo(page, '同步');
  await expect(page.getByRole('button', { name: '注册本设备' })).toBeVisible();
});

/** The profile's book databases and the one the page's copy names. */
async function bookDatabases(page: Page): Promise<{ books: string[]; named: string | null }> {
  return page.evaluate(async () => ({
    books: (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((n) => n === 'unionbooks' || n.startsWith('unionbooks@'))
      .sort(),
    named: localStorage.getItem('unionbooks.book'),
  }));
}

test('a replaced book is a database of its own: it shows at once, stays after a reload, and the old one is deleted', async ({ page }) => {
  await createLocalUnion(page, '我们自己的工会');
  expect(await bookDatabases(page)).toEqual({ books: ['unionbooks'], named: null });

  await openBackupSettings(page);
  await page.getByRole('button', { name: '清空账簿，重新开始' }).click();
  await button(page.getByRole('dialog'), '清空并重新开始').click();
  // The first-run page, on an empty book of its own; the one it replaced is deleted once the page is idle.
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible();
  await expect.poll(async () => (await bookDatabases(page)).books).toHaveLength(1);
  const cleared = await bookDatabases(page);
  expect(cleared.books).toEqual([cleared.named]);
  expect(cleared.named).toMatch(/^unionbooks@/);

  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByTestId('union-name')).toBeVisible({ timeout: 60_000 });
  // The page the address named (设置, where the book was cleared) opens on the new book.
  await expect(page.getByRole('tab', { name: '备份与恢复', selected: true })).toBeVisible();
  await goTo(page, '概览');
  await expect(page.getByTestId('stat-members')).toContainText(/\d/);
  const demoName = (await page.getByTestId('union-name').textContent()) ?? '';
  expect(demoName).not.toBe('');
  await expect.poll(async () => (await bookDatabases(page)).named).not.toBe(cleared.named);
  await expect.poll(async () => (await bookDatabases(page)).books).toHaveLength(1);

  // Reopened: the demo book, from its own database; nothing of the books before it is left.
  await page.reload();
  await expect(page.getByTestId('union-name')).toHaveText(demoName, { timeout: 60_000 });
  await expect(page.getByTestId('stat-members')).toContainText(/\d/);
  const reopened = await bookDatabases(page);
  expect(reopened.books).toEqual([reopened.named]);
});
