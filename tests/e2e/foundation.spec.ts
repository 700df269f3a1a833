import { expect, test } from '@playwright/test';
import { button, createUnion, goTo, loadDemo, saveDownload, screenshot, statValue } from './support/app';

test('创建我的工会 survives a reload', async ({ page }) => {
  await createUnion(page, '测试单位工会委员会', { employeeCount: 88 });
  await page.reload();
  await expect(page.getByTestId('union-name')).toHaveText('测试单位工会委员会');
  await expect(page.getByTestId('overview-union-name')).toHaveText('测试单位工会委员会');
  await expect(page.getByTestId('stat-members')).toContainText('0');
});

test('载入示例数据 shows the demo counts on 概览', async ({ page }) => {
  await loadDemo(page);
  await expect(page.getByTestId('overview-union-name')).toHaveText('嘉禾市精工机械有限公司工会委员会');
  const members = Number(await statValue(page, 'stat-members'));
  expect(members).toBeGreaterThan(100);
  expect(members).toBeLessThanOrEqual(120);
  await expect(page.getByTestId('stat-dues')).toContainText(/[1-9]/);
  await screenshot(page, 'overview-demo');
});

test('备份 then 恢复 into a fresh profile gives the same counts', async ({ page, browser }) => {
  await loadDemo(page);
  const before = await statValue(page, 'stat-members');
  const duesBefore = await statValue(page, 'stat-dues');
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  const downloadPromise = page.waitForEvent('download');
  await button(page, '备份').click();
  const file = await saveDownload(await downloadPromise);
  expect(file).toMatch(/\.ubk$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await createUnion(other, '另一个工会');
  await goTo(other, '设置');
  await other.getByRole('tab', { name: '备份与恢复' }).click();
  const chooser = other.waitForEvent('filechooser');
  await button(other, '恢复').click();
  await (await chooser).setFiles(file);
  await button(other.getByRole('dialog'), '恢复').click();
  await expect(other.getByTestId('union-name')).toHaveText('嘉禾市精工机械有限公司工会委员会');
  await goTo(other, '概览');
  await expect.poll(() => statValue(other, 'stat-members')).toBe(before);
  await expect.poll(() => statValue(other, 'stat-dues')).toBe(duesBefore);
  await fresh.close();
});

test('恢复 of a file that is not a backup is refused and changes nothing', async ({ page }) => {
  await createUnion(page, '原有工会');
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  const chooser = page.waitForEvent('filechooser');
  await button(page, '恢复').click();
  await (await chooser).setFiles({ name: '坏文件.ubk', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是备份文件') });
  await expect(page.getByRole('alert').filter({ hasText: '不是工会账簿备份文件' })).toBeVisible();
  await expect(page.getByTestId('union-name')).toHaveText('原有工会');
});

test('清空账簿，重新开始 asks first, then returns to the first-run choice', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await button(page, '清空账簿，重新开始').click();
  await button(page.getByRole('dialog'), '取消').click();
  await expect(page.getByTestId('union-name')).toBeVisible();
  await button(page, '清空账簿，重新开始').click();
  await button(page.getByRole('dialog'), '清空并重新开始').click();
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible();
});
