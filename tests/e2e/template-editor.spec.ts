import { expect, test } from '@playwright/test';
import { button, goTo, loadDemo, openDropdown, screenshot } from './support/app';

test('template editor: the preview follows typing, an error marks its line in Chinese, closing with changes asks', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '文档');
  await button(page, '复制为我的模板').click();
  const editor = page.getByLabel('模板内容');
  await expect(editor).toHaveValue(/年度工会工作总结（副本）/);
  const preview = page.getByTestId('doc-preview');
  const source = await editor.inputValue();
  const lines = source.split('\n');
  const after = lines.findIndex((l) => l.startsWith('# ')) + 1;

  // A fact inserted from the palette at the cursor shows in the preview with its value.
  lines.splice(after, 0, '本单位女会员人数：');
  await editor.fill(lines.join('\n'));
  const at = lines.slice(0, after + 1).join('\n').length;
  await editor.evaluate((el: HTMLTextAreaElement, pos) => el.setSelectionRange(pos, pos), at);
  await page.getByRole('tab', { name: '会员', exact: true }).click();
  await page.getByText('女会员数', { exact: true }).click();
  await expect(editor).toHaveValue(/本单位女会员人数：\{\{ members\.women \| persons \}\}/);
  await expect(preview).toContainText(/本单位女会员人数：\d+人/);

  // A misspelt fact: the message names the line in Chinese and the line is marked.
  const broken = [...lines];
  broken[after] = '本单位女会员{{ members.womn }}人。';
  await editor.fill(broken.join('\n'));
  await expect(page.getByText(`模板第 ${after + 1} 行：没有名为“members.womn”的数据项`).first()).toBeVisible();
  await expect(page.getByTestId('template-error-line')).toHaveText('本单位女会员{{ members.womn }}人。');
  await expect(button(page, '保存模板')).toBeDisabled();
  await page.getByRole('button', { name: `定位到第 ${after + 1} 行` }).click();
  await expect(editor).toBeFocused();
  expect(await editor.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(broken[after]);
  await expect(page.getByTestId('template-error-line')).toBeInViewport();
  await screenshot(page, 'documents-template-error');

  // Unsaved changes: 关闭 asks; 继续编辑 keeps them, 放弃 closes the editor.
  const card = page.locator('.ant-card').filter({ hasText: '编辑模板：' });
  const close = card.locator('.ant-card-extra').getByRole('button', { name: /关\s?闭/ });
  await close.click();
  const prompt = page.getByRole('dialog', { name: '有尚未保存的修改' });
  await expect(prompt).toBeVisible();
  await button(prompt, '继续编辑').click();
  await expect(editor).toHaveValue(/members\.womn/);
  // Choosing another template in the picker leaves the editor as well: it asks first, and
  // 继续编辑 keeps both the text and the template being edited.
  const picker = page.getByLabel('模板', { exact: true });
  await picker.click();
  await openDropdown(page).locator('.ant-select-item-option').first().click();
  await expect(prompt).toBeVisible();
  await button(prompt, '继续编辑').click();
  await expect(editor).toHaveValue(/members\.womn/);
  await close.click();
  await button(prompt, '放弃').click();
  await expect(editor).toBeHidden();
});
