import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../server/sync/store/orgs';
import { createUnion } from '../../server/sync/store/unions';
import { createUnion as createBook, goTo, saveDownload, screenshot } from './support/app';
import { startUpperServer, type UpperServer } from './support/upper-server';

const PASSWORD = 'district password';
const ATTACHMENT = '附表：2026 年度工会统计年报填报口径\n会员人数以 9 月 30 日为准。\n';
let upper: UpperServer;
let serverUrl = '';
let enrolmentCode = '';

/** A district's year of reporting: its union submits, the district returns, accepts the resubmission and sends a notice. */
test.beforeAll(async () => {
  test.setTimeout(240_000);
  upper = await startUpperServer({ adminPassword: 'root admin password' });
  serverUrl = upper.url;
  const db = upper.db;
  const district = await createOrg(db, ROOT_ORG_ID, { code: 'QX', name: '青溪区总工会' });
  await createOrg(db, ROOT_ORG_ID, { code: 'QXD', name: '青溪区东街道总工会', parentCode: 'QX' });
  const sibling = await createOrg(db, ROOT_ORG_ID, { code: 'NH', name: '南湖区总工会' });
  await createAdmin(db, ROOT_ORG_ID, { orgCode: 'QX', name: 'qingxi', password: PASSWORD });
  enrolmentCode = (await createUnion(db, 'HT01', '河塘机械厂工会', district.id)).enrolmentCode;
  await createUnion(db, 'NH01', '南湖中学工会', sibling.id);
});

test.afterAll(async () => {
  await upper?.close();
});

async function submitYear(page: Page, label: '提交年度报送' | '重新提交年度报送'): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  const confirm = page.locator('.ant-modal-confirm');
  await confirm.getByRole('button', { name: /仍然报送|提\s*交/ }).click();
  await expect(confirm).toBeHidden();
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: '立即同步' }).click();
}

test('a district admin returns a report, accepts the resubmission and sends a notice; the union’s app shows each', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await createBook(page, '河塘机械厂工会');
  await goTo(page, '同步');
  await page.getByLabel('服务器地址').fill(serverUrl);
  await page.getByLabel('工会代码').fill('HT01');
  await page.getByLabel('注册码').fill(enrolmentCode);
  await page.getByRole('button', { name: '注册本设备' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('已同步', { timeout: 60_000 });
  await expect(page.getByText('暂无上级工会的通知')).toBeVisible();
  const year = Number(await page.getByLabel('报送年度', { exact: true }).inputValue());
  await submitYear(page, '提交年度报送');
  await expect(page.getByTestId('receipt-number')).toHaveText(`BS-${year}-HT01-01`, { timeout: 60_000 });

  const dash = await context.newPage();
  await dash.goto(`${serverUrl}/dashboard/`);
  await dash.getByLabel('登录名').fill('qingxi');
  await dash.getByLabel('管理员密码').fill(PASSWORD);
  await dash.getByRole('button', { name: /登\s*录/ }).click();
  await dash.getByLabel('统计年度').fill(String(year));
  await dash.getByRole('button', { name: /刷\s*新/ }).click();
  const row = dash.getByRole('row', { name: /HT01/ });
  await expect(row).toContainText('已报送');
  await expect(dash.getByRole('row', { name: /NH01/ })).toHaveCount(0);
  await row.getByRole('button', { name: /接\s*收/ }).scrollIntoViewIfNeeded();
  await screenshot(dash, 'dashboard-accept-return-buttons');

  await row.getByRole('button', { name: /退\s*回/ }).click();
  await dash.getByLabel('退回原因').fill('职工人数未填写，请补充后重新报送');
  await dash.getByRole('button', { name: '确认退回' }).click();
  await expect(row).toContainText('已退回');

  await page.bringToFront();
  await syncNow(page);
  await expect(page.getByTestId('return-reason')).toContainText('职工人数未填写，请补充后重新报送', { timeout: 30_000 });
  await screenshot(page, 'sync-page-returned-by-district');
  await submitYear(page, '重新提交年度报送');
  await expect(page.getByTestId('receipt-number')).toHaveText(`BS-${year}-HT01-02`, { timeout: 60_000 });

  await dash.bringToFront();
  await dash.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(row).toContainText('已报送');
  await row.getByRole('button', { name: /接\s*收/ }).click();
  await expect(dash.getByText('接收后该工会本年度的账目保持锁定')).toBeVisible();
  await screenshot(dash, 'dashboard-accept-confirm');
  await dash.getByRole('button', { name: '确认接收' }).click();
  await expect(row).toContainText('已接收');
  await expect(row.getByRole('button', { name: /退\s*回/ })).toHaveCount(0);

  await dash.getByRole('button', { name: '发布通知' }).click();
  const form = dash.getByRole('dialog', { name: '发布通知' });
  await form.getByLabel('发送范围').click();
  // The choices are the district and what lies below it, never a sibling district.
  const options = dash.locator('.ant-select-item-option');
  await expect(options).toHaveText(['青溪区总工会 及其下属工会', '　青溪区东街道总工会 及其下属工会']);
  await options.first().click();
  await form.getByLabel('标题').fill('关于报送 2026 年度统计年报的通知');
  await form.getByLabel('正文').fill('各基层工会：\n请于 10 月 31 日前完成年度报送。\n填报口径见附件。');
  await form.locator('input[type=file]').setInputFiles({ name: '填报口径.txt', mimeType: 'text/plain', buffer: Buffer.from(ATTACHMENT) });
  await expect(form.getByText('填报口径.txt')).toBeVisible();
  await expect(dash.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
  await screenshot(dash, 'dashboard-notice-form');
  await form.getByRole('button', { name: /发\s*布/ }).click();
  await expect(dash.getByText('已发布通知：关于报送 2026 年度统计年报的通知（发送至 青溪区总工会 及其下属工会）')).toBeVisible();

  await page.bringToFront();
  await syncNow(page);
  await expect(page.getByText('上级工会已接收报送')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: '提交年度报送' })).toBeDisabled();
  const notice = page.getByRole('listitem').filter({ hasText: '关于报送 2026 年度统计年报的通知' });
  await expect(notice).toContainText('未读');
  await expect(notice).toContainText('青溪区总工会');
  await expect(page.locator('.ant-btn-loading')).toHaveCount(0);
  await screenshot(page, 'sync-page-accepted-notice-unread');
  await notice.getByRole('button', { name: /查\s*看/ }).click();
  const shown = page.getByRole('dialog', { name: '关于报送 2026 年度统计年报的通知' });
  await expect(shown.getByTestId('notice-body')).toHaveText('各基层工会：\n请于 10 月 31 日前完成年度报送。\n填报口径见附件。');
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
  await screenshot(page, 'sync-page-notice-open');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    shown.getByRole('button', { name: /下载附件：填报口径\.txt/ }).click(),
  ]);
  expect(readFileSync(await saveDownload(download), 'utf8')).toBe(ATTACHMENT);
  await shown.getByRole('button', { name: '关 闭' }).click();
  await expect(notice).toContainText('已读');

  // The district's log names each of its admin's actions.
  await dash.bringToFront();
  await dash.getByRole('button', { name: '操作记录' }).click();
  const audit = dash.getByRole('dialog', { name: '管理员操作记录' });
  await expect(audit.getByRole('row', { name: /接收报送/ })).toContainText(`HT01 BS-${year}-HT01-02`);
  await expect(audit.getByRole('row', { name: /退回报送/ })).toContainText(`HT01 BS-${year}-HT01-01`);
  await expect(audit.getByRole('row', { name: /发布通知/ })).toContainText('QX 关于报送 2026 年度统计年报的通知');
});

test('an admin changes its password from the dashboard only with the current one', async ({ page }) => {
  await page.goto(`${serverUrl}/dashboard/`);
  await page.getByLabel('登录名').fill('qingxi');
  await page.getByLabel('管理员密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('button', { name: '修改密码' }).click();
  const form = page.getByRole('dialog', { name: '修改管理员密码' });
  await form.getByLabel('当前密码').fill('not the password');
  await form.getByLabel('新密码', { exact: true }).fill('a new district password');
  await form.getByLabel('再次输入新密码').fill('a new district password');
  await form.getByRole('button', { name: /修\s*改/ }).click();
  await expect(form.getByText('当前密码不正确')).toBeVisible();
  await screenshot(page, 'dashboard-password-refused');
  await form.getByLabel('当前密码').fill(PASSWORD);
  await form.getByRole('button', { name: /修\s*改/ }).click();
  await expect(page.getByText('密码已修改')).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('登录名').fill('qingxi');
  await page.getByLabel('管理员密码').fill('a new district password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('button', { name: '修改密码' })).toBeVisible();
});
