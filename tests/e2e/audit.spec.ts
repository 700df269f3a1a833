import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { button, goTo, loadDemo, saveDownload, screenshot } from './support/app';
import { PYTHON } from '../support/python';
import { LOOKUP_ROWS, watchStoreReads } from './support/store-reads';

const year = new Date().getFullYear();

/** Paragraph and table text of a .docx, read by python-docx. */
function docxText(path: string): string {
  const script = [
    'import sys, docx',
    'd = docx.Document(sys.argv[1])',
    'print("\\n".join(p.text for p in d.paragraphs))',
    'print("\\n".join(" | ".join(c.text for c in r.cells) for t in d.tables for r in t.rows))',
  ].join('\n');
  return execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8' });
}

test('账表 → 经费审查: the statements side by side, each check with where it fails, the 经费审查报告 saying the same', async ({ page }) => {
  const storeReads = await watchStoreReads(page);
  await loadDemo(page);
  await goTo(page, '账表');
  await storeReads();
  await page.getByRole('tab', { name: '经费审查' }).click();
  const checks = page.getByTestId('audit-checks');
  await expect(checks.getByRole('row', { name: /^收入支出表自身平衡 (?:check-circle )?相符/ })).toBeVisible();
  // The review was read and counted off the window's thread: it read none of the payments.
  expect((await storeReads()).duesPayments ?? 0).toBeLessThanOrEqual(LOOKUP_ROWS);
  await expect(checks.getByRole('row', { name: /^两表的库存现金、银行存款一致 (?:check-circle )?相符/ })).toBeVisible();
  await expect(
    checks.getByRole('row', { name: /^记账凭证连续编号 (?:check-circle )?相符 记-001 至 记-\d+，共 \d+ 张，编号连续/ }),
  ).toBeVisible();
  // The demo's current year is kept but not closed, and no statement of the bank is imported yet.
  await expect(
    checks.getByRole('row', { name: new RegExp(`^已结束的月份均已结账 (?:close-circle )?不相符 未结账：${year}年1月至`) }),
  ).toBeVisible();
  await expect(
    checks.getByRole('row', { name: new RegExp(`^银行存款与银行对账单相符 (?:close-circle )?不相符 未导入对账单：${year}年1月至`) }),
  ).toBeVisible();
  await expect(page.getByTestId('audit-bank')).toContainText('未导入对账单');

  // The demo pays hardship grants of 2,000 元 in cash: the vouchers to look at name them, with the reason.
  const unusual = page.getByTestId('audit-unusual');
  await unusual.getByText(/^大额现金 \d+$/).click();
  await expect(
    unusual.getByRole('row', { name: /困难帮扶慰问：.*2,000\.00.*现金支付 2,000\.00 元，达到现金结算起点 1,000\.00 元/ }).first(),
  ).toBeVisible();
  await unusual.scrollIntoViewIfNeeded();
  await screenshot(page, 'audit-unusual');

  // Both statements show the same money at the end.
  const statementEnd = (
    await page
      .getByTestId('audit-statement')
      .getByRole('row', { name: /^期末库存现金和银行存款/ })
      .innerText()
  )
    .split(/\s+/)
    .pop()!;
  const assets = (
    await page
      .getByTestId('audit-sheet')
      .getByRole('row', { name: /^资产合计/ })
      .innerText()
  )
    .split(/\s+/)
    .pop()!;
  const fixed = (
    await page
      .getByTestId('audit-sheet')
      .getByRole('row', { name: /^固定资产/ })
      .innerText()
  )
    .split(/\s+/)
    .pop()!;
  const fen = (t: string) => Math.round(Number(t.replace(/,/g, '')) * 100);
  expect(fen(assets) - fen(fixed)).toBe(fen(statementEnd));
  await screenshot(page, 'ledger-audit');

  const download = page.waitForEvent('download');
  await button(page, '生成经费审查报告').click();
  const file = await saveDownload(await download);
  expect(file).toMatch(/经费审查情况的报告\.docx$/);
  const text = docxText(file);
  expect(text).toContain(`${year}年度经费审查情况的报告`);
  expect(text).toContain(`期末库存现金和银行存款 | ${statementEnd}`);
  expect(text).toMatch(new RegExp(`已结束的月份均已结账 \\| 不相符 \\| 未结账：${year}年1月至`));
  expect(text).toContain('“已结束的月份均已结账”“银行存款与银行对账单相符”2项不相符');

  // 文档 offers the same report beside the finance report, with the same figures in its preview.
  await goTo(page, '文档');
  await page.getByRole('combobox', { name: '模板' }).click();
  await page.getByTitle('经费审查报告').click();
  const preview = page.getByTestId('doc-preview');
  await expect(preview).toContainText(`${year}年度经费审查情况的报告`);
  await expect(preview).toContainText('“已结束的月份均已结账”“银行存款与银行对账单相符”2项不相符');
  await expect(preview).toContainText(statementEnd);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await screenshot(page, 'documents-audit-report');
  await goTo(page, '账表');

  // Closing through October leaves only the months after it open, and the review says so.
  await page.getByRole('tab', { name: '结账至' }).click();
  await page.getByRole('combobox', { name: '结账至' }).click();
  await page.getByTitle(`${year}年10月`).click();
  await page.getByLabel('本次不做银行对账').check();
  await page.getByRole('button', { name: `结账至${year}年10月` }).click();
  await expect(page.getByText(/已结账 \d+ 个月，至\d{4}年10月/)).toBeVisible();
  await page.getByRole('tab', { name: '经费审查' }).click();
  await expect(
    checks.getByRole('row', { name: new RegExp(`^已结束的月份均已结账 (?:close-circle )?不相符 未结账：${year}年11月`) }),
  ).toBeVisible();
});
