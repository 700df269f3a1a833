import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readRosterFile } from '../../shared/roster/read';
import { button, chooseOption, createUnion, goTo, loadDemo, openApp, saveDownload } from './support/app';

test('the demo book says it is one on every page, and 清空示例 leads to one’s own union', async ({ page }) => {
  await loadDemo(page);
  const banner = page.getByTestId('demo-banner');
  await expect(banner).toContainText('示例数据');
  await goTo(page, '收支');
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: '清空示例，开始记我的账' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '清空示例数据，开始记我的账？' });
  await button(confirm, '继续看示例').click();
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: '清空示例，开始记我的账' }).click();
  await button(confirm, '清空示例').click();
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible();
  await createUnion(page, '我的工会委员会');
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
});

test('下载名册模板 gives a file the roster import reads back', async ({ page }) => {
  await createUnion(page, '模板测试工会');
  const download = page.waitForEvent('download');
  await page.getByTestId('todo-roster').getByRole('button', { name: '下载名册模板' }).click();
  const path = await saveDownload(await download);
  const parsed = await readRosterFile('会员名册模板.xlsx', new Uint8Array(readFileSync(path)));
  expect(parsed.mapping).toContain('name');
  expect(parsed.mapping).toContain('idNumber');
  expect(parsed.dataRows).toHaveLength(0);
});

test('first run asks the province for the spending limits instead of assuming one', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('工会名称').fill('贵州某单位工会委员会');
  await button(page, '创建').click();
  await expect(page.getByText('请选择所在省份；没有列出的，选“其他省份（自定义）”')).toBeVisible();
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible();
  await chooseOption(page, '所在省份（开支标准）', '贵州（2018年实施细则）');
  await button(page, '创建').click();
  await expect(page.getByTestId('union-name')).toHaveText('贵州某单位工会委员会');
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '开支标准' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('贵州');
});
