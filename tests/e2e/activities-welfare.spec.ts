import { expect, test, type Page } from '@playwright/test';
import { chooseFirstOption, chooseOption, goTo, loadDemo, openDropdown, screenshot, tickOptions } from './support/app';

const PHOTO = 'tests/fixtures/activity-photo.png';

/** Reads the newest live JPEG attachment straight from IndexedDB and decodes it, as the app stored it. */
async function newestJpeg(page: Page): Promise<{ width: number; height: number; size: number; name: string } | null> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(localStorage.getItem('unionbooks.book') ?? 'unionbooks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('attachments').objectStore('attachments').getAll();
          req.onsuccess = async () => {
            const jpegs = (
              req.result as { mimeType: string; deleted: number; data: Uint8Array; name: string; size: number; updatedAt: string }[]
            )
              .filter((a) => a.mimeType === 'image/jpeg' && a.deleted === 0)
              .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
            const last = jpegs.at(-1);
            if (!last) return resolve(null);
            const bitmap = await createImageBitmap(new Blob([last.data as BlobPart], { type: 'image/jpeg' }));
            resolve({ width: bitmap.width, height: bitmap.height, size: last.size, name: last.name });
          };
        };
      }),
  );
}

test('record an activity with a photo and a linked expense', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '活动');
  await page.getByRole('button', { name: '新增活动' }).click();
  const drawer = page.getByRole('dialog', { name: '新增活动' });
  await drawer.getByLabel('活动名称').fill('职工趣味运动会');
  await drawer.getByLabel('地点').fill('厂区篮球场');
  const picker = drawer.getByLabel('参加会员');
  await picker.click();
  const firstTwo = await openDropdown(page)
    .locator('.ant-select-item-option')
    .evaluateAll((options) => options.slice(0, 2).map((o) => o.getAttribute('title') ?? ''));
  await tickOptions(drawer, '参加会员', firstTwo);
  await picker.press('Escape');
  await drawer.getByLabel('参加人数').fill('36');

  const chooser = page.waitForEvent('filechooser');
  await drawer.getByRole('button', { name: '添加照片' }).click();
  await (await chooser).setFiles(PHOTO);
  await expect(drawer.getByTestId('activity-photo')).toHaveCount(1);
  await drawer.getByRole('button', { name: /保\s?存/ }).click();

  const editing = page.getByRole('dialog', { name: '编辑活动：职工趣味运动会' });
  await expect(editing).toBeVisible();
  const stored = await newestJpeg(page);
  expect(stored).toEqual({ width: 1600, height: 1200, size: expect.any(Number), name: 'activity-photo.jpg' });
  expect(stored!.size).toBeGreaterThan(1000);

  await editing.getByLabel('支出金额').fill('860');
  await editing.getByLabel('摘要').fill('运动会奖品');
  await editing.getByRole('button', { name: '记一笔支出' }).click();
  const expenses = editing.getByTestId('linked-expenses');
  await expect(expenses).toContainText('运动会奖品');
  await expect(expenses).toContainText('50102 文体活动支出');
  await expect(editing.getByTestId('linked-expenses-total')).toHaveText('860.00');
  await screenshot(page, 'activity-drawer');
  await editing.getByRole('button', { name: '关闭' }).click();

  await page.getByLabel('搜索活动').fill('趣味运动会');
  const row = page.getByRole('row', { name: /职工趣味运动会/ });
  await expect(row).toContainText('860.00');
  await expect(row).toContainText('36');
  await page.getByRole('tab', { name: '年度时间线' }).click();
  await expect(page.getByTestId('activity-timeline')).toContainText('职工趣味运动会');
  await expect(page.getByTestId('activity-timeline')).toContainText('36人次');
  await page.getByLabel('搜索活动').fill('');
  await screenshot(page, 'activities-timeline');
  await page.getByRole('tab', { name: '活动列表' }).click();
  await expect(page.getByTestId('activity-count')).toContainText(/\d+次/);
  await screenshot(page, 'activities');
});

test('a 住院 visit over the chosen limit is warned about, and can still be saved with its expense', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '开支标准' }).click();
  await page.getByText('贵州 2018', { exact: true }).click();
  await expect(page.getByTestId('preset-source')).toContainText('贵州省总工会');
  await expect(page.getByTestId('preset-source')).toContainText('2018年');
  await expect(page.getByText('实施细则为准')).toBeVisible();
  await screenshot(page, 'spending-limits');
  await page.getByRole('button', { name: '保存开支标准' }).click();
  await expect(page.getByText('开支标准已设为“贵州 2018”')).toBeVisible();

  await goTo(page, '慰问');
  await expect(page.getByText('开支标准：贵州 2018')).toBeVisible();
  await page.getByRole('button', { name: '登记慰问' }).click();
  const drawer = page.getByRole('dialog', { name: '登记慰问' });
  await chooseFirstOption(drawer, '慰问会员');
  await drawer.getByLabel('金额').fill('800');
  // Paid from the bank: how much cash the demo union keeps on hand is not what this test is about.
  await chooseOption(drawer, '付款方式', '银行存款');
  await drawer.getByLabel('备注').fill('住院慰问测试');
  await expect(drawer).toContainText('贵州 2018：住院慰问（无手术）每次不超过 500.00 元');
  await drawer.getByRole('button', { name: /保\s?存/ }).click();

  const warning = page.getByRole('dialog', { name: /超出开支标准/ });
  await expect(warning).toContainText('贵州 2018：住院慰问（无手术）每次不超过 500.00 元');
  await expect(warning).toContainText('超出 300.00 元');
  await expect(warning).toHaveCSS('opacity', '1');
  await screenshot(page, 'welfare-limit-warning');
  await warning.getByRole('button', { name: '仍然保存' }).click();

  await page.getByLabel('搜索慰问').fill('住院慰问测试');
  const row = page.getByRole('row', { name: /住院慰问测试/ });
  await expect(row).toContainText('800.00');
  await expect(row).toContainText(/记-\d{3}/);
  await page.getByLabel('搜索慰问').fill('');
  await expect(page.getByTestId('welfare-total')).toContainText(/[1-9]/);
  await screenshot(page, 'welfare');

  await page.getByLabel('搜索慰问').fill('住院慰问测试');
  await row.getByRole('button', { name: /撤\s?销/ }).click();
  const reverse = page.getByRole('dialog', { name: '撤销慰问' });
  await expect(reverse).toContainText('收支中将记一笔红字冲销');
  await reverse.getByLabel('撤销原因').fill('登记重复');
  await reverse.getByRole('button', { name: /撤\s?销/ }).click();
  await expect(page.getByText('慰问已撤销，支出已红字冲销')).toBeVisible();
  await expect(page.getByRole('row', { name: /住院慰问测试/ })).toHaveCount(0);
  const reversal = await page.evaluate(
    () =>
      new Promise<{ amountFen: number; accountCode: string }[]>((resolve) => {
        indexedDB.open(localStorage.getItem('unionbooks.book') ?? 'unionbooks').onsuccess = (e) => {
          const req = (e.target as IDBOpenDBRequest).result.transaction('transactions').objectStore('transactions').getAll();
          req.onsuccess = () =>
            resolve(
              (req.result as { summary: string; amountFen: number; accountCode: string }[]).filter((t) => t.summary.includes('登记重复')),
            );
        };
      }),
  );
  expect(reversal).toEqual([expect.objectContaining({ amountFen: -80_000, accountCode: '50105' })]);
});
