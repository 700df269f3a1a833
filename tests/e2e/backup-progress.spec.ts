import { expect, test } from '@playwright/test';
import { button, goTo, loadDemo, saveDownload, screenshot } from './support/app';

/**
 * 备份 and 恢复 show how far they are, table by table. Writing and reading the file run in workers
 * of their own, so the page runs at full speed to show their progress as it comes (a slowed page
 * took the reports of a short backup only once the worker had finished, and never showed them);
 * replacing the book runs on the page, with the CPU slowed (DevTools throttling, as on an old office
 * PC) so the demo book takes long enough to watch. Nothing here is timed.
 */
test('备份 and 恢复 show progress per table, then finish', async ({ page }) => {
  // Replacing the book at 20× throttling: on a loaded machine the whole outlasts the usual two minutes.
  test.setTimeout(300_000);
  await loadDemo(page);
  await goTo(page, '设置');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  const cdp = await page.context().newCDPSession(page);

  // Both are written and read by workers of their own, off the window's thread. What each card showed
  // is noted as it shows, however briefly.
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.evaluate(() => {
    const shown: Record<string, string[]> = ((window as unknown as { cardsShown: Record<string, string[]> }).cardsShown = {});
    const note = (key: string, text: string | undefined) => {
      const seen = (shown[key] ??= []);
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(() => {
      for (const title of ['正在备份', '正在读取备份文件']) {
        const card = document.querySelector(`[role="region"][aria-label="${title}"]`);
        if (!card) continue;
        note(title, /正在处理“.+?”：[\d,]+ \/ [\d,]+/.exec(card.textContent ?? '')?.[0]);
        note(`${title} members`, card.querySelector('[data-step="members"]')?.textContent ?? undefined);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const shown = (key: string) =>
    page.evaluate((k) => (window as unknown as { cardsShown: Record<string, string[]> }).cardsShown[k] ?? [], key);

  const download = page.waitForEvent('download', { timeout: 120_000 });
  await button(page, '备份').click();
  const writing = page.getByRole('region', { name: '正在备份' });
  await expect.poll(() => shown('正在备份')).not.toHaveLength(0);
  const file = await saveDownload(await download);
  await expect(writing).toBeHidden();
  await expect(page.getByText('备份已保存')).toBeVisible();
  // The card is too brief to photograph now that a worker writes the file: the page as the backup left it.
  await screenshot(page, 'backup-saved');
  expect((await shown('正在备份 members')).some((text) => /会员.*(完成|\d+ \/ \d+)/.test(text))).toBe(true);
  // The file was written by one backup worker; the window only collected its pieces.
  expect(workers.filter((url) => /backup\.worker/.test(url))).toHaveLength(1);

  // The file is read, checked and staged by a worker of its own too.
  const chooser = page.waitForEvent('filechooser');
  await button(page, '恢复').click();
  await (await chooser).setFiles(file);
  const reading = page.getByRole('region', { name: '正在读取备份文件' });
  await expect.poll(() => shown('正在读取备份文件')).not.toHaveLength(0);
  const dialog = page.getByRole('dialog', { name: /用备份替换/ });
  await expect(dialog).toBeVisible({ timeout: 120_000 });
  await expect(reading).toBeHidden();
  await expect(dialog).toContainText(/会员 \d+ 人/);
  expect(workers.filter((url) => /restore\.worker/.test(url))).toHaveLength(1);
  expect(workers.filter((url) => /backup\.worker/.test(url))).toHaveLength(1);
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
