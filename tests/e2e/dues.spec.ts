import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { chooseFirstOption, goTo, loadDemo, openDropdown, saveDownload, screenshot, tickOptions } from './support/app';
import { PYTHON } from '../support/python';
import { LOOKUP_ROWS, watchStoreReads } from './support/store-reads';

test('会费: post a month, pay one member in cash with a receipt, export the ledger', async ({ page }) => {
  const storeReads = await watchStoreReads(page);
  await loadDemo(page);
  await storeReads();
  await goTo(page, '会费');
  await expect(page.getByTestId('dues-year-grid')).toBeVisible();
  await expect(page.getByTestId('dues-agreement')).toContainText('一致');
  // The year's grid, arrears and agreement were counted off the window's thread: it read none of the payments.
  expect((await storeReads()).duesPayments ?? 0).toBeLessThanOrEqual(LOOKUP_ROWS);
  await screenshot(page, 'dues-grid');

  // The demo leaves a few members behind; posting the current month picks them up and skips everyone already paid.
  await page.getByRole('button', { name: '登记本月会费（工资代扣）' }).click();
  const postDialog = page.getByRole('dialog', { name: '登记本月会费（工资代扣）' });
  await expect(postDialog).toContainText(/跳过已缴 \d+ 人/);
  await postDialog.getByRole('button', { name: /登\s?记/ }).click();
  await expect(page.locator('.ant-message')).toContainText(/登记 \d+ 人，跳过已缴 \d+ 人/);

  // Posting again posts nothing: the dialog says so and its button stays disabled.
  await page.getByRole('button', { name: '登记本月会费（工资代扣）' }).click();
  await expect(postDialog).toContainText('没有需要登记的会员');
  await expect(postDialog.getByRole('button', { name: /登\s?记/ })).toBeDisabled();
  await postDialog.getByRole('button', { name: /取\s?消/ }).click();

  // Someone still owes earlier months: pay one of them in cash.
  await page.getByRole('tab', { name: /欠缴/ }).click();
  const firstDebtor = page.getByTestId('dues-arrears').locator('tbody tr').first();
  const name = (await firstDebtor.locator('td').first().innerText()).trim();
  expect(name.length).toBeGreaterThan(1);

  const totalBefore = await page.getByTestId('dues-total').innerText();
  await page.getByRole('button', { name: '登记缴费' }).click();
  const payDialog = page.getByRole('dialog', { name: '登记缴费（现金/转账）' });
  await chooseFirstOption(payDialog, '会员', name, { search: true });
  await payDialog.getByLabel(/缴纳月份/).click();
  const month = (await openDropdown(page).locator('.ant-select-item-option').first().getAttribute('title')) ?? '';
  await tickOptions(payDialog, /缴纳月份/, [month]);
  await page.keyboard.press('Escape');
  await expect(payDialog.getByText(/本次合计 [1-9]/)).toBeVisible();
  await payDialog.getByRole('button', { name: '登记并开收据' }).click();

  const receipt = page.getByTestId('dues-receipt');
  await expect(receipt).toContainText(name);
  await expect(receipt).toContainText(/人民币[壹贰叁肆伍陆柒捌玖].*元/);
  await expect(receipt).toContainText(/No\. \d{4}-\d{4}/);
  await screenshot(page, 'dues-receipt');
  await page
    .getByRole('button', { name: '关 闭' })
    .or(page.getByRole('button', { name: '关闭', exact: true }).filter({ hasText: '关闭' }))
    .click();
  await expect(page.getByTestId('dues-total')).not.toHaveText(totalBefore);
  await expect(page.getByTestId('dues-agreement')).toContainText('一致');
  const receiptNumber = (/No\. (\d{4}-\d{4})/.exec(await receipt.innerText()) ?? [])[1] ?? '';

  // 缴费记录 lists the payment by its receipt; 冲销 brings the year's total back, and the books still agree.
  const totalPaid = await page.getByTestId('dues-total').innerText();
  await storeReads();
  await page.getByRole('tab', { name: '缴费记录' }).click();
  await expect(page.getByTestId('dues-payments').locator('tbody tr').first()).toBeVisible();
  // The year's payments were listed off the window's thread: it read none of them.
  expect((await storeReads()).duesPayments ?? 0).toBeLessThanOrEqual(LOOKUP_ROWS);
  await page.getByPlaceholder('按姓名或收据号查找').fill(receiptNumber);
  await page.getByPlaceholder('按姓名或收据号查找').press('Enter');
  const paid = page.getByTestId('dues-payments').locator('tbody tr', { hasText: receiptNumber });
  await expect(paid).toHaveCount(1);
  await expect(paid).toContainText(name);
  // The list's 收据 prints the same receipt again.
  await paid.getByRole('button', { name: /收\s?据/ }).click();
  await expect(receipt).toContainText(`No. ${receiptNumber}`);
  await expect(receipt).toContainText(name);
  await page
    .getByRole('button', { name: '关 闭' })
    .or(page.getByRole('button', { name: '关闭', exact: true }).filter({ hasText: '关闭' }))
    .click();
  await expect(receipt).toBeHidden();
  await paid.getByRole('button', { name: /冲\s?销/ }).click();
  const reverseDialog = page.getByRole('dialog', { name: '冲销会费' });
  await reverseDialog.getByLabel('冲销原因').fill('收错人');
  await reverseDialog.getByRole('button', { name: '确认冲销' }).click();
  await expect(page.getByTestId('dues-payments').locator('tbody tr', { hasText: '冲销记录' })).toHaveCount(1);
  await expect(page.getByTestId('dues-total')).not.toHaveText(totalPaid);
  await screenshot(page, 'dues-payments');
  await expect(page.getByTestId('dues-agreement')).toContainText('一致');
  await page.getByRole('tab', { name: '工资基数' }).click();
  await expect(page.getByRole('button', { name: /从上年结转/ })).toBeVisible();
  await page.getByRole('tab', { name: '收缴情况' }).click();

  // 导出会费台账, then read it back with openpyxl: the same 收缴率 as the page's.
  const rate = await page.getByTestId('dues-rate').locator('.ant-statistic-content-value').innerText();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出会费台账' }).click();
  const file = await saveDownload(await downloadPromise);
  expect(file).toMatch(/会费收缴台账\.xlsx$/);
  const script = `
import openpyxl, sys, json
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
totals = [r for r in rows if r[0] == "合计"][0]
print(json.dumps({"title": rows[0][0], "header": rows[2], "names": [r[1] for r in rows[3:]], "firsts": [r[0] for r in rows[3:]], "landscape": ws.page_setup.orientation, "rate": totals[18]}, ensure_ascii=False, default=str))
`;
  const sheet = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));
  expect(sheet.title).toMatch(/^嘉禾市精工机械有限公司工会委员会\d{4}年度会费收缴台账$/);
  expect(sheet.header.slice(0, 6)).toEqual(['序号', '姓名', '部门', '会费基数', '月应缴', '1月']);
  expect(sheet.names).toContain(name);
  expect(sheet.firsts).toContain('合计');
  expect(sheet.landscape).toBe('landscape');
  expect(sheet.rate).toBe(`收缴率 ${rate}`);
});
