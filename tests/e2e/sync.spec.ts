import { expect, test, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { createUnion } from '../../server/sync/store/unions';
import { addMember, cellUnder, createUnion as createBook, enrolOnSyncPage, goTo, loadDemo, saveDownload, screenshot } from './support/app';
import { startUpperServer, type UpperServer } from './support/upper-server';
import { PYTHON } from '../support/python';
import { LOOKUP_ROWS, watchStoreReads } from './support/store-reads';

const ADMIN_PASSWORD = 'e2e-admin-password';
let upper: UpperServer;
let serverUrl = '';
let enrolmentCode = '';

/** The upper union's server, started by the test on loopback with the dashboard built and served. */
test.beforeAll(async () => {
  test.setTimeout(240_000);
  upper = await startUpperServer({ adminPassword: ADMIN_PASSWORD });
  serverUrl = upper.url;
  enrolmentCode = (await createUnion(upper.db, 'JH001', '嘉禾市精工机械有限公司工会')).enrolmentCode;
});

test.afterAll(async () => {
  await upper?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
}

test('enrol, sync, submit a year, see it and return it on the dashboard, read the reason in the app', async ({ page, context }) => {
  const storeReads = await watchStoreReads(page);
  await loadDemo(page);
  await enrolOnSyncPage(page, { serverUrl, unionCode: 'JH001', code: enrolmentCode });

  const year = Number(await page.getByLabel('报送年度', { exact: true }).inputValue());
  await storeReads();
  await page.getByRole('button', { name: '提交年度报送' }).click();
  // Months of the year still open are named before anything is sent; the user may go ahead.
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText(new RegExp(`${year} 年还有 \\d+ 个月未结账`));
  await expect(confirm).toContainText(`未结账：${year}年`);
  await shot(page, 'sync-open-months-warning');
  await confirm.getByRole('button', { name: '仍然报送' }).click();
  await expect(page.getByTestId('receipt-number')).toHaveText(`BS-${year}-JH001-01`, { timeout: 60_000 });
  // The year's facts and documents were counted and written off the window's thread: it read none of the payments.
  expect((await storeReads()).duesPayments ?? 0).toBeLessThanOrEqual(LOOKUP_ROWS);
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
  const members = Number((await (await cellUnder(row, '会员')).textContent()) ?? '0');
  expect(members).toBeGreaterThan(100);
  await shot(dash, 'dashboard-submitted');

  const download = dash.waitForEvent('download');
  await row.getByText(/下载 .*工作总结\.docx/).click();
  const file = await saveDownload(await download);
  const text = execSync(
    `${PYTHON} -c "import docx,sys; print('\\n'.join(p.text for p in docx.Document(sys.argv[1]).paragraphs))" "${file}"`,
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

test('on an enrolled computer a saved change goes up by itself seconds later, not at the next round of the minute', async ({ page }) => {
  const { enrolmentCode: code } = await createUnion(upper.db, 'JH002', '嘉禾市自动同步测试工会');
  await createBook(page, '嘉禾市自动同步测试工会');
  await enrolOnSyncPage(page, { serverUrl, unionCode: 'JH002', code });
  // Opened again, as on the next day: the automatic sync starts with the app and sends a round at once;
  // the next of the minute is 30–90 s after it. A round of the page before the reload does not count.
  let reloaded = false;
  page.once('domcontentloaded', () => (reloaded = true));
  const firstRound = page.waitForResponse((r) => reloaded && r.url().startsWith(`${serverUrl}/api/v1/sync`));
  await page.reload();
  await firstRound;

  await goTo(page, '会员');
  await addMember(page, { name: '王芳', id: '330402198511200336' });

  // A write is sent by a round of its own 3 s after it, long before the round of the minute. Nobody
  // presses 立即同步 here.
  const onServer = () =>
    upper.db.query(
      `SELECT 1 FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.code = 'JH002' AND r.tbl = 'members' AND r.data->>'name' = '王芳'`,
    );
  await expect.poll(async () => (await onServer()).length, { timeout: 20_000 }).toBe(1);
  await goTo(page, '同步');
  await expect(page.getByTestId('sync-status')).toContainText('已同步');
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

test('the enrolment form connects to https unless told otherwise, and warns about http across a network', async ({ page }) => {
  await createBook(page, '地址测试工会');
  await goTo(page, '同步');
  const address = page.getByLabel('服务器地址');
  await address.fill('192.168.1.10:8787');
  await expect(page.getByTestId('server-address')).toHaveText('将连接 https://192.168.1.10:8787');
  await expect(page.getByTestId('insecure-address')).toHaveCount(0);
  await address.fill('http://192.168.1.10:8787');
  await expect(page.getByTestId('server-address')).toHaveText('将连接 http://192.168.1.10:8787');
  await expect(page.getByTestId('insecure-address')).toContainText('此地址使用 http://，连接未加密');
  await expect(page.getByTestId('insecure-address')).toContainText('会员身份证号');
  await shot(page, 'sync-enrol-http-warning');
  await address.fill('http://127.0.0.1:8787');
  await expect(page.getByTestId('server-address')).toHaveText('将连接 http://127.0.0.1:8787');
  await expect(page.getByTestId('insecure-address')).toHaveCount(0);
});

/**
 * Writes a member straight into the book and its outbox, as an older version of the app did
 * with a name imported from a file holding a NUL byte.
 */
async function writeMemberWithNul(page: Page, name: string): Promise<string> {
  return page.evaluate(
    (name) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open(localStorage.getItem('unionbooks.book') ?? 'unionbooks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('$sync').objectStore('$sync').get('deviceId');
          read.onsuccess = () => {
            const deviceId = (read.result as { value: string }).value;
            const id = crypto.randomUUID();
            const hlc = `${String(Date.now()).padStart(15, '0')}-000000-${deviceId}`;
            const fields = {
              id,
              name,
              gender: '男',
              ethnicity: '汉族',
              birthDate: '1985-11-20',
              idType: '居民身份证',
              idNumber: '330402198511200336',
              education: '',
              skillLevel: '',
              politicalStatus: '',
              householdType: '',
              isMigrantWorker: false,
              phone: '',
              department: '一车间',
              joinDate: '2020-01-01',
              cardNumber: '',
              status: 'active',
              duesExempt: false,
              duesExemptReason: '',
              note: '',
              deleted: 0,
            };
            const tx = db.transaction(['members', '$changes'], 'readwrite');
            tx.objectStore('members').put({ ...fields, updatedAt: hlc, deviceId });
            tx.objectStore('$changes').put({ changeId: `${deviceId}:${hlc}`, table: 'members', rowId: id, hlc, fields, synced: 0 });
            tx.oncomplete = () => resolve(id);
            tx.onerror = () => reject(tx.error);
          };
        };
      }),
    name,
  );
}

test('a record the server refuses is listed with its reason, and is corrected and sent again, or given up', async ({ page }) => {
  // A server of its own: it refuses a value its record declarations do not allow, naming table, row and field.
  const refusing = await startUpperServer({ dashboard: false });
  const url = refusing.url;
  try {
    const code = (await createUnion(refusing.db, 'RJ001', '拒收测试工会')).enrolmentCode;
    await createBook(page, '拒收测试工会');
    await enrolOnSyncPage(page, { serverUrl: url, unionCode: 'RJ001', code });

    await writeMemberWithNul(page, '王\u0000五');
    await page.getByRole('button', { name: '立即同步' }).click();
    const refused = page.getByTestId('refused-change');
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText('会员');
    await expect(refused).toContainText('王�五');
    await expect(refused).toContainText('· 姓名');
    await expect(refused).toContainText('原因：会员 王�五 的“姓名”：含有不允许的控制字符或无效字符');
    await expect(page.getByTestId('sync-status')).toContainText('1 条记录的更改未被服务器接受');
    await shot(page, 'sync-refused-change');

    // Corrected on the 会员 page, then sent again from 同步.
    await goTo(page, '会员');
    const row = page.getByTestId('member-table').getByRole('row').filter({ hasText: '一车间' });
    await row.getByRole('button', { name: /编\s?辑/ }).click();
    const drawer = page.getByRole('dialog', { name: /编辑会员/ });
    await drawer.getByLabel('姓名').fill('王五');
    await drawer.getByRole('button', { name: /保\s?存/ }).click();
    await expect(drawer).toBeHidden();
    await goTo(page, '同步');
    await expect(refused).toContainText('此记录之后的 1 条更改也在等待');
    await refused.getByRole('button', { name: '重新发送' }).click();
    await expect(refused).toHaveCount(0);
    await expect(page.getByTestId('sync-status')).toContainText('已同步');

    // Given up: the record stays on this device, the change is never sent.
    await writeMemberWithNul(page, '赵\u0000六');
    await page.getByRole('button', { name: '立即同步' }).click();
    await expect(refused).toContainText('赵�六');
    await refused.getByRole('button', { name: /放\s?弃/ }).click();
    const confirm = page.getByRole('dialog', { name: '放弃这条更改？' });
    await expect(confirm).toContainText('本机的记录保持现状');
    // The picture after the dialog's zoom-in has finished.
    await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
    await shot(page, 'sync-refused-drop');
    await confirm.getByRole('button', { name: '放弃更改' }).click();
    await expect(refused).toHaveCount(0);
    await goTo(page, '会员');
    await expect(page.getByTestId('member-table')).toContainText('赵');
  } finally {
    await refusing.close();
  }
});
