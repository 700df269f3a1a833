import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { goTo, loadDemo } from './support/app';

const OUT = 'test-results/print';

async function chromeHidden(page: Page): Promise<void> {
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByTestId('union-name')).toBeHidden();
  await expect(page.getByRole('button', { name: /搜索/ })).toBeHidden();
}

test('会员名册 prints every row, without the menu, header or buttons, its header row repeated on page 2', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '会员');
  await expect(page.getByTestId('member-count')).toHaveText(/共 [1-9]\d* 人/);
  const count = Number(/共 (\d+) 人/.exec((await page.getByTestId('member-count').textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(40);
  // On screen only the rows in view exist.
  expect(await page.getByTestId('member-table').getByRole('row').count()).toBeLessThan(count);

  await page.emulateMedia({ media: 'print' });
  await chromeHidden(page);
  await expect(page.getByRole('button', { name: /新增会员/ })).toBeHidden();
  const printed = page.locator('table.ub-print-table');
  await expect(printed.locator('tbody tr')).toHaveCount(count);
  await expect(printed.locator('thead th').first()).toHaveText('姓名');
  await expect(page.getByRole('heading', { name: /会员名册/ })).toBeVisible();

  mkdirSync(OUT, { recursive: true });
  const pdf = `${OUT}/roster.pdf`;
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  const pageText = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(1);
  expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  const second = pageText(2);
  const firstLine = second.split('\n').find((l) => l.trim() !== '') ?? '';
  expect(firstLine).toMatch(/姓名\s+性别/);
  expect(pageText(1)).not.toContain('新增会员');
  expect(pageText(1)).not.toContain('工会账簿');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, `${OUT}/roster`]);
});

test('收支明细账, 收入支出表, 会费台账 and the 文档 preview print without the chrome; the journal prints every row', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '收支');
  const journal = page.getByRole('table', { name: '收支明细账' });
  await expect(journal).toBeVisible();
  const total = Number(await journal.getAttribute('aria-rowcount')) - 1;
  expect(total).toBeGreaterThan(30);
  await page.emulateMedia({ media: 'print' });
  await chromeHidden(page);
  await expect(page.getByRole('button', { name: /记一笔/ })).toBeHidden();
  await expect(page.getByTestId('balance-cash')).toBeHidden();
  await expect(page.locator('table.ub-print-table tbody tr')).toHaveCount(total);

  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('tab', { name: '收入支出表' }).click();
  await expect(page.getByTestId('statement-title')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await chromeHidden(page);
  await expect(page.getByTestId('statement-title')).toBeVisible();
  await expect(page.locator('table.ub-print-table:visible')).toHaveCount(0);

  await page.emulateMedia({ media: 'screen' });
  await goTo(page, '会费');
  await page.emulateMedia({ media: 'print' });
  await chromeHidden(page);
  await expect(page.getByRole('heading', { name: /年会费台账/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '1月' }).first()).toBeVisible();

  await page.emulateMedia({ media: 'screen' });
  await goTo(page, '文档');
  await expect(page.getByTestId('doc-preview')).toContainText('年度工作总结');
  await page.emulateMedia({ media: 'print' });
  await chromeHidden(page);
  await expect(page.getByTestId('doc-preview')).toBeVisible();
  await expect(page.getByLabel('会员队伍')).toBeHidden();
  mkdirSync(OUT, { recursive: true });
  await page.pdf({ path: `${OUT}/summary.pdf`, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', `${OUT}/summary.pdf`, '-'], { encoding: 'utf8' });
  expect(text).toContain('年度工作总结');
  expect(text).not.toContain('文字材料');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', `${OUT}/summary.pdf`, `${OUT}/summary`]);
});
