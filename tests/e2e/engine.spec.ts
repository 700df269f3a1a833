import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  button,
  chooseFirstOption,
  chooseOption,
  goTo,
  loadDemo,
  openApp,
  openPicker,
  pickAccount,
  screenshot,
  tickOptions,
} from './support/app';

/**
 * What the book engine's rules look like to a user: one click saves once, settled entries are
 * read-only, money moves between the cash box and the bank, and a book started mid-year owes
 * nothing for the months before its start.
 */

const money = (page: Page, testId: string) => page.getByTestId(testId).locator('.ant-statistic-content-value');

/** 创建我的工会 with its 开账 figures; the start month stays this month unless a month cell is given. */
async function startBooks(page: Page, name: string, opening: { cash: string; bank: string; month?: string }): Promise<void> {
  await openApp(page);
  await page.getByLabel('工会名称').fill(name);
  if (opening.month) {
    await page.getByLabel('开账月份').click();
    await openPicker(page).getByText(opening.month, { exact: true }).click();
  }
  await page.getByLabel('开账时库存现金').fill(opening.cash);
  await page.getByLabel('开账时银行存款').fill(opening.bank);
  await chooseOption(page, '所在省份（开支标准）', '安徽（2018年实施细则）');
  await button(page, '创建').click();
  await expect(page.getByTestId('union-name')).toHaveText(name);
}

async function fillMember(drawer: Locator, m: { name: string; id: string; joinDate?: string; wage?: string }): Promise<void> {
  await drawer.getByLabel('姓名').fill(m.name);
  await drawer.getByLabel('证件号码').fill(m.id);
  await drawer.getByLabel('手机').click();
  await expect(drawer.getByLabel('出生日期')).not.toHaveValue('');
  if (m.joinDate) {
    await drawer.getByLabel('入会日期').fill(m.joinDate);
    await drawer.getByLabel('入会日期').press('Enter');
  }
  if (m.wage) await drawer.getByLabel(/月工资基数/).fill(m.wage);
}

/** Every error message the page shows from now on, kept after the message fades. */
async function recordErrors(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { shownErrors: string[] }).shownErrors = seen;
    new MutationObserver(() => {
      for (const n of document.querySelectorAll('.ant-message-error'))
        if (!seen.includes(n.textContent ?? '')) seen.push(n.textContent ?? '');
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { shownErrors: string[] }).shownErrors);
}

test('double-clicking 保存 in the member drawer creates one member and sends one save', async ({ page }) => {
  await startBooks(page, '双击测试工会', { cash: '0', bank: '0' });
  await goTo(page, '会员');
  const errors = await recordErrors(page);
  await button(page, '新增会员').click();
  const drawer = page.getByRole('dialog', { name: '新增会员' });
  await fillMember(drawer, { name: '张三', id: '330402198511200336' });
  // A double-click on a quick machine: the first save is done (its message shows) before the
  // second click lands, while the drawer is still closing. That click must not save again.
  await button(drawer, '保存').evaluate(
    (b: HTMLElement) =>
      new Promise<void>((resolve) => {
        const watch = new MutationObserver(() => {
          if (!document.querySelector('.ant-message-success')) return;
          watch.disconnect();
          b.click();
          resolve();
        });
        watch.observe(document.body, { childList: true, subtree: true });
        b.click();
      }),
  );
  await expect(page.getByText('已新增会员：张三')).toBeVisible();
  await expect(drawer).toBeHidden();

  // The next member is saved after whatever the second click set off, which has had its turn by then.
  await button(page, '新增会员').click();
  await fillMember(drawer, { name: '李四', id: '330402199003151237' });
  await button(drawer, '保存').click();
  await expect(page.getByText('已新增会员：李四')).toBeVisible();
  await expect(page.getByTestId('member-count')).toHaveText('共 2 人');
  // The second click never reached the engine: no refusal of a duplicate ID number was shown.
  expect(await errors()).toEqual([]);
});

test('a member entered by mistake is removed after a confirmation; one with payments is not', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '会员');
  const count = async () => Number(/共 (\d+) 人/.exec((await page.getByTestId('member-count').textContent()) ?? '')?.[1]);
  await expect.poll(count).toBeGreaterThan(0);
  const demo = await count();
  await button(page, '新增会员').click();
  const drawer = page.getByRole('dialog', { name: '新增会员' });
  await fillMember(drawer, { name: '误录人员', id: '330402198511200336' });
  await button(drawer, '保存').click();
  await expect(drawer).toBeHidden();
  // The roster counts the new member once its list has read the write.
  await expect.poll(count).toBe(demo + 1);
  const before = demo + 1;

  await page.getByLabel('搜索会员').fill('误录人员');
  await page.getByTestId('member-table').getByRole('button', { name: '误录人员', exact: true }).click();
  const editing = page.getByRole('dialog', { name: '编辑会员：误录人员' });
  await button(editing, '删除会员').click();
  await expect(page.getByText('仅用于删除误录入的会员')).toBeVisible();
  await screenshot(page, 'member-remove-confirm');
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /删\s?除/ })
    .click();
  await expect(page.getByText('已删除会员：误录人员')).toBeVisible();
  await page.getByLabel('搜索会员').fill('');
  await expect.poll(count).toBe(before - 1);

  // A demo member has dues payments: the engine's refusal says why and points to 退会/转出.
  // Row 1 is the header.
  const first = page.getByTestId('member-table').getByRole('row').nth(1);
  const name = ((await first.getByRole('button').first().textContent()) ?? '').trim();
  await button(first, '编辑').click();
  const member = page.getByRole('dialog', { name: `编辑会员：${name}` });
  await button(member, '删除会员').click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /删\s?除/ })
    .click();
  await expect(page.locator('.ant-message-error')).toContainText(
    new RegExp(`“${name}”已有\\d+ 笔会费记录.*不能删除；如已离开本会，请在会籍变动中登记退会或转出`),
  );
  await expect(member).toBeVisible();
  await expect.poll(count).toBe(before - 1);
});

test('a reversed entry and its reversal offer no 修改 or 冲销, and say why', async ({ page }) => {
  await startBooks(page, '冲销测试工会', { cash: '1000', bank: '5000' });
  await goTo(page, '收支');
  await button(page, '记一笔').click();
  const dialog = page.getByRole('dialog', { name: '记一笔' });
  await pickAccount(page, '50105');
  await dialog.getByLabel('金额（元）').fill('120');
  await dialog.getByLabel('摘要').fill('购买慰问品');
  await button(dialog, '保存').click();
  await expect(page.getByText(/已记账 记-001/)).toBeVisible();

  const original = page.getByRole('row', { name: /购买慰问品/ }).first();
  await expect(original.getByRole('button', { name: '修改' })).toBeVisible();
  await original.getByRole('button', { name: '冲销' }).click();
  await page.getByRole('dialog').getByLabel('冲销原因').fill('重复记账');
  await button(page, '确认冲销').click();
  await expect(page.getByText('已冲销 记-001，冲销凭证 记-002')).toBeVisible();

  const reversed = page.getByRole('row', { name: /记-001.*购买慰问品.*已冲销/ });
  await expect(reversed).toBeVisible();
  await expect(reversed.getByRole('button', { name: '修改' })).toHaveCount(0);
  await expect(reversed.getByRole('button', { name: '冲销' })).toHaveCount(0);
  const reversal = page.getByRole('row', { name: /记-002.*冲销 记-001：重复记账/ });
  await expect(reversal.getByRole('button', { name: '修改' })).toHaveCount(0);
  await expect(reversal.getByRole('button', { name: '冲销' })).toHaveCount(0);

  // The marks are plain elements in antd's Tag look, and no tooltip exists until one is wanted:
  // an antd Tag or Tooltip in every row would slow the scrolling of a long journal.
  await expect(page.getByTestId('journal-table').locator('.ant-tag')).toHaveCount(0);
  await expect(page.locator('.ant-tooltip')).toHaveCount(0);
  await expect(reversed.getByText('已冲销', { exact: true })).toHaveClass('ub-ct ub-ct-default');
  await expect(reversal.getByText('红字', { exact: true })).toHaveClass('ub-ct ub-ct-red');
  for (const row of [reversed, reversal]) await expect(row.getByTestId('read-only')).toHaveClass('ub-ct ub-ct-default ub-ct-lock');

  await reversed.getByTestId('read-only').hover();
  await expect(page.getByRole('tooltip')).toHaveText('记-001 已被 记-002 冲销，不能再修改或冲销；如需更正，请重新记一笔');
  await page.mouse.move(0, 0);
  // The keyboard reaches the reason too; the mark keeps the focus while its tooltip shows, and Tab closes it.
  const mark = reversal.getByTestId('read-only');
  await mark.focus();
  const why = page.getByRole('tooltip').filter({ hasText: '记-002 是红字冲销记录，不能修改，也不能再冲销' });
  await expect(why).toBeVisible();
  await expect(mark).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(why).toBeHidden();
  await expect(money(page, 'balance-cash')).toHaveText('1,000.00');
  await screenshot(page, 'finance-read-only');
});

test('entries made by 会费 and 慰问 are read-only in 收支', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '收支');
  const search = page.getByPlaceholder('摘要、凭证号、科目');
  for (const [text, why] of [
    ['401', '这是会费收缴自动生成的记录，请在“会费”页的缴费记录中冲销'],
    ['慰问', '这是慰问记录对应的支出，请在“慰问”页修改或撤销'],
  ] as const) {
    await search.fill(text);
    await search.press('Enter');
    const row = page
      .getByRole('row')
      .filter({ has: page.getByTestId('read-only') })
      .filter({ hasText: text === '401' ? '401 会费收入' : '慰问' })
      .first();
    await expect(row.getByRole('button', { name: '修改' })).toHaveCount(0);
    await row.getByTestId('read-only').hover();
    await expect(page.getByRole('tooltip').filter({ hasText: why })).toBeVisible();
    await page.mouse.move(0, 0);
  }
});

test('提现 moves money from the bank card to the cash card; a 存现 that would leave cash negative is warned and refused', async ({
  page,
}) => {
  await startBooks(page, '转账测试工会', { cash: '500', bank: '10000' });
  await goTo(page, '收支');
  await expect(money(page, 'balance-cash')).toHaveText('500.00');
  await expect(money(page, 'balance-bank')).toHaveText('10,000.00');
  await expect(money(page, 'balance-total')).toHaveText('10,500.00');

  await button(page, '提现/存现').click();
  const dialog = page.getByRole('dialog', { name: '提现/存现' });
  await dialog.getByText('提现（银行存款 → 库存现金）').click();
  await dialog.getByLabel('金额（元）').fill('2000');
  await screenshot(page, 'finance-transfer');
  await button(dialog, '保存').click();
  await expect(page.getByText(/已记提现 2,000.00 元（记-001）/)).toBeVisible();
  await expect(money(page, 'balance-cash')).toHaveText('2,500.00');
  await expect(money(page, 'balance-bank')).toHaveText('8,000.00');
  await expect(money(page, 'balance-total')).toHaveText('10,500.00');
  const row = page.getByRole('row', { name: /从银行提取备用金（提现）/ });
  await expect(row).toContainText('提现');
  await expect(row.getByTestId('transfer-amount')).toContainText('2,000.00');
  // 现金余额 and 银行余额 side by side, the last two figures before 操作.
  await expect(row.getByRole('cell').nth(-3)).toHaveText('2,500.00');
  await expect(row.getByRole('cell').nth(-2)).toHaveText('8,000.00');

  // Neither income nor spending: the 收入支出表 stays at zero.
  await page.getByRole('tab', { name: '收入支出表' }).click();
  await expect(page.getByTestId('statement-收入合计').locator('td').nth(2)).toHaveText('0.00');
  await expect(page.getByTestId('statement-支出合计').locator('td').nth(2)).toHaveText('0.00');
  await page.getByRole('tab', { name: '明细账' }).click();

  // Both journals show it.
  await page.getByText('库存现金日记账', { exact: true }).click();
  await expect(page.getByRole('row', { name: /从银行提取备用金/ })).toContainText('2,500.00');

  // 存现 of 3,000.00 would leave the cash box at -500.00: the warning shows before 保存, and the engine refuses.
  await button(page, '提现/存现').click();
  await dialog.getByText('存现（库存现金 → 银行存款）').click();
  await dialog.getByLabel('金额（元）').fill('3000');
  await expect(dialog.getByTestId('cash-warning')).toContainText('库存现金余额将为 -500.00 元');
  await screenshot(page, 'finance-cash-warning');
  await button(dialog, '保存').click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toContainText('库存现金不能为负数');
  await button(dialog, '取消').click();
  await expect(money(page, 'balance-cash')).toHaveText('2,500.00');
  await expect(money(page, 'balance-bank')).toHaveText('8,000.00');
});

test('an amount above 1 亿元 asks first; a negative one is refused on its field', async ({ page }) => {
  await startBooks(page, '金额测试工会', { cash: '0', bank: '0' });
  await goTo(page, '收支');
  await button(page, '记一笔').click();
  const dialog = page.getByRole('dialog', { name: '记一笔' });
  await pickAccount(page, '402');
  await dialog.getByLabel('金额（元）').fill('-500');
  await dialog.getByLabel('摘要').fill('拨缴经费');
  await button(dialog, '保存').click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText('金额：必须大于 0；更正已记的金额请用红字冲销');
  await expect(dialog.getByLabel('金额（元）')).toHaveValue('-500');

  await dialog.getByLabel('金额（元）').fill('200000000');
  await button(dialog, '保存').click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('金额 200,000,000.00 元超过 1 亿元');
  await screenshot(page, 'finance-large-amount');
  await button(confirm, '返回修改').click();
  await expect(dialog).toBeVisible();
  await button(dialog, '保存').click();
  await button(confirm, '金额无误，保存').click();
  await expect(page.getByText('已记账 记-001')).toBeVisible();
  await expect(money(page, 'balance-cash')).toHaveText('200,000,000.00');
});

test('a book started in November shows no arrears for January–October on the 会费 page', async ({ page }) => {
  // A fixed day, so "November" and "this month" do not depend on when the test runs.
  await page.clock.setFixedTime(new Date('2026-12-15T10:00:00+08:00'));
  await startBooks(page, '年中开账工会', { cash: '300', bank: '20000', month: '11月' });
  await goTo(page, '收支');
  await page.getByRole('tab', { name: /开账/ }).click();
  await expect(page.getByTestId('books-start')).toContainText('2026年11月');

  await goTo(page, '会员');
  await button(page, '新增会员').click();
  const drawer = page.getByRole('dialog', { name: '新增会员' });
  await fillMember(drawer, { name: '李四', id: '330402198511200336', joinDate: '2015-03-01', wage: '6000' });
  await button(drawer, '保存').click();
  await expect(drawer).toBeHidden();

  await goTo(page, '会费');
  await page.getByRole('tab', { name: /欠缴/ }).click();
  const row = page.getByTestId('dues-arrears').locator('tbody tr').filter({ hasText: '李四' });
  await expect(row).toContainText('2026年11月');
  await expect(row).not.toContainText(/2026年(?:[1-9]|10)月/);

  await page.getByRole('tab', { name: '收缴情况' }).click();
  const grid = page.getByTestId('dues-year-grid');
  await expect(grid.getByTitle('李四 11月：未缴')).toBeVisible();
  await screenshot(page, 'dues-books-start-grid');
  for (let m = 1; m <= 10; m++) await expect(grid.getByTitle(`李四 ${m}月：未缴`)).toHaveCount(0);
});

test('an activity after today must be 计划中; its expense and a welfare amount refuse a negative figure on the field', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-15T10:00:00+08:00'));
  await startBooks(page, '活动测试工会', { cash: '2000', bank: '0' });
  await goTo(page, '活动');
  await button(page, '新增活动').click();
  const drawer = page.getByRole('dialog', { name: '新增活动' });
  await drawer.getByLabel('活动名称').fill('迎新春联欢会');
  // Only a planned activity may pick a day after today.
  await drawer.getByLabel('计划中').click();
  const range = drawer.locator('.ant-picker-range input');
  for (const i of [0, 1]) {
    await range.nth(i).fill('2026-12-28');
    await range.nth(i).press('Enter');
  }
  await drawer.getByLabel('计划中').click();
  await button(drawer, '保存').click();
  await expect(drawer.locator('.ant-form-item-explain-error')).toHaveText('活动日期：2026年12月28日还没有到；尚未举办的活动请标为“计划中”');
  await drawer.getByLabel('计划中').click();
  await button(drawer, '保存').click();
  const editing = page.getByRole('dialog', { name: '编辑活动：迎新春联欢会' });
  await expect(editing).toBeVisible();

  await editing.getByLabel('支出金额').fill('-500');
  await editing.getByRole('button', { name: '记一笔支出' }).click();
  await expect(editing.getByTestId('linked-expenses').locator('.ant-form-item-explain-error')).toHaveText(
    '金额：必须大于 0；更正已记的金额请用红字冲销',
  );
  await expect(editing.getByLabel('支出金额')).toHaveValue('-500');
  await expect(editing.getByText('尚无关联支出')).toBeVisible();
  await screenshot(page, 'activity-planned');
  await button(editing.locator('.ant-drawer-extra'), '关闭').click();
  await expect(page.getByRole('row', { name: /迎新春联欢会/ })).toContainText('计划中');

  await goTo(page, '会员');
  await button(page, '新增会员').click();
  const member = page.getByRole('dialog', { name: '新增会员' });
  await fillMember(member, { name: '王五', id: '330402199003151237' });
  await button(member, '保存').click();
  await expect(member).toBeHidden();

  await goTo(page, '慰问');
  await button(page, '登记慰问').click();
  const visit = page.getByRole('dialog', { name: '登记慰问' });
  await chooseFirstOption(visit, '慰问会员', '王五');
  await visit.getByLabel('金额').fill('-300');
  await button(visit, '保存').click();
  await expect(visit.locator('.ant-form-item-explain-error')).toHaveText('金额：不能为负数；更正已记的金额请用红字冲销');
  await expect(visit.getByLabel('金额')).toHaveValue('-300');
  await screenshot(page, 'welfare-negative');
  await button(visit, '取消').click();
  await expect(page.getByTestId('welfare-count')).toContainText('0');
});

test('职工人数 below the members in service is refused on the field', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '设置');
  const count = page.getByLabel('职工人数', { exact: true });
  await expect(count).toHaveValue(/\d/);
  const before = await count.inputValue();
  await count.fill('50');
  await page.getByLabel('女职工人数', { exact: true }).fill('60');
  await button(page, '保存').click();
  const item = (label: string) => page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(item('职工人数').locator('.ant-form-item-explain-error')).toHaveText(
    /^职工人数：50 人少于在职会员 \d+ 人；职工人数应包括全部在职会员，请核对$/,
  );
  await expect(item('女职工人数').locator('.ant-form-item-explain-error')).toHaveText('女职工人数：60 人多于职工人数 50 人');
  await screenshot(page, 'settings-employee-count');

  // Nothing was saved: leaving asks about the refused figures, 放弃 drops them, and the settings read back as they were.
  await goTo(page, '概览');
  await button(page.getByRole('dialog', { name: '有尚未保存的修改' }), '放弃').click();
  await expect(page).toHaveURL(/#\/$|#\/overview/);
  await goTo(page, '设置');
  await expect(count).toHaveValue(before);
});

/** Types a day into a date picker and leaves it, as a user would; returns what the field then shows. */
async function typeDate(picker: Locator, day: string): Promise<string> {
  await picker.click();
  await picker.fill(day);
  await picker.press('Enter');
  await picker.press('Tab');
  return picker.inputValue();
}

test('a day after today cannot be entered for a member, a payment or an entry', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-15T10:00:00+08:00'));
  await startBooks(page, '日期测试工会', { cash: '100', bank: '0' });

  await goTo(page, '会员');
  await button(page, '新增会员').click();
  const drawer = page.getByRole('dialog', { name: '新增会员' });
  await fillMember(drawer, { name: '赵六', id: '330402198511200336', wage: '5000' });
  const join = drawer.getByLabel('入会日期');
  expect(await typeDate(join, '2026-12-20')).not.toBe('2026-12-20');
  await join.click();
  await expect(page.locator('.ant-picker-dropdown:visible').getByTitle('2026-12-16')).toHaveClass(/ant-picker-cell-disabled/);
  await expect(page.locator('.ant-picker-dropdown:visible').getByTitle('2026-12-15')).not.toHaveClass(/ant-picker-cell-disabled/);
  expect(await typeDate(join, '2026-12-01')).toBe('2026-12-01');
  await button(drawer, '保存').click();
  await expect(drawer).toBeHidden();

  await goTo(page, '会费');
  await button(page, '登记缴费').click();
  const pay = page.getByRole('dialog', { name: '登记缴费（现金/转账）' });
  await chooseFirstOption(pay, '会员', '赵六');
  await tickOptions(pay, /缴纳月份/, ['12月']);
  await pay.getByText('缴费方式').click();
  expect(await typeDate(pay.getByLabel('缴费日期'), '2027-01-05')).toBe('2026-12-15');
  await button(pay, '登记并开收据').click();
  await expect(page.getByText(/已登记 1 个月会费/)).toBeVisible();
  const receipt = page.getByRole('dialog', { name: '会费收据' });
  await expect(receipt).toContainText('2026年12月15日');
  await receipt.getByRole('button', { name: '关 闭' }).click();
  await page.getByRole('tab', { name: '缴费记录' }).click();
  await expect(page.getByTestId('dues-payments').getByRole('row', { name: /赵六/ })).toContainText('2026-12-15');

  await goTo(page, '收支');
  await button(page, '记一笔').click();
  const dialog = page.getByRole('dialog', { name: '记一笔' });
  expect(await typeDate(dialog.getByLabel('日期'), '2026-12-16')).toBe('2026-12-15');
  await pickAccount(page, '402');
  await dialog.getByLabel('金额（元）').fill('50');
  await dialog.getByLabel('摘要').fill('拨缴经费');
  await button(dialog, '保存').click();
  await expect(page.getByText(/已记账 记-/)).toBeVisible();
  await expect(page.getByRole('row', { name: /拨缴经费/ })).toContainText('2026-12-15');
});
