import { expect, test } from '@playwright/test';
import { button, createUnion, goTo } from './support/app';

test('Enter in a text box saves the member drawer; a missing field still stops it and says which', async ({ page }) => {
  await createUnion(page, '测试机关工会');
  await goTo(page, '会员');
  await button(page, '新增会员').click();
  const drawer = page.getByRole('dialog', { name: '新增会员' });
  await drawer.getByLabel('姓名').fill('王小明');
  // A required field is still empty: Enter tries to save and the field says what is missing.
  await drawer.getByLabel('姓名').press('Enter');
  await expect(drawer.getByText('请填写证件号码')).toBeVisible();
  await expect(drawer).toBeVisible();
  await drawer.getByLabel('证件号码').fill('330402198511200336');
  await drawer.getByLabel('手机').fill('13800001234');
  await drawer.getByLabel('手机').press('Enter');
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('member-table').getByRole('row').filter({ hasText: '王小明' })).toContainText('330402********0336');
});
