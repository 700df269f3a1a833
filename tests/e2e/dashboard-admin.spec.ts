import { expect, test } from '@playwright/test';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../server/sync/store/orgs';
import { createUnion, enrolDevice, issueCode } from '../../server/sync/store/unions';
import { generateDemoBook } from '../../shared/demo/generator';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { readSheets } from '../unit/finance/openpyxl';
import { storeRows } from '../unit/sync/stats-rows';
import { saveDownload, screenshot } from './support/app';
import { startUpperServer, type UpperServer } from './support/upper-server';

const PASSWORD = 'district password';
let upper: UpperServer;
let serverUrl = '';
const tokens: Record<string, string> = {};

/** A district admin's dashboard over its own part of the tree: the 统计年报 download and the devices of a union. */
test.beforeAll(async () => {
  test.setTimeout(240_000);
  upper = await startUpperServer({ adminPassword: 'root admin password' });
  serverUrl = upper.url;
  const db = upper.db;
  const a = await createOrg(db, ROOT_ORG_ID, { code: 'QX', name: '青溪区总工会' });
  const b = await createOrg(db, ROOT_ORG_ID, { code: 'NH', name: '南湖区总工会' });
  await createAdmin(db, ROOT_ORG_ID, { orgCode: 'QX', name: 'qingxi', password: PASSWORD });
  const mine = (await createUnion(db, 'HT01', '河塘机械厂工会', a.id)).union;
  const theirs = (await createUnion(db, 'NH01', '南湖中学工会', b.id)).union;
  const book = generateDemoBook({ seed: 3, members: 40, years: 2, endMonth: '2025-12' });
  await storeRows(db, mine.id, { ...book, union: [{ ...book.union[0]!, employeeCount: 60, womenEmployeeCount: 25 }] });
  await storeRows(db, theirs.id, { members: book.members.slice(0, 4) });
  for (const deviceId of ['办公室电脑', '财务电脑'])
    tokens[deviceId] = (
      await enrolDevice(db, { unionCode: 'HT01', enrolmentCode: await issueCode(db, mine.id), deviceId, deviceName: deviceId })
    ).token;
});

test.afterAll(async () => {
  await upper?.close();
});

const syncStatus = async (token: string) =>
  (
    await fetch(`${serverUrl}/api/v1/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ v: PROTOCOL_VERSION, changes: [], cursor: 0 }),
    })
  ).status;

test('a district admin exports its 统计年报 and revokes a device of one of its unions', async ({ page }) => {
  expect(await syncStatus(tokens['办公室电脑']!)).toBe(200);
  await page.goto(`${serverUrl}/dashboard/`);
  await page.getByLabel('登录名').fill('qingxi');
  await page.getByLabel('管理员密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByLabel('统计年度').fill('2025');
  await page.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(page.getByRole('row', { name: /HT01/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /NH01/ })).toHaveCount(0);
  await screenshot(page, 'dashboard-district');

  await page.getByRole('button', { name: '导出统计年报' }).click();
  await expect(page.getByText('默认 2024-10-01 至 2025-09-30')).toBeVisible();
  await screenshot(page, 'dashboard-annual-stats');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^下\s*载$/ }).click()]);
  const [sheet, missing] = readSheets(await saveDownload(download));
  const names = sheet!.rows.map((r) => String(r[0] ?? '').trim());
  expect(names).toContain('青溪区总工会 合计（1 个工会）');
  expect(names).toContain('河塘机械厂工会');
  expect(names.some((n) => n.includes('南湖'))).toBe(false);
  expect(missing!.rows.some((r) => r[1] === '河塘机械厂工会')).toBe(true);

  await page
    .getByRole('row', { name: /HT01/ })
    .getByRole('button', { name: /设\s*备/ })
    .click();
  const dialog = page.getByRole('dialog', { name: '河塘机械厂工会 的设备' });
  const office = dialog.getByRole('row', { name: /办公室电脑/ });
  await expect(office).not.toContainText('尚未同步');
  await expect(dialog.getByRole('row', { name: /财务电脑/ })).toContainText('尚未同步');
  await office.getByRole('button', { name: /撤\s*销/ }).click();
  await expect(page.getByText('撤销后该设备立即无法同步')).toBeVisible();
  await screenshot(page, 'dashboard-revoke-confirm');
  await page.getByRole('button', { name: '确认撤销' }).click();
  await expect(office).toContainText('已撤销');
  await screenshot(page, 'dashboard-devices-revoked');
  expect(await syncStatus(tokens['办公室电脑']!)).toBe(401);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '操作记录' }).click();
  const audit = page.getByRole('dialog', { name: '管理员操作记录' });
  await expect(audit.getByRole('row', { name: /撤销设备/ })).toContainText('HT01 办公室电脑');
  await expect(audit.getByRole('row', { name: /登录/ }).first()).toContainText('qingxi');
  // The picture waits for the dialog's opening animation to end.
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
  await screenshot(page, 'dashboard-audit');
  expect(await syncStatus(tokens['财务电脑']!)).toBe(200);
});
