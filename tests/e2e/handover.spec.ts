import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { button, goTo, loadDemo, openApp, saveDownload, screenshot } from './support/app';
import { PYTHON } from '../support/python';
import { LOOKUP_ROWS, watchStoreReads } from './support/store-reads';

const PASSWORD = 'Handover#2025-Lake';

/** python-docx reads the 交接清单 independently of the writer. */
const READER = `
import json, sys, docx
d = docx.Document(sys.argv[1])
print(json.dumps({'text': '\\n'.join(p.text for p in d.paragraphs), 'tables': [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}, ensure_ascii=False))
`;

test('换届交接: checks, a 交接清单 and an encrypted backup that another computer loads with the password, recording the handover', async ({
  page,
  browser,
}) => {
  const wholeReads = await watchStoreReads(page);
  await loadDemo(page);
  const unionName = (await page.getByTestId('union-name').textContent()) ?? '';
  await goTo(page, '设置');
  await wholeReads();
  await page.getByRole('tab', { name: '换届交接' }).click();
  await expect(page.getByTestId('handover-check-months')).toBeVisible();
  await expect(page.getByTestId('handover-check-arrears')).toContainText('欠缴会费已列出');
  // The checks count the whole book off the window's thread: the window read none of its payments.
  expect((await wholeReads()).duesPayments ?? 0).toBeLessThanOrEqual(LOOKUP_ROWS);
  await page.getByLabel('移交人').fill('张三');
  await page.getByLabel('接交人').fill('李四');
  await page.getByLabel('监交人').fill('王五');
  await screenshot(page, 'handover-panel');

  await button(page, '生成交接清单和加密交接备份').click();
  const dialog = page.getByRole('dialog', { name: '为交接备份设置密码' });
  await dialog.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await dialog.getByLabel('再输入一次').fill(PASSWORD);
  const backupDownload = page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.ubk'), timeout: 120_000 });
  const listDownload = page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.docx'), timeout: 120_000 });
  await button(dialog, '生成交接文件').click();
  const backup = await saveDownload(await backupDownload);
  const list = await saveDownload(await listDownload);
  await expect(page.getByText('交接清单和加密交接备份已保存')).toBeVisible();
  expect((await wholeReads()).duesPayments ?? 0).toBeLessThanOrEqual(LOOKUP_ROWS);
  expect(readFileSync(backup).subarray(0, 8).toString('latin1')).toBe('UBKCRYPT');
  // The outgoing computer's own history: handed over, waiting to be loaded on the new one.
  const history = page.getByTestId('handover-history');
  await expect(history.getByRole('row').nth(1)).toContainText('张三李四王五');
  await expect(history.getByRole('row').nth(1)).toContainText('已移交，待载入');
  const vouchers = (await history.getByRole('row').nth(1).getByRole('cell').nth(4).textContent()) ?? '';
  await screenshot(page, 'handover-history-handed');
  expect(vouchers).toMatch(/^\d{4}年 记-\d+～记-\d+（\d+ 张）/);

  const seen = JSON.parse(execFileSync(PYTHON, ['-c', READER, list], { encoding: 'utf8' })) as {
    text: string;
    tables: string[][][];
  };
  expect(seen.text.replace(/\n/g, '')).toContain(`${unionName}经费账簿交接清单`);
  expect(seen.text).toContain('由张三移交给李四，王五监交');
  expect(seen.tables[0]?.map((r) => r[0])).toEqual(['项目', '库存现金', '银行存款', '合计']);
  expect(seen.tables[seen.tables.length - 1]?.slice(1).map((r) => r.slice(0, 2))).toEqual([
    ['移交人', '张三'],
    ['接交人', '李四'],
    ['监交人', '王五'],
  ]);

  // The new chair's computer: another browser profile, empty, loads the handover file from first run.
  const other = await browser.newContext();
  const next = await other.newPage();
  await openApp(next);
  const chooser = next.waitForEvent('filechooser');
  await next.getByRole('button', { name: '载入交接文件' }).click();
  await (await chooser).setFiles(backup);
  const prompt = next.getByRole('dialog', { name: '输入备份密码' });
  await prompt.getByLabel('备份密码').fill(PASSWORD);
  await button(prompt, '打开').click();
  const confirm = next.getByRole('dialog', { name: '从这个备份恢复账簿？' });
  await expect(confirm).toBeVisible({ timeout: 60_000 });
  await expect(confirm).toContainText('由张三移交给李四，王五监交');
  await expect(confirm.getByTestId('handover-sync-notice')).toContainText('没有注册同步');
  await button(confirm, '恢复').click();
  await expect(next.getByText('已载入交接文件，交接已记入账簿')).toBeVisible({ timeout: 60_000 });
  await expect(next.getByTestId('union-name')).toHaveText(unionName, { timeout: 60_000 });

  await goTo(next, '设置');
  await next.getByRole('tab', { name: '换届交接' }).click();
  const received = next.getByTestId('handover-history').getByRole('row');
  await expect(received).toHaveCount(2);
  const cells = received.nth(1).getByRole('cell');
  await expect(cells.nth(1)).toHaveText('张三');
  await expect(cells.nth(2)).toHaveText('李四');
  await expect(cells.nth(3)).toHaveText('王五');
  await expect(cells.nth(4)).toHaveText(vouchers);
  await expect(cells.nth(5)).toHaveText('已载入');
  await expect(next.getByTestId('handover-check-months')).toBeVisible();
  await received.nth(1).scrollIntoViewIfNeeded();
  await screenshot(next, 'handover-history-received');
  await other.close();
});
