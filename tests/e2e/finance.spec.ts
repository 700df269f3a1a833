import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { goTo, loadDemo, saveDownload, screenshot, pickAccount } from './support/app';
import { PYTHON } from '../support/python';

const year = new Date().getFullYear();

async function shot(page: Page, name: string) {
  await screenshot(page, name);
}

test('收支: post an entry, close a month and fail to edit it, export the 收入支出表', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '收支');
  await expect(page.getByRole('heading', { name: '收支' })).toBeVisible();
  await expect(page.getByTestId('balance-total')).toContainText(/\d/);
  await shot(page, 'finance-journal');

  // 记一笔: 50105 会员活动支出, 88.50 yuan in cash.
  await page.getByRole('button', { name: '记一笔' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('voucher-preview')).toContainText('记-');
  await pickAccount(page, '50105');
  await dialog.getByLabel('金额（元）').fill('88.50');
  await dialog.getByLabel('摘要').fill('端午节慰问品（测试）');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.getByText(/已记账 记-\d+/)).toBeVisible();
  await page.getByPlaceholder('摘要、凭证号、科目').fill('端午节慰问品');
  await page.getByPlaceholder('摘要、凭证号、科目').press('Enter');
  const row = page.getByRole('row', { name: /端午节慰问品（测试）/ });
  await expect(row).toContainText('88.50');
  await expect(row).toContainText('50105 会员活动支出');

  // 红字冲销 asks for a reason; the original stays, marked 已冲销, beside a red negative entry.
  await row.getByRole('button', { name: '冲销' }).click();
  await page.getByRole('dialog').getByLabel('冲销原因').fill('重复报销');
  await page.getByRole('button', { name: '确认冲销' }).click();
  await expect(page.getByText(/已冲销 记-\d+，冲销凭证 记-\d+/)).toBeVisible();
  await page.getByPlaceholder('摘要、凭证号、科目').press('Enter');
  await expect(page.getByRole('row', { name: /端午节慰问品（测试）.*已冲销/ })).toContainText('88.50');
  await page.getByPlaceholder('摘要、凭证号、科目').fill('重复报销');
  await page.getByPlaceholder('摘要、凭证号、科目').press('Enter');
  await expect(page.getByRole('row', { name: /冲销 记-\d+：重复报销/ })).toContainText('-88.50');

  // Close January; it then refuses edits with the Chinese message.
  await page.getByRole('tab', { name: '结账与年初结余' }).click();
  const jan = page.getByRole('row', { name: new RegExp(`${year}年1月`) });
  await jan.getByRole('button', { name: /结\s?账/ }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /结\s?账/ })
    .click();
  await expect(jan.getByText('已结账')).toBeVisible();
  await shot(page, 'finance-close');

  await page.getByRole('tab', { name: '明细账' }).click();
  await page.getByPlaceholder('摘要、凭证号、科目').fill('');
  await page.getByPlaceholder('摘要、凭证号、科目').press('Enter');
  await page.getByLabel('月份').click();
  await page.locator('.ant-select-item-option[title="1月"]').click();
  // Entries made by 会费 and 慰问 are read-only here; an entry of 收支's own still offers 修改, and is refused.
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: '修改' }) })
    .first()
    .getByRole('button', { name: '修改' })
    .click();
  await expect(page.getByText(`${year}年1月已结账，不能修改`)).toBeVisible();

  // A new entry dated in the closed month is refused too, and nothing is added.
  const before = await page.getByText(/^共 \d+ 笔$/).innerText();
  await page.getByRole('button', { name: '记一笔' }).click();
  await dialog.getByLabel('日期').click();
  await dialog.getByLabel('日期').fill(`${year}-01-20`);
  await dialog.getByLabel('日期').press('Enter');
  await pickAccount(page, '50102');
  await dialog.getByLabel('金额（元）').fill('10');
  await dialog.getByLabel('摘要').fill('补记一月支出');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.getByText(`${year}年1月已结账，不能修改`).last()).toBeVisible();
  await dialog.getByRole('button', { name: /取\s?消/ }).click();
  // The refused entry is still typed in: cancelling asks, and 放弃 drops it.
  await page
    .getByRole('dialog', { name: '有尚未保存的修改' })
    .getByRole('button', { name: /放\s?弃/ })
    .click();
  await expect(page.getByRole('dialog', { name: '记一笔' })).toBeHidden();
  await expect(page.getByText(/^共 \d+ 笔$/)).toHaveText(before);

  // 收入支出表 on screen, then exported and read back by openpyxl.
  await page.getByRole('tab', { name: '收入支出表' }).click();
  await expect(page.getByTestId('statement-title')).toHaveText(`收入支出表（${year}年度）`);
  const incomeText = await page.getByTestId('statement-收入合计').locator('td').nth(2).innerText();
  await shot(page, 'finance-statement');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出收入支出表' }).click();
  const file = await saveDownload(await downloading);
  expect(file).toMatch(/收入支出表-\d{4}年度\.xlsx$/);
  const read = execFileSync(
    PYTHON,
    [
      '-c',
      'import openpyxl,sys,json; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)], ensure_ascii=False))',
      file,
    ],
    { encoding: 'utf8' },
  );
  const rows = JSON.parse(read) as (string | number | null)[][];
  expect(rows[0]?.[0]).toBe('收入支出表');
  const income = rows.find((r) => r[0] === '一、收入合计');
  expect(Number(income?.[2]).toFixed(2)).toBe(incomeText.replace(/,/g, ''));

  await page.getByRole('tab', { name: '预算' }).click();
  await expect(page.getByRole('row', { name: /501 职工活动支出/ })).toContainText('%');
  await shot(page, 'finance-budget');

  const journalDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出收支明细账' }).click();
  const journal = await saveDownload(await journalDownload);
  const sheets = execFileSync(
    PYTHON,
    ['-c', 'import openpyxl,sys; print(",".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))', journal],
    { encoding: 'utf8' },
  );
  expect(sheets.trim()).toBe('收支明细账,库存现金日记账,银行存款日记账');
});
