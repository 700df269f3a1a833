import { expect, test } from '@playwright/test';
import { goTo, loadDemo, screenshot } from './support/app';

const year = new Date().getFullYear();

test('账表: 结账至 October closes every open month in one step after its check list; vouchers print two to a page', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '账表');
  await expect(page.getByRole('heading', { name: '账表' })).toBeVisible();
  await expect(page.getByTestId('balance-sheet')).toContainText('负债和净资产合计');
  await expect(page.getByText('资产 = 负债 + 净资产')).toBeVisible();
  await screenshot(page, 'ledger-balance-sheet');

  await page.getByRole('tab', { name: '结账至' }).click();
  await page.getByRole('combobox', { name: '结账至' }).click();
  await page.getByTitle(`${year}年10月`).click();
  const checklist = page.getByTestId('close-checklist');
  await expect(checklist).toContainText('库存现金每天不为负数');
  await expect(checklist).toContainText('会费收缴与 401 会费收入一致');
  // Without a bank reconciliation the close waits until the user says to skip it this time.
  await expect(page.getByRole('button', { name: `结账至${year}年10月` })).toBeDisabled();
  await page.getByLabel('本次不做银行对账').check();
  await expect(checklist).toContainText('本次跳过');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await screenshot(page, 'ledger-close-checklist');
  await page.getByRole('button', { name: `结账至${year}年10月` }).click();
  await expect(page.getByText(/已结账 \d+ 个月，至\d{4}年10月/)).toBeVisible();
  await expect(page.getByText(`${year}年10月及以前的月份都已结账`)).toBeVisible();

  // 收支 shows every month up to October closed.
  await goTo(page, '收支');
  await page.getByRole('tab', { name: '开账、结账与年初结余' }).click();
  for (const m of [1, 5, 10]) await expect(page.getByRole('row', { name: new RegExp(`^${year}年${m}月 已结账`) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`^${year}年11月 未结账`) })).toBeVisible();

  await goTo(page, '账表');
  await page.getByRole('tab', { name: '记账凭证' }).click();
  await page.getByRole('combobox', { name: '凭证月份' }).click();
  await page.getByTitle(`${year}年10月`).click();
  const first = page.getByTestId('voucher').first();
  await expect(first).toContainText('记账凭证');
  await expect(first).toContainText('借方金额');
  await expect(first).toContainText(/附单据\s*\d+ 张/);
  await expect(first).toContainText('审核：');
  const pages = page.getByTestId('voucher-page');
  expect(await pages.first().getByTestId('voucher').count()).toBe(2);
  await pages.first().screenshot({ path: 'test-results/screenshots/ledger-voucher-page.png' });
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'ledger-vouchers-print');
  await page.emulateMedia({ media: 'screen' });
});
