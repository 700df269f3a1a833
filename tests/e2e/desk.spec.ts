import { expect, test } from '@playwright/test';
import { button, createUnion, goTo, loadDemo, saveDownload } from './support/app';

test('a new union is told to start with its roster', async ({ page }) => {
  await createUnion(page, '新建单位工会委员会');
  const todos = page.getByTestId('desk-todos');
  await expect(todos.getByTestId('todo-roster')).toContainText('录入会员名册');
  // 开账 was given on the first-run form, so it is not asked again.
  await expect(todos.getByTestId('todo-books-start')).toHaveCount(0);
  await expect(todos.getByTestId('todo-backup')).toHaveCount(0);
  await todos.getByTestId('todo-roster').getByRole('button', { name: '去录入会员' }).click();
  await expect(page).toHaveURL(/#\/members/);
});

test('the to-do list changes as its items are done', async ({ page }) => {
  await loadDemo(page);
  const todos = page.getByTestId('desk-todos');
  await expect(page.getByTestId('desk-cash')).toContainText(/\d/);
  const duesTodo = todos.getByTestId('todo-dues-month');
  await expect(duesTodo).toContainText(/名会员本月会费尚未登记/);
  await expect(todos.getByTestId('todo-backup')).toContainText('还没有备份');
  const before = await todos.locator('[data-testid^="todo-"]').count();

  await duesTodo.getByRole('button', { name: '登记本月会费' }).click();
  const dialog = page.getByRole('dialog', { name: '登记本月会费（工资代扣）' });
  await expect(dialog).toBeVisible();
  await button(dialog, '登记').click();
  await expect(dialog).toBeHidden();
  await goTo(page, '概览');
  await expect(todos.getByTestId('todo-dues-month')).toHaveCount(0);

  await todos
    .getByTestId('todo-backup')
    .getByRole('button', { name: /备\s?份/ })
    .click();
  await expect(page.getByRole('tab', { name: '备份与恢复', selected: true })).toBeVisible();
  const download = page.waitForEvent('download');
  await button(page, '备份').click();
  expect(await saveDownload(await download)).toMatch(/\.ubk$/);
  await goTo(page, '概览');
  await expect(todos.getByTestId('todo-backup')).toHaveCount(0);
  await expect(todos.locator('[data-testid^="todo-"]')).toHaveCount(before - 2);
});
