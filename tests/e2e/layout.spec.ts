import { expect, test, type Page } from '@playwright/test';
import { goTo, loadDemo, screenshot } from './support/app';

/** Every page of the left menu, with the tabs that hold tables. */
const PAGES: { menu: string; tabs: string[]; views?: Record<string, string[]> }[] = [
  { menu: '概览', tabs: [] },
  { menu: '会员', tabs: [] },
  { menu: '会费', tabs: ['收缴情况', '缴费记录', '欠缴', '工资基数'] },
  { menu: '活动', tabs: [] },
  { menu: '慰问', tabs: [] },
  {
    menu: '收支',
    tabs: ['明细账', '收入支出表', '银行对账', '预算', '开账、结账与年初结余'],
    // The journal's own views, switched above its table.
    views: { 明细账: ['库存现金日记账', '银行存款日记账', '收支明细账'] },
  },
  { menu: '账表', tabs: ['资产负债表', '结账至', '拨缴经费', '固定资产', '记账凭证', '经费审查'] },
  { menu: '文档', tabs: [] },
  { menu: '同步', tabs: [] },
  { menu: '设置', tabs: ['工会信息', '备份与恢复', '会费标准', '开支标准', '换届交接'] },
];

interface Narrow {
  header: string;
  width: number;
  min: number;
}

/** Table columns whose header cell is narrower than two characters of its own font, on the visible page. */
function narrowColumns(page: Page): Promise<Narrow[]> {
  return page.evaluate(() => {
    const out: { header: string; width: number; min: number }[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('.ant-table-thead .ant-table-cell, [role="table"] [role="columnheader"]')) {
      if (cell.classList.contains('ant-table-selection-column') || cell.classList.contains('ant-table-cell-scrollbar')) continue;
      const box = cell.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || cell.offsetParent === null) continue;
      const header = cell.textContent?.trim() ?? '';
      if (header === '') continue;
      const style = getComputedStyle(cell);
      const content = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const min = 2 * parseFloat(style.fontSize);
      if (content < min - 0.5) out.push({ header, width: Math.round(content), min });
    }
    return out;
  });
}

/** A body cell of a table with rows, in a plain or a virtual table (the empty-table placeholder is not one). */
const TABLE_ROW_CELL =
  '[class*="ant-table-tbody"] .ant-table-cell:not(.ant-table-placeholder .ant-table-cell):visible, [role="table"] [role="row"] [role="cell"]:visible';

/** Pages whose table is measured only once it has rows, so a table still loading cannot pass unmeasured. */
const WITH_ROWS = new Set([
  '会员',
  '账表 → 经费审查',
  '会费 → 收缴情况',
  '会费 → 缴费记录',
  '会费 → 工资基数',
  '活动',
  '慰问',
  '收支 → 明细账',
  '收支 → 明细账 → 库存现金日记账',
  '收支 → 明细账 → 银行存款日记账',
  '收支 → 预算',
]);

async function settled(page: Page): Promise<void> {
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await expect(page.locator('.ant-skeleton')).toHaveCount(0);
}

// A common office screen, and the next common one: every page is measured and pictured at both.
for (const { width, height } of [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
]) {
  test(`at ${width} × ${height} every page keeps table columns at least two characters wide and never scrolls sideways`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width, height });
    await loadDemo(page);
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    const problems: string[] = [];
    const measure = async (where: string) => {
      await settled(page);
      if (WITH_ROWS.has(where)) await expect(page.locator(TABLE_ROW_CELL).first()).toBeVisible();
      for (const n of await narrowColumns(page)) problems.push(`${where}：“${n.header}”列只有 ${n.width}px（至少 ${n.min}px）`);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (scroll > 0) problems.push(`${where}：页面横向滚动 ${scroll}px`);
      await screenshot(page, `layout-${width}-${where.replace(/[ →、]/g, '')}`);
    };
    for (const { menu, tabs, views } of PAGES) {
      await goTo(page, menu);
      for (const tab of tabs.length ? tabs : ['']) {
        // A tab label may carry a count: 欠缴（2）.
        if (tab) await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
        const where = tab ? `${menu} → ${tab}` : menu;
        await measure(where);
        for (const view of views?.[tab] ?? []) {
          await page.getByText(view, { exact: true }).click();
          await expect(page.getByRole('table', { name: view })).toBeVisible();
          await measure(`${where} → ${view}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
}

test('the menu stays in view at the bottom of a long page', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await loadDemo(page);
  await goTo(page, '会费');
  await settled(page);
  await expect(page.locator(TABLE_ROW_CELL).first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(1400);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '设置' })).toBeInViewport();
  await goTo(page, '设置');
  await expect(page.getByRole('tab', { name: '工会信息' })).toBeVisible();
});
