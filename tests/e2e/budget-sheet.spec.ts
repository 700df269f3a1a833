import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { button, goTo, loadDemo, saveDownload, screenshot } from './support/app';
import { PYTHON } from '../support/python';

const year = new Date().getFullYear();
const next = year + 1;

test('账表 → 预算表: next year prefilled from this year, a bad line refused by its account, saved, exported', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '账表');
  await page.getByRole('tab', { name: `${next}年预算表` }).click();
  const sheet = page.getByTestId('budget-sheet');
  const duesRow = sheet.getByRole('row', { name: /^401 会费收入/ });
  await expect(duesRow).toContainText(`按${year}年实际预填`);
  const actual = (await duesRow.getByRole('cell').nth(1).innerText()).trim();
  const dues = sheet.getByLabel(`401 会费收入 ${next}年预算数`);
  // The prefilled figure is this year's actual.
  await expect(dues).toHaveValue(actual.replace(/,/g, ''));

  const activities = sheet.getByLabel(`501 职工活动支出 ${next}年预算数`);
  await activities.fill('二十万');
  await sheet.getByLabel(`504 维权支出 ${next}年预算数`).fill('-300');
  await button(page, `保存${next}年预算`).click();
  await expect(page.getByText('501 职工活动支出：预算金额必须是不小于 0 的金额（元，最多两位小数）').first()).toBeVisible();
  await expect(page.getByText('504 维权支出：预算金额必须是不小于 0 的金额（元，最多两位小数）').first()).toBeVisible();
  await screenshot(page, 'ledger-budget-refused');
  // Nothing was saved: every line is still the prefilled one.
  await expect(duesRow).toContainText(`按${year}年实际预填`);

  await activities.fill('250000');
  await sheet.getByLabel(`504 维权支出 ${next}年预算数`).fill('8000');
  await button(page, `保存${next}年预算`).click();
  await expect(page.getByText(`${next}年预算已保存`)).toBeVisible();
  await expect(duesRow).not.toContainText('预填');
  await expect(sheet.getByRole('row', { name: /^501 职工活动支出/ })).not.toContainText('预填');
  await expect(sheet.getByLabel(`501 职工活动支出 ${next}年预算数`)).toHaveValue('250000.00');
  await screenshot(page, 'ledger-budget-saved');

  const download = page.waitForEvent('download');
  await button(page, '导出预算表').click();
  const file = await saveDownload(await download);
  const rows = JSON.parse(
    execFileSync(
      PYTHON,
      [
        '-c',
        'import json,sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)], ensure_ascii=False, default=str))',
        file,
      ],
      { encoding: 'utf8' },
    ),
  ) as (string | number | null)[][];
  expect(rows[0]?.[0]).toBe(`${next}年工会经费收支预算表`);
  const line = (code: string) => rows.find((r) => r[1] === code)!;
  expect(line('501')[3]).toBe(250000);
  expect(line('504')[3]).toBe(8000);
  expect(line('401')[2]).toBe(Number(actual.replace(/,/g, '')));
  expect(line('401')[3]).toBe(Number(actual.replace(/,/g, '')));
});
