import { expect, test, type Page } from '@playwright/test';
import { formatYuan } from '../../shared/money/fen';
import type { Member, Transaction } from '../../shared/model/records';
import { loadDemo } from './support/app';

/** Rows of one table as the app stored them, read straight from IndexedDB. */
async function storedRows<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(localStorage.getItem('unionbooks.book') ?? 'unionbooks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

test('search finds a member by the last four digits of the ID and a voucher by its amount, and opens them', async ({ page }) => {
  await loadDemo(page);
  const members = (await storedRows<Member>(page, 'members')).filter((m) => m.deleted === 0 && m.idNumber.length === 18);
  const member = members.find((m) => members.filter((o) => o.idNumber.endsWith(m.idNumber.slice(-4))).length === 1)!;
  const tail = member.idNumber.slice(-4);

  await expect(page.getByRole('button', { name: /搜索/ })).toBeVisible();
  await page.getByRole('button', { name: /搜索/ }).hover();
  await expect(page.getByRole('tooltip')).toContainText('Ctrl+K');

  await page.keyboard.press('Control+K');
  const box = page.getByRole('textbox', { name: '搜索内容' });
  await expect(box).toBeFocused();
  await box.fill(tail);
  const results = page.getByRole('listbox', { name: '搜索结果' });
  const first = results.getByRole('option').first();
  await expect(first).toContainText(member.name);
  await expect(first).toContainText(`********${tail}`);
  await expect(first).toContainText('按身份证后4位');
  await expect(first).not.toContainText(member.idNumber);
  await box.press('Enter');
  await expect(page).toHaveURL(/#\/members/);
  await expect(page.getByRole('dialog').filter({ hasText: member.name })).toBeVisible();
  await page.keyboard.press('Escape');

  const entries = (await storedRows<Transaction>(page, 'transactions')).filter(
    (t) => t.deleted === 0 && t.voucherNumber && t.amountFen > 0,
  );
  const entry = entries.find((t) => entries.filter((o) => Math.abs(o.amountFen) === t.amountFen).length === 1)!;
  const typed = formatYuan(entry.amountFen, { grouping: false });

  await page.keyboard.press('Control+K');
  await box.fill(typed);
  const hit = results.getByRole('option').filter({ hasText: entry.voucherNumber });
  await expect(hit).toContainText('按金额');
  await expect(hit).toContainText(formatYuan(entry.amountFen));
  // Arrow keys move the choice; Enter opens the chosen one.
  const index = await results
    .getByRole('option')
    .evaluateAll((els, v) => els.findIndex((e) => e.textContent?.includes(v)), entry.voucherNumber);
  for (let i = 0; i < index; i++) await box.press('ArrowDown');
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(page).toHaveURL(/#\/finance/);
  await expect(page.getByRole('dialog').filter({ hasText: entry.voucherNumber })).toBeVisible();
});
