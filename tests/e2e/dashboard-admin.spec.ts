import { expect, test } from '@playwright/test';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../server/sync/store/orgs';
import { createUnion, enrolDevice, issueCode } from '../../server/sync/store/unions';
import { generateDemoBook } from '../../shared/demo/generator';
import { HybridLogicalClock } from '../../shared/clock/hlc';
import { stampInsert, type NewRecord } from '../../shared/book/changes';
import { emptyMemberDraft } from '../../shared/members/fields';
import { PROTOCOL_VERSION, type WireChange } from '../../shared/sync/protocol';
import { encodeFields } from '../../shared/sync/wire';
import { readSheets } from '../unit/finance/openpyxl';
import { storeRows } from '../unit/sync/stats-rows';
import { cellUnder, chooseFirstOption, saveDownload, screenshot } from './support/app';
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

const syncStatus = async (token: string, changes: WireChange[] = []) =>
  (
    await fetch(`${serverUrl}/api/v1/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ v: PROTOCOL_VERSION, changes, cursor: 0 }),
    })
  ).status;

/** A member written as the union's app writes one (stamped by the shared code), ready to push. */
function newMemberChange(deviceId: string, member: Partial<NewRecord<'members'>>): WireChange {
  const { change } = stampInsert({ deviceId, clock: new HybridLogicalClock(deviceId) }, 'members', { ...emptyMemberDraft(), ...member });
  const { synced: _s, ...wire } = change;
  return { ...wire, fields: encodeFields(change.fields) };
}

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

test('the root sees its roll-up change once a union’s push adds a member', async ({ page }) => {
  await page.goto(`${serverUrl}/dashboard/`);
  await page.getByLabel('管理员密码').fill('root admin password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByLabel('统计年度').fill('2025');
  await page.getByRole('button', { name: /刷\s*新/ }).click();
  const total = (title: string) =>
    page
      .locator('.ant-statistic')
      .filter({ has: page.locator('.ant-statistic-title').getByText(title, { exact: true }) })
      .locator('.ant-statistic-content-value');
  const membersOf = (row: RegExp) => cellUnder(page.getByRole('row', { name: row }), '会员');
  const district = /青溪区总工会（QX）/;
  const sibling = /南湖区总工会（NH）/;
  await expect(await membersOf(/HT01/)).not.toHaveText('');
  const before = {
    members: Number(await total('会员').textContent()),
    women: Number(await total('女会员').textContent()),
    farmerWorkers: Number(await total('农民工会员').textContent()),
    district: Number(await (await membersOf(district)).textContent()),
    sibling: await (await membersOf(sibling)).textContent(),
    union: Number(await (await membersOf(/HT01/)).textContent()),
  };
  expect(before.members).toBe(before.district + Number(before.sibling));

  const pushed = newMemberChange('cwdn01', {
    name: '新入会女工',
    gender: '女',
    birthDate: '1996-04-18',
    isMigrantWorker: true,
    department: '装配车间',
    joinDate: '2025-03-01',
  });
  expect(await syncStatus(tokens['财务电脑']!, [pushed])).toBe(200);

  await page.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(total('会员')).toHaveText(String(before.members + 1));
  await expect(total('女会员')).toHaveText(String(before.women + 1));
  await expect(total('农民工会员')).toHaveText(String(before.farmerWorkers + 1));
  await expect(await membersOf(district)).toHaveText(String(before.district + 1));
  await expect(await membersOf(sibling)).toHaveText(before.sibling ?? '');
  await expect(await membersOf(/HT01/)).toHaveText(String(before.union + 1));
  await screenshot(page, 'dashboard-root-rollup-after-push');
});

test('the root pages, filters and searches its unions on the server', async ({ page }) => {
  const [nh] = await upper.db.query<{ id: string }>(`SELECT id FROM orgs WHERE code = 'NH'`);
  for (let i = 2; i <= 65; i++) await createUnion(upper.db, `NH${String(i).padStart(3, '0')}`, `南湖第${i}企业工会`, nh!.id);
  await page.goto(`${serverUrl}/dashboard/`);
  await page.getByLabel('管理员密码').fill('root admin password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  const unionsCard = page.locator('.ant-card', { has: page.getByText('各基层工会', { exact: true }) });
  // 66 unions: 50 on the first page, the count from the server.
  await expect(unionsCard.getByText('共 66 个工会')).toBeVisible();
  await expect(unionsCard.locator(rows)).toHaveCount(50);
  await unionsCard.locator('.ant-pagination-item-2').click();
  await expect(unionsCard.locator(rows)).toHaveCount(16);
  await expect(unionsCard.getByRole('row', { name: /HT01/ })).toHaveCount(0);
  await screenshot(page, 'dashboard-root-union-page-2');

  await chooseFirstOption(page, '按组织筛选', '青溪区总工会');
  await expect(unionsCard.locator(rows)).toHaveCount(1);
  await expect(unionsCard.getByRole('row', { name: /HT01/ })).toBeVisible();
  await page.locator('.ant-select', { has: page.getByLabel('按组织筛选') }).hover();
  await page
    .locator('.ant-select', { has: page.getByLabel('按组织筛选') })
    .locator('.ant-select-clear')
    .click();
  await expect(unionsCard.getByText('共 66 个工会')).toBeVisible();

  await page.getByLabel('搜索工会').fill('南湖第7企业');
  await page.getByLabel('搜索工会').press('Enter');
  await expect(unionsCard.locator(rows)).toHaveCount(1);
  await expect(unionsCard.getByRole('row', { name: /NH007/ })).toBeVisible();
  await chooseFirstOption(page, '按报送状态筛选', '已接收');
  await expect(unionsCard.locator(rows)).toHaveCount(0);
  await expect(unionsCard.locator('.ant-empty-description')).toHaveText('暂无数据');
  await screenshot(page, 'dashboard-root-union-filters');
});
