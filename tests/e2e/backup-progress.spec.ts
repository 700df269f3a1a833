import { expect, test } from '@playwright/test';
import { button, goTo, loadDemo, saveDownload, screenshot } from './support/app';

/**
 * 备份 and 恢复 show how far they are, table by table. The CPU is slowed (DevTools throttling, as
 * on an old office PC) so the demo book takes long enough to watch; nothing here is timed.
 */
test('备份 and 恢复 show progress per table, then finish', async ({ page }) => {
  // Three long pieces of work at 20× throttling: on a loaded machine they outlast the usual two minutes.
  test.setTimeout(300_000);
  await loadDemo(page);
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });

  const download = page.waitForEvent('download', { timeout: 120_000 });
  await button(page, '备份').click();
  const writing = page.getByRole('region', { name: '正在备份' });
  await expect(writing).toBeVisible();
  await expect(writing.locator('[data-step="members"]')).toContainText(/会员.*(完成|\d+ \/ \d+)/);
  await expect(writing.getByText(/正在处理“.+”：[\d,]+ \/ [\d,]+/)).toBeVisible();
  await screenshot(page, 'backup-progress');
  const file = await saveDownload(await download);
  await expect(writing).toBeHidden();
  await expect(page.getByText('备份已保存')).toBeVisible();

  // The file is read, checked and staged by a worker of its own, off the window's thread, which the
  // throttling would not slow: the page runs at full speed to show the worker's progress as it comes,
  // and what the reading card showed is noted as it shows, however briefly.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.evaluate(() => {
    const seen = ((window as unknown as { readingShown: string[] }).readingShown = [] as string[]);
    new MutationObserver(() => {
      const text = document.querySelector('[role="region"][aria-label="正在读取备份文件"]')?.textContent ?? '';
      const line = /正在处理“.+?”：[\d,]+ \/ [\d,]+/.exec(text)?.[0];
      if (line && seen.at(-1) !== line) seen.push(line);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const chooser = page.waitForEvent('filechooser');
  await button(page, '恢复').click();
  await (await chooser).setFiles(file);
  const reading = page.getByRole('region', { name: '正在读取备份文件' });
  await expect.poll(() => page.evaluate(() => (window as unknown as { readingShown: string[] }).readingShown.length)).toBeGreaterThan(0);
  const dialog = page.getByRole('dialog', { name: /用备份替换/ });
  await expect(dialog).toBeVisible({ timeout: 120_000 });
  await expect(reading).toBeHidden();
  await expect(dialog).toContainText(/会员 \d+ 人/);
  expect(workers.filter((url) => /restore\.worker/.test(url))).toHaveLength(1);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await button(dialog, '恢复').click();
  // The book is replaced from the staged rows with progress of its own.
  const replacing = page.getByRole('region', { name: '正在恢复账簿' });
  await expect(replacing.locator('[data-step="members"]')).toContainText(/会员.*(完成|\d+ \/ \d+)/, { timeout: 60_000 });
  await screenshot(page, 'restore-replacing-progress');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page.getByText('已从备份恢复')).toBeVisible({ timeout: 60_000 });
  await expect(replacing).toBeHidden();
});
