import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeIdNumber } from '../../shared/idcard/gb11643';
import { button, chooseFirstOption, chooseOption, createUnion, goTo, pickAccount, saveDownload, tickOptions } from './support/app';

/**
 * 用户手册 (docs/用户手册.md), followed step by step. Each `test.step` is titled as the guide's step
 * ("第一天 · 1. …"), which tests/unit/manual/user-guide.test.ts compares with the guide's headings. With
 * UPDATE_MANUAL_SCREENSHOTS=1 the steps also write the guide's pictures to docs/manual-images/;
 * without it they only run and check their outcomes.
 */
const UPDATE = process.env.UPDATE_MANUAL_SCREENSHOTS === '1';
const IMAGES = 'docs/manual-images';

test.use({ viewport: { width: 1366, height: 768 } });

/** The guide's day: the union starts its books in March and closes them early in April. */
const FIRST_DAY = new Date('2026-03-20T10:00:00+08:00');
const NEXT_MONTH = new Date('2026-04-02T09:30:00+08:00');

const UNION = '江南精密机械有限公司工会委员会';

/**
 * antd's open and close animations in progress (rc-motion's classes while a motion runs). Toasts are
 * left out: the pictures hide them, and under the fixed clock they stay and may still be moving.
 */
const MOVING = ['appear', 'enter', 'leave']
  .flatMap((m) => ['prepare', 'start', 'active'].map((s) => `[class*="-${m}-${s}"]:not(.ant-message, .ant-message *)`))
  .join(', ');

async function picture(page: Page, name: string): Promise<void> {
  if (!UPDATE) return;
  mkdirSync(IMAGES, { recursive: true });
  // The page at rest: the pointer off its controls (no hover colour), antd's open and close
  // animations done, and the fields' focus and hover transitions too (a spinner's endless one aside).
  await page.mouse.move(1, 760);
  await expect(page.locator(MOVING)).toHaveCount(0);
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await expect(page.locator('.ant-skeleton')).toHaveCount(0);
  // Toasts from earlier steps would cover the page; the step's own outcome is asserted instead.
  await page.screenshot({ path: join(IMAGES, `${name}.png`), style: '.ant-message { display: none !important; }' });
}

/** The roster a union keeps: typed into the downloaded 名册模板 as a chair would in Excel or WPS. */
const ROSTER: readonly [name: string, gender: '男' | '女', birth: string, department: string, joined: string, wage: number][] = [
  ['王建华', '男', '19720315', '办公室', '1995-07-01', 9800],
  ['李秀梅', '女', '19810622', '财务部', '2004-03-01', 7600],
  ['张伟', '男', '19850911', '生产一车间', '2008-09-01', 6800],
  ['刘芳', '女', '19880204', '质检部', '2011-07-01', 6200],
  ['陈明', '男', '19900718', '生产一车间', '2013-07-01', 5900],
  ['杨丽娟', '女', '19921126', '销售部', '2015-03-01', 6500],
  ['赵强', '男', '19790430', '生产二车间', '2001-05-01', 7200],
  ['黄晓燕', '女', '19940817', '办公室', '2017-07-01', 5600],
  ['周志刚', '男', '19830103', '设备部', '2006-04-01', 7000],
  ['吴婷', '女', '19960309', '质检部', '2019-07-01', 5200],
  ['徐海涛', '男', '19870525', '生产二车间', '2010-03-01', 6400],
  ['孙桂兰', '女', '19750919', '后勤部', '1998-08-01', 5800],
  ['马俊', '男', '19981012', '销售部', '2021-07-01', 5000],
  ['朱红霞', '女', '19890628', '生产一车间', '2012-02-01', 6100],
  ['胡国庆', '男', '19801001', '设备部', '2003-11-01', 7400],
  ['郭静', '女', '19930214', '财务部', '2016-07-01', 5900],
];

/** Fills the downloaded template below its header row (row 2) and saves it as the chair's roster. */
async function fillTemplate(templatePath: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.getWorksheet('会员名册');
  if (!sheet) throw new Error('名册模板没有“会员名册”工作表');
  const column = new Map<string, number>();
  sheet.getRow(2).eachCell((cell, i) => column.set(String(cell.value).replace('*', ''), i));
  const col = (header: string) => {
    const i = column.get(header);
    if (i === undefined) throw new Error(`名册模板没有“${header}”列`);
    return i;
  };
  ROSTER.forEach(([name, gender, birth, department, joined, wage], i) => {
    const row = sheet.getRow(3 + i);
    row.getCell(col('姓名')).value = name;
    row.getCell(col('身份证号码')).value = makeIdNumber('330402', birth, 11 + i * 7, gender);
    row.getCell(col('民族')).value = '汉族';
    row.getCell(col('手机')).value = `139${String(57_312_468 + i * 7919).padStart(8, '0')}`;
    row.getCell(col('工作单位/部门')).value = department;
    row.getCell(col('入会日期')).value = joined;
    row.getCell(col('月工资基数(元)')).value = wage;
  });
  const dir = 'test-results/manual';
  mkdirSync(dir, { recursive: true });
  const path = join(dir, '会员名册.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Opens a page from the left menu, at its top as a fresh visit shows it. */
async function open(page: Page, label: string): Promise<void> {
  await goTo(page, label);
  await expect(page.getByRole('navigation', { name: '主导航' }).locator('.ant-menu-item-selected')).toHaveText(label);
  await expect(page.getByText('正在加载页面…')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

test('第一天与每个月：按用户手册操作', async ({ page }) => {
  // The whole guide in one book: a month of work, the year-end pages and the handover tab.
  test.slow();
  await page.clock.setFixedTime(FIRST_DAY);
  await page.goto('/');
  await expect(page.getByText('欢迎使用工会账簿')).toBeVisible();

  await test.step('第一天 · 1. 填写工会信息', async () => {
    await page.getByLabel('工会名称').fill(UNION);
    await page.getByLabel('所在单位').fill('江南精密机械有限公司');
    await page.getByLabel('上级工会').fill('滨江区总工会');
    await page.getByLabel('工会主席').fill('王建华');
    await page.getByLabel('经费会计/出纳').fill('李秀梅');
    await page.getByLabel('职工人数').fill('18');
    await page.getByLabel('职工人数').blur();
    await picture(page, 'day1-1-union');
  });

  await test.step('第一天 · 2. 选择所在省份', async () => {
    await page.getByLabel('所在省份（开支标准）').click();
    await expect(page.locator('.ant-select-dropdown:visible')).toContainText('其他省份（自定义');
    await picture(page, 'day1-2-province');
    await chooseOption(page, '所在省份（开支标准）', '安徽（2018年实施细则）');
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  });

  await test.step('第一天 · 3. 开账', async () => {
    await expect(page.getByLabel('开账月份')).toHaveValue('2026年3月');
    await page.getByLabel('开账时库存现金').fill('1850.00');
    await page.getByLabel('开账时银行存款').fill('46320.00');
    await page.getByLabel('2026年开账前已收会费').fill('1865.00');
    await page.getByLabel('2026年开账前已收会费').blur();
    await button(page, '创建').scrollIntoViewIfNeeded();
    await picture(page, 'day1-3-books-start');
    await button(page, '创建').click();
    await expect(page.getByTestId('union-name')).toHaveText(UNION);
  });

  await test.step('第一天 · 4. 看概览的待办事项', async () => {
    const todos = page.getByTestId('desk-todos');
    await expect(todos.getByTestId('todo-roster')).toContainText('录入会员名册');
    await picture(page, 'day1-4-overview');
  });

  let rosterPath = '';
  await test.step('第一天 · 5. 下载名册模板', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('todo-roster').getByRole('button', { name: '下载名册模板' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('会员名册模板.xlsx');
    rosterPath = await fillTemplate(await saveDownload(saved));
  });

  await test.step('第一天 · 6. 导入名册', async () => {
    await open(page, '会员');
    await button(page, '导入名册').click();
    const dialog = page.getByRole('dialog', { name: '导入名册' });
    const chooser = page.waitForEvent('filechooser');
    await button(dialog, '选择名册文件').click();
    await (await chooser).setFiles(rosterPath);
    await expect(dialog.getByText('表头在第 2 行')).toBeVisible();
    await picture(page, 'day1-6-import-mapping');
    await button(dialog, '下一步：预览').click();
    await expect(dialog.getByTestId('import-preview')).toBeVisible();
    await picture(page, 'day1-6-import-preview');
    await dialog.getByRole('button', { name: `导入 ${ROSTER.length} 行` }).click();
    await expect(dialog.getByText('名册已导入')).toBeVisible();
    await expect(dialog).toContainText(`新增 ${ROSTER.length} 人`);
    await button(dialog, '完成').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row', { name: /王建华/ })).toBeVisible();
    await picture(page, 'day1-6-members');
  });

  await test.step('每个月 · 1. 登记本月会费', async () => {
    await open(page, '会费');
    await button(page, '登记本月会费（工资代扣）').click();
    const dialog = page.getByRole('dialog', { name: '登记本月会费（工资代扣）' });
    await expect(dialog).toContainText(`将为 ${ROSTER.length} 人登记 2026年3月 会费`);
    await picture(page, 'month-1-dues');
    await button(dialog, '登记').click();
    // The first posting loads code the page has not needed before: on a loaded machine the dialog took over 15 s to close.
    await expect(dialog).toBeHidden({ timeout: 60_000 });
    await expect(page.getByTestId('dues-total')).not.toContainText(/^0\.00/);
    await picture(page, 'month-1-dues-done');
  });

  /** 收支 → 记一笔, filled in; the caller saves it. */
  async function fillEntry(place: '库存现金' | '银行存款', code: string, amount: string, summary: string): Promise<Locator> {
    await open(page, '收支');
    await button(page, '记一笔').click();
    const dialog = page.getByRole('dialog', { name: '记一笔' });
    await dialog.getByLabel(place).check();
    await pickAccount(page, code);
    // Reaching the account list may scroll the page behind the dialog; a chair's page stays at its top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await dialog.getByLabel('金额（元）').fill(amount);
    await dialog.getByLabel('摘要').fill(summary);
    await dialog.getByLabel('摘要').blur();
    return dialog;
  }

  async function saveEntry(dialog: Locator, summary: string, amount: string): Promise<void> {
    await button(dialog, '保存').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row', { name: new RegExp(summary) })).toContainText(amount);
  }

  await test.step('每个月 · 2. 记一笔收入', async () => {
    const dialog = await fillEntry('银行存款', '405', '3000.00', '公司行政拨付三八节活动经费');
    await picture(page, 'month-2-income');
    await saveEntry(dialog, '公司行政拨付三八节活动经费', '3,000.00');
  });

  await test.step('每个月 · 3. 记一笔支出', async () => {
    const dialog = await fillEntry('银行存款', '50304', '680.00', '购买职工书屋图书');
    await saveEntry(dialog, '购买职工书屋图书', '680.00');
    await picture(page, 'month-3-journal');
  });

  await test.step('每个月 · 4. 登记慰问', async () => {
    await open(page, '慰问');
    await button(page, '登记慰问').click();
    const drawer = page.getByRole('dialog', { name: '登记慰问' });
    await chooseFirstOption(drawer, '慰问会员', '赵强', { search: true });
    await drawer.getByLabel('金额').fill('300');
    await drawer.getByLabel('备注').fill('住院期间到医院看望');
    await drawer.getByLabel('备注').blur();
    await picture(page, 'month-4-welfare');
    await button(drawer, '保存').click();
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('row', { name: /赵强/ })).toContainText('300.00');
  });

  await test.step('每个月 · 5. 登记活动', async () => {
    await open(page, '活动');
    await button(page, '新增活动').click();
    const drawer = page.getByRole('dialog', { name: '新增活动' });
    await drawer.getByLabel('活动名称').fill('三八妇女节插花活动');
    await drawer.getByLabel('起止日期').first().click();
    await drawer.getByLabel('起止日期').first().fill('2026-03-08');
    await drawer.getByLabel('起止日期').first().press('Enter');
    await drawer.getByLabel('地点').fill('公司三楼会议室');
    const women = ROSTER.filter((r) => r[1] === '女').map((r) => r[0]);
    const picker = drawer.getByLabel('参加会员');
    await tickOptions(drawer, '参加会员', women, { search: true });
    await picker.press('Escape');
    await drawer.getByLabel('活动内容').fill('邀请花艺老师讲解春季插花，女职工每人完成一件作品，带回家中。');
    await button(drawer, '保存').click();
    const editing = page.getByRole('dialog', { name: '编辑活动：三八妇女节插花活动' });
    await expect(editing).toBeVisible();
    await editing.getByLabel('支出金额').fill('960');
    await editing.getByLabel('摘要').fill('插花材料费');
    await editing.getByRole('button', { name: '记一笔支出' }).click();
    await expect(editing.getByTestId('linked-expenses')).toContainText('插花材料费');
    await editing.getByTestId('linked-expenses').scrollIntoViewIfNeeded();
    await picture(page, 'month-5-activity');
    await editing.getByRole('button', { name: '关 闭' }).click();
    await expect(editing).toBeHidden();
    await expect(page.getByRole('row', { name: /三八妇女节插花活动/ })).toContainText('960.00');
  });

  await test.step('每个月 · 6. 下月初结账', async () => {
    await page.clock.setFixedTime(NEXT_MONTH);
    await open(page, '概览');
    await expect(page.getByTestId('todo-unclosed')).toContainText('1 个月未结账');
    await picture(page, 'month-6-todos');
    // The to-do's button opens 账表 → 结账至 on the month it names.
    await page.getByTestId('todo-unclosed').getByRole('button', { name: '结账至2026年3月' }).click();
    await expect(page.getByRole('tab', { name: '结账至', selected: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '结账至' })).toBeVisible();
    await page.getByText('本次不做银行对账').click();
    await expect(page.getByTestId('close-checklist')).toBeVisible();
    await picture(page, 'month-6-close');
    await button(page, '结账至2026年3月').click();
    await expect(page.getByText('2026年3月及以前的月份都已结账')).toBeVisible();
  });

  await test.step('每个月 · 7. 备份', async () => {
    await open(page, '设置');
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    const download = page.waitForEvent('download');
    await button(page, '备份').click();
    expect((await download).suggestedFilename()).toMatch(/\.ubk$/);
    await picture(page, 'month-7-backup');
    await open(page, '概览');
    await expect(page.getByTestId('desk-todos')).not.toContainText('未结账');
    await picture(page, 'month-7-overview');
  });

  await test.step('年底的报表和文档（截图）', async () => {
    await open(page, '账表');
    await page.getByRole('tab', { name: '资产负债表' }).click();
    await expect(page.getByText('资产 = 负债 + 净资产')).toBeVisible();
    await picture(page, 'year-balance-sheet');
    await open(page, '收支');
    await page.getByRole('tab', { name: '收入支出表' }).click();
    await expect(page.getByText('一、收入合计')).toBeVisible();
    await picture(page, 'year-statement');
    await open(page, '账表');
    await page.getByRole('tab', { name: '经费审查' }).click();
    await expect(page.getByRole('button', { name: '生成经费审查报告' })).toBeVisible();
    await expect(page.getByText('核对结果')).toBeVisible();
    await picture(page, 'year-audit');
    await open(page, '文档');
    await expect(page.getByRole('button', { name: '生成 Word 文档' })).toBeVisible();
    await expect(page.getByText('2026年度文字材料')).toBeVisible();
    const members = page.getByRole('textbox', { name: '会员队伍' });
    await members.fill('职工入会意愿高，会员队伍保持稳定。');
    await members.blur();
    await expect(page.getByText('已自动保存')).toBeVisible();
    await expect(page.locator('.ant-card', { has: page.getByText('按 GB/T 9704 版式') })).toContainText('职工入会意愿高');
    await page.evaluate(() => window.scrollTo(0, 0));
    await picture(page, 'year-documents');
  });

  await test.step('换届交接（截图）', async () => {
    await open(page, '设置');
    await page.getByRole('tab', { name: '换届交接' }).click();
    await expect(page.getByTestId('handover-check-months')).toBeVisible();
    await page.getByLabel('移交人').fill('王建华');
    await page.getByLabel('接交人').fill('周志刚');
    await page.getByLabel('监交人').fill('胡国庆');
    await page.getByLabel('监交人').blur();
    await page.evaluate(() => window.scrollTo(0, 0));
    await picture(page, 'handover');
  });
});

test('帮助 shows the guide inside the app, with its pictures and a contents list that leads to each section', async ({ page }) => {
  await createUnion(page, UNION);
  await open(page, '会费');
  await button(page, '帮助').click();
  const guide = page.getByTestId('user-guide');
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('工会账簿 用户手册');
  const contents = page.getByRole('navigation', { name: '手册目录' });
  await contents.getByText('每个月', { exact: true }).click();
  await expect(guide.getByRole('heading', { name: '每个月', exact: true })).toBeInViewport();
  await contents.getByText('6. 导入名册').click();
  await expect(guide.getByRole('heading', { name: '6. 导入名册' })).toBeInViewport();
  // The bundled pictures load (offline: from the build, never from the network).
  const picture = guide.getByRole('img', { name: '核对列' });
  await picture.scrollIntoViewIfNeeded();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1366);
  await page.screenshot({ path: 'test-results/screenshots/manual-help.png' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(picture).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/manual-help-1024.png' });
  // No menu item is marked while the guide is shown; F1 opens it from any page.
  await expect(page.getByRole('navigation', { name: '主导航' }).locator('.ant-menu-item-selected')).toHaveCount(0);
  await open(page, '收支');
  await page.keyboard.press('F1');
  await expect(guide.getByRole('heading', { level: 1 })).toBeVisible();
});

test('换届：换届交接生成加密交接备份，新电脑首次打开时载入交接文件', async ({ page, browser }) => {
  const PASSWORD = 'Jiangnan#2026-Handover';
  await createUnion(page, UNION);
  let backupPath = '';
  await test.step('换届 · 1. 交接前检查和交接文件', async () => {
    await open(page, '设置');
    await page.getByRole('tab', { name: '换届交接' }).click();
    await expect(page.getByTestId('handover-check-months')).toBeVisible();
    await page.getByLabel('移交人').fill('王建华');
    await page.getByLabel('接交人').fill('周志刚');
    await page.getByLabel('监交人').fill('胡国庆');
    await button(page, '生成交接清单和加密交接备份').click();
    const dialog = page.getByRole('dialog', { name: '为交接备份设置密码' });
    await dialog.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await dialog.getByLabel('再输入一次').fill(PASSWORD);
    const backup = page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.ubk'), timeout: 120_000 });
    const list = page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.docx'), timeout: 120_000 });
    await button(dialog, '生成交接文件').click();
    backupPath = await saveDownload(await backup);
    expect((await list).suggestedFilename()).toContain('交接清单');
    await expect(page.getByText('交接清单和加密交接备份已保存')).toBeVisible();
  });

  await test.step('换届 · 2. 在新电脑上载入交接文件', async () => {
    // The new chair's computer: another browser profile, opened for the first time.
    const other = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const next = await other.newPage();
    await next.goto('/');
    await expect(next.getByText('欢迎使用工会账簿')).toBeVisible();
    const chooser = next.waitForEvent('filechooser');
    await next.getByRole('button', { name: '载入交接文件' }).click();
    await (await chooser).setFiles(backupPath);
    const prompt = next.getByRole('dialog', { name: '输入备份密码' });
    await prompt.getByLabel('备份密码').fill(PASSWORD);
    await button(prompt, '打开').click();
    const confirm = next.getByRole('dialog', { name: '从这个备份恢复账簿？' });
    await expect(confirm).toContainText(UNION, { timeout: 60_000 });
    await button(confirm, '恢复').click();
    await expect(next.getByTestId('union-name')).toHaveText(UNION, { timeout: 60_000 });
    await open(next, '设置');
    await next.getByRole('tab', { name: '换届交接' }).click();
    await expect(next.getByTestId('handover-history').getByRole('row').nth(1)).toContainText('王建华周志刚胡国庆');
    await next.getByRole('tab', { name: '工会信息' }).click();
    await expect(next.getByLabel('工会主席')).toBeVisible();
    await other.close();
  });
});
