import { expect, test } from '@playwright/test';
import { button, createUnion, goTo, screenshot } from './support/app';

test('a page whose code does not load says so in Chinese; the menu still opens the other pages', async ({ page }) => {
  // The 活动 page's code never arrives, as when a file of the installation is damaged.
  await page.route(
    (url) => url.pathname.includes('ActivitiesPage'),
    (route) => route.abort(),
  );
  await createUnion(page, '测试机关工会');
  await goTo(page, '活动');
  const alert = page.getByRole('alert').filter({ hasText: '此页面出错了' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('程序文件未能载入。已保存的数据不受影响');
  await expect(button(alert, '重新加载')).toBeVisible();
  await screenshot(page, 'page-error');

  // The rest of the window works: another page opens in its place.
  await goTo(page, '会员');
  await expect(button(page, '新增会员')).toBeVisible();
  await expect(alert).toHaveCount(0);
  await goTo(page, '活动');
  await expect(alert).toBeVisible();
});
