import { expect, test, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/sync/app';
import { openPglite, type Database } from '../../server/sync/db';
import { DASHBOARD_DIR } from '../../server/sync/runtime';
import { initialiseAdmin } from '../../server/sync/store/admin';
import { createUnion } from '../../server/sync/store/unions';
import { goTo, loadDemo, saveDownload, screenshot } from './support/app';

const ADMIN_PASSWORD = 'e2e-admin-password';
let db: Database;
let server: FastifyInstance;
let serverUrl = '';
let enrolmentCode = '';

/** The upper union's server, started by the test on loopback with the dashboard built and served. */
test.beforeAll(async () => {
  test.setTimeout(240_000);
  execSync('npx vite build --config server/dashboard/vite.config.ts', { stdio: 'ignore' });
  db = await openPglite();
  server = await buildServer({ db, dashboardDir: DASHBOARD_DIR });
  await initialiseAdmin(db, ADMIN_PASSWORD);
  serverUrl = await server.listen({ host: '127.0.0.1', port: 0 });
  enrolmentCode = (await createUnion(db, 'JH001', '嘉禾市精工机械有限公司工会')).enrolmentCode;
});

test.afterAll(async () => {
  await server?.close();
  await db?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
}

test('enrol, sync, submit a year, see it and return it on the dashboard, read the reason in the app', async ({ page, context }) => {
  await loadDemo(page);
  await goTo(page, '同步');
  await page.getByLabel('服务器地址').fill(serverUrl);
  await page.getByLabel('工会代码').fill('JH001');
  await page.getByLabel('注册码').fill(enrolmentCode);
  await page.getByRole('button', { name: '注册本设备' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('已同步', { timeout: 60_000 });

  const year = Number(await page.getByLabel('报送年度').inputValue());
  await page.getByRole('button', { name: '提交年度报送' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /提\s*交/ })
    .click();
  await expect(page.getByTestId('receipt-number')).toHaveText(`BS-${year}-JH001-01`, { timeout: 60_000 });
  await expect(page.getByText('本年度的收支、会费等账目已锁定')).toBeVisible();
  await expect(page.locator('.ant-modal-confirm')).toBeHidden();
  await shot(page, 'sync-page-submitted');

  const dash = await context.newPage();
  await dash.goto(`${serverUrl}/dashboard/`);
  await dash.getByLabel('管理员密码').fill(ADMIN_PASSWORD);
  await dash.getByRole('button', { name: /登\s*录/ }).click();
  await dash.getByLabel('统计年度').fill(String(year));
  await dash.getByRole('button', { name: /刷\s*新/ }).click();
  const row = dash.getByRole('row', { name: /JH001/ });
  await expect(row).toContainText('已报送');
  await expect(row.getByText(/下载 .*工作总结\.docx/)).toBeVisible();
  const members = Number((await row.getByRole('cell').nth(2).textContent()) ?? '0');
  expect(members).toBeGreaterThan(100);
  await shot(dash, 'dashboard-submitted');

  const download = dash.waitForEvent('download');
  await row.getByText(/下载 .*工作总结\.docx/).click();
  const file = await saveDownload(await download);
  const text = execSync(
    `/usr/bin/python3 -c "import docx,sys; print('\\n'.join(p.text for p in docx.Document(sys.argv[1]).paragraphs))" "${file}"`,
    { encoding: 'utf8' },
  );
  expect(text).toContain('嘉禾市精工机械有限公司工会委员会');

  await row.getByRole('button', { name: /退\s*回/ }).click();
  await dash.getByLabel('退回原因').fill('会费收缴金额与台账不符，请核对');
  await dash.getByRole('button', { name: '确认退回' }).click();
  await expect(row).toContainText('已退回');
  await shot(dash, 'dashboard-returned');

  await dash.getByRole('button', { name: '发布标准或模板' }).click();
  await dash.getByRole('dialog').getByLabel('名称').fill('2026年慰问开支标准');
  await dash
    .getByRole('dialog')
    .getByRole('button', { name: /发\s*布/ })
    .click();
  await expect(dash.getByText('已发布：2026年慰问开支标准')).toBeVisible();

  await page.bringToFront();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('return-reason')).toContainText('会费收缴金额与台账不符，请核对', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: '重新提交年度报送' })).toBeEnabled();
  await expect(page.getByText('开支标准：2026年慰问开支标准')).toBeVisible();
  await expect(page.getByText('来自上级工会')).toBeVisible();
  await page.waitForTimeout(500); // let the button's colour transition finish before the picture
  await shot(page, 'sync-page-returned');
});

test('a wrong enrolment code is refused with a clear message and nothing is saved', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '同步');
  await page.getByLabel('服务器地址').fill(serverUrl);
  await page.getByLabel('工会代码').fill('JH001');
  await page.getByLabel('注册码').fill('WRONG-CODE0');
  await page.getByRole('button', { name: '注册本设备' }).click();
  await expect(page.getByText('工会代码或注册码不正确')).toBeVisible();
  await shot(page, 'sync-page-enrol-refused');
  await page.reload();
  await goTo(page, '同步');
  await expect(page.getByRole('button', { name: '注册本设备' })).toBeVisible();
});
