import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { button, goTo, loadDemo, saveDownload, screenshot } from './support/app';
import { PYTHON } from '../support/python';

/** 科目 by keyboard alone: type the code, Enter picks it (no arrow keys, no mouse). */
async function typeAccount(dialog: Locator, page: Page, code: string): Promise<void> {
  await dialog.getByLabel('科目').click();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  // The 科目 field's own selection (the dialog also has a 类型 choice before it).
  const field = dialog.locator('.ant-form-item', { has: page.getByRole('combobox', { name: /科目/ }) });
  await expect(field.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText(code);
}

async function newEntry(page: Page): Promise<Locator> {
  await goTo(page, '收支');
  await button(page, '记一笔').click();
  return page.getByRole('dialog', { name: '记一笔' });
}

/** The figure in a statement row's 本年数 cell. */
function statementAmount(page: Page, testId: string): Locator {
  return page.getByTestId(testId).locator('td').nth(2);
}

/** Scrolls a virtual table to its end, so its last lines are drawn. */
async function scrollToEnd(table: Locator): Promise<void> {
  await table.locator('.s').evaluate((el) => el.scrollTo(0, el.scrollHeight));
}

test('记一笔 on 402: the full 拨缴 is split in one step, and the 收入支出表 shows 应付上级经费 as the export does', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await loadDemo(page);
  await goTo(page, '收支');
  await page.getByRole('tab', { name: '收入支出表' }).click();
  // The demo union has kept only its share so far: nothing owed upward yet.
  await expect(page.getByTestId('statement-收入合计')).toBeVisible();
  await expect(page.getByTestId('statement-应付上级经费')).toHaveCount(0);
  const incomeBefore = Number((await statementAmount(page, 'statement-收入合计').innerText()).replace(/,/g, ''));

  const dialog = await newEntry(page);
  await typeAccount(dialog, page, '402');
  await dialog.getByLabel('银行存款').check();
  await dialog.getByLabel('金额（元）').fill('10000');
  await dialog.getByText('全额拨缴（含应上缴部分）').click();
  await expect(dialog.getByTestId('entry-allocation-split')).toHaveText(
    '本会分成（60%）计入 402 拨缴经费收入 6,000.00 元，应付上级经费 4,000.00 元',
  );
  await dialog.getByLabel('摘要').fill('收到单位全额拨缴工会经费');
  await screenshot(page, 'journals-entry-allocation');
  // Enter in 摘要 saves.
  await dialog.getByLabel('摘要').press('Enter');
  await expect(page.getByText(/已记账 记-\d+/).last()).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: '收入支出表' }).click();
  await expect(page.getByTestId('statement-应付上级经费')).toBeVisible();
  await expect(statementAmount(page, 'statement-应付上级经费')).toHaveText('4,000.00');
  await expect(page.getByTestId('statement-期末结余')).toContainText('期末结余');
  // Income grew by the union's share only.
  await expect
    .poll(async () => Number((await statementAmount(page, 'statement-收入合计').innerText()).replace(/,/g, '')))
    .toBeCloseTo(incomeBefore + 6000, 2);
  await screenshot(page, 'journals-statement-payable');

  // The exported .xlsx, read by openpyxl, has the same line with the same figure.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出收入支出表' }).click();
  const file = await saveDownload(await downloading);
  const rows = JSON.parse(
    execFileSync(
      PYTHON,
      [
        '-c',
        'import openpyxl,sys,json; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)], ensure_ascii=False))',
        file,
      ],
      { encoding: 'utf8' },
    ),
  ) as (string | number | null)[][];
  const owed = rows.find((r) => typeof r[0] === 'string' && r[0].trim() === '含应付上级经费');
  expect(owed?.[2]).toBe(4000);
});

test('记一笔 of a 1,200 元 printer registers it as a fixed asset in the same step', async ({ page }) => {
  await loadDemo(page);
  const dialog = await newEntry(page);
  await typeAccount(dialog, page, '办公设备');
  await expect(dialog.getByLabel('科目')).toBeVisible();
  await dialog.getByLabel('银行存款').check();
  await dialog.getByLabel('金额（元）').fill('999');
  await expect(dialog.getByText('同时登记为固定资产')).toHaveCount(0);
  await dialog.getByLabel('金额（元）').fill('1200');
  await dialog.getByLabel('摘要').fill('购置激光打印机');
  await dialog.getByText('同时登记为固定资产').click();
  await expect(dialog.getByLabel('资产名称')).toHaveValue('购置激光打印机');
  await dialog.getByLabel('资产名称').fill('激光打印机');
  await dialog.getByLabel('存放地点').fill('工会办公室');
  await dialog.getByLabel('保管人').fill('李会计');
  await screenshot(page, 'journals-entry-asset');
  await button(dialog, '保存').click();
  await expect(page.getByText('已登记固定资产：激光打印机')).toBeVisible();
  await expect(page.getByText(/已记账 记-\d+/).last()).toBeVisible();

  await goTo(page, '账表');
  await page.getByRole('tab', { name: '固定资产' }).click();
  const row = page.getByRole('row', { name: /激光打印机 一般设备/ });
  await expect(row).toContainText('1,200.00');
  await expect(row).toContainText('工会办公室');
});

test('库存现金日记账 and 银行存款日记账 each carry their own balance; the combined journal shows both side by side', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await loadDemo(page);
  await goTo(page, '收支');
  const table = page.getByTestId('journal-table');
  const headers = () => table.getByRole('columnheader').allInnerTexts();
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  expect(await headers()).toEqual(expect.arrayContaining(['现金余额', '银行余额']));
  expect(await headers()).not.toContain('余额');
  await screenshot(page, 'journals-combined');
  // Scrolled to its end, the combined journal draws the year's last entry, whose 现金余额 and 银行余额
  // are the closing balances in the cards.
  await scrollToEnd(table);
  const lastEntry = table.getByRole('row').last();
  await expect(lastEntry).toHaveAttribute('aria-rowindex', (await table.getAttribute('aria-rowcount'))!);
  const card = (id: string) => page.getByTestId(id).locator('.ant-statistic-content-value').innerText();
  await expect(lastEntry.getByRole('cell').nth(-3)).toHaveText(await card('balance-cash'));
  await expect(lastEntry.getByRole('cell').nth(-2)).toHaveText(await card('balance-bank'));

  for (const [view, place, stat] of [
    ['库存现金日记账', '库存现金', 'balance-cash'],
    ['银行存款日记账', '银行存款', 'balance-bank'],
  ] as const) {
    await page.getByText(view, { exact: true }).click();
    await expect(page.getByRole('table', { name: view })).toBeVisible();
    expect(await headers()).toContain(`${place}余额`);
    expect(await headers()).not.toContain(place === '库存现金' ? '银行余额' : '现金余额');
    await expect(table.getByRole('row').nth(1)).toContainText('上年结余');
    await screenshot(page, `journals-${place}`);
    // The journal ends at its own place's balance, the figure in the card above.
    const closing = await page.getByTestId(stat).locator('.ant-statistic-content-value').innerText();
    await scrollToEnd(table);
    const last = table.getByRole('row').last();
    await expect(last).toContainText('本年累计');
    await expect(last.getByRole('cell').nth(-2)).toHaveText(closing);
  }

  // 提现 appears in the cash journal as money in, with the cash balance after it.
  await page.getByText('库存现金日记账', { exact: true }).click();
  await page.getByPlaceholder('摘要、凭证号、科目').fill('提取');
  await page.getByPlaceholder('摘要、凭证号、科目').press('Enter');
  const withdrawal = table.getByRole('row').filter({ hasText: '提现' }).first();
  await expect(withdrawal).toBeVisible();
  // A plain tag in antd's blue Tag look: the rows mount no antd Tag.
  await expect(withdrawal.getByText('提现', { exact: true })).toHaveClass('ub-ct ub-ct-blue');
  await expect(table.locator('.ant-tag')).toHaveCount(0);
  await expect(withdrawal.getByRole('cell').nth(4)).not.toHaveText('');
  await expect(withdrawal.getByRole('cell').nth(5)).toHaveText('');
});

test('the journal keeps its amounts and 操作 in view while it scrolls sideways, and pins them only when it does', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 800 });
  await loadDemo(page);
  await goTo(page, '收支');
  const table = page.getByTestId('journal-table');
  const scroller = table.locator('.s');
  const actions = table.getByRole('row').nth(1).getByRole('cell').last();
  const position = () => actions.evaluate((el) => getComputedStyle(el).position);
  // The year's 660 entries and their balances: slow on a loaded machine.
  await expect(actions).toBeVisible({ timeout: 60_000 });
  // Room for every column: nothing scrolls sideways, so nothing is pinned (a pinned cell costs each scroll frame).
  expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect.poll(position).toBe('static');

  // A small window: the table scrolls sideways and the right-hand columns stay pinned in view.
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect.poll(position).toBe('sticky');
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await scroller.evaluate((el) => el.scrollTo({ left: 0 }));
  const inView = async () => {
    const [cell, box] = await Promise.all([actions.boundingBox(), scroller.boundingBox()]);
    return cell !== null && box !== null && cell.x + cell.width <= box.x + box.width + 1;
  };
  await expect.poll(inView).toBe(true);
  // A pinned cell is opaque, so the 摘要 and 科目 sliding under it do not show through; the others are not.
  const background = (cell: Locator) => cell.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background(actions)).toMatch(/^rgb\(/);
  expect(await background(table.getByRole('row').nth(1).getByRole('cell').nth(2))).toBe('rgba(0, 0, 0, 0)');
  await screenshot(page, 'journals-narrow-window');

  await page.setViewportSize({ width: 1600, height: 800 });
  await expect.poll(position).toBe('static');
});

test('an amount of ten million 元 or more stays within its column in every journal, totals included', async ({ page }) => {
  await loadDemo(page);
  const dialog = await newEntry(page);
  await typeAccount(dialog, page, '40301');
  await dialog.getByLabel('银行存款').check();
  await dialog.getByLabel('金额（元）').fill('12345678.9');
  await dialog.getByLabel('摘要').fill('收到上级补助');
  await dialog.getByLabel('摘要').press('Enter');
  await expect(page.getByText(/已记账 记-\d+/).last()).toBeVisible();
  await expect(dialog).toBeHidden();

  const table = page.getByTestId('journal-table');
  // How far each drawn cell's text runs past the cell's own content box (0 when it fits).
  const overruns = () =>
    table.getByRole('cell').evaluateAll((cells) =>
      cells.flatMap((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const style = getComputedStyle(cell);
        const box = cell.getBoundingClientRect();
        const right = box.right - parseFloat(style.paddingRight);
        const left = box.left + parseFloat(style.paddingLeft);
        const text = range.getBoundingClientRect();
        const over = Math.max(0, text.right - right, left - text.left);
        return cell.textContent && style.overflowX === 'visible' && over > 0.5 ? [`${cell.textContent}: ${over.toFixed(1)}px`] : [];
      }),
    );
  for (const view of ['收支明细账', '银行存款日记账']) {
    await page.getByText(view, { exact: true }).click();
    await expect(page.getByRole('table', { name: view })).toBeVisible();
    await scrollToEnd(table);
    // The year's last lines: the new entry's balance of more than 12 million, and the year's totals in the place's journal.
    await expect(
      table
        .getByRole('cell')
        .filter({ hasText: /^1[23],\d{3},\d{3}\.\d{2}$/ })
        .first(),
    ).toBeVisible();
    expect(await overruns()).toEqual([]);
  }
  await screenshot(page, 'journals-ten-million');
});

test('the journal scrolls on the compositor and each scroll step draws only the rows it brings into view, lean ones', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '收支');
  const table = page.getByTestId('journal-table');
  const scroller = table.locator('.s');
  await expect(table.getByRole('row').nth(1)).toBeVisible({ timeout: 60_000 });
  // Chromium scrolls a box on the compositor only when it is opaque: one it sees through is
  // repainted whole at every scroll step.
  expect(await scroller.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/^rgb\(/);

  // Three rows further down: three rows are drawn and three dropped, and every other row stays the
  // element it was.
  await scroller.evaluate((el) => {
    const w = window as unknown as { __rows: { added: number; removed: number } };
    w.__rows = { added: 0, removed: 0 };
    new MutationObserver((records) => {
      for (const r of records) {
        w.__rows.added += [...r.addedNodes].filter((n) => (n as Element).getAttribute?.('role') === 'row').length;
        w.__rows.removed += [...r.removedNodes].filter((n) => (n as Element).getAttribute?.('role') === 'row').length;
      }
    }).observe(el.querySelectorAll('[role=rowgroup]')[1]!, { childList: true });
    el.scrollTo(0, 39 * 20);
  });
  const changes = () => page.evaluate(() => (window as unknown as { __rows: { added: number; removed: number } }).__rows);
  await expect.poll(changes).toEqual({ added: 20, removed: 14 });
  await scroller.evaluate((el) => el.scrollTo(0, 39 * 23));
  await expect.poll(changes).toEqual({ added: 23, removed: 17 });
  // Less than a row further: the same rows, nothing drawn again.
  await scroller.evaluate((el) => el.scrollTo(0, 39 * 23 + 20));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await changes()).toEqual({ added: 23, removed: 17 });

  // A drawn row holds no element that shows nothing of its own: the 科目 cell is cut by itself (its
  // whole text in its title), and a balance that is not red ink is text alone (the quieter one of
  // the place an entry did not touch in one span).
  const row = table.getByRole('row').nth(1);
  const account = row.getByRole('cell').nth(3);
  expect(await account.evaluate((el) => el.childElementCount)).toBe(0);
  await expect(account).toHaveAttribute('title', await account.innerText());
  const balances = [row.getByRole('cell').nth(7), row.getByRole('cell').nth(8)];
  for (const cell of balances) await expect(cell).not.toHaveText('');
  const elements = await Promise.all(balances.map((cell) => cell.evaluate((el) => el.querySelectorAll('*').length)));
  expect(elements[0]! + elements[1]!).toBeLessThanOrEqual(1);

  // Every cell is a plain block, one line high: a flex box per cell cost style and layout in each
  // row a scroll step brings in. An entry without a tag has its 摘要 as the cell's own text, and the
  // 只读 marks draw their lock from the style sheet, not from an svg element in every row.
  expect(await table.getByRole('cell').evaluateAll((cells) => [...new Set(cells.map((c) => getComputedStyle(c).display))])).toEqual([
    'block',
  ]);
  expect(
    await row
      .getByRole('cell')
      .nth(2)
      .evaluate((el) => el.childElementCount),
  ).toBe(0);
  const marks = table.getByTestId('read-only');
  expect(await marks.count()).toBeGreaterThan(0);
  await expect(marks.first()).toHaveText('只读');
  expect(await marks.first().evaluate((el) => getComputedStyle(el, '::before').backgroundImage)).toContain('data:image/svg+xml');
  expect(await table.locator('[role=row] svg').count()).toBe(0);

  // Nothing scrolls sideways here, so no cell paints a background of its own (the row under the
  // pointer is shaded as a whole), and only the cells whose text can be cut (凭证号, 摘要, 科目) are
  // clipped: a background and a clip per cell cost paint and layerization in every row a step brings in.
  const cellStyles = await row
    .getByRole('cell')
    .evaluateAll((cells) => cells.map((c) => [getComputedStyle(c).backgroundColor, getComputedStyle(c).overflowX]));
  expect(new Set(cellStyles.map(([background]) => background))).toEqual(new Set(['rgba(0, 0, 0, 0)']));
  expect(cellStyles.map(([, overflow]) => overflow)).toEqual([
    'visible', // 日期
    'hidden', // 凭证号
    'hidden', // 摘要
    'hidden', // 科目
    'visible', // 资金
    'visible', // 收入
    'visible', // 支出
    'visible', // 现金余额
    'visible', // 银行余额
    'visible', // 操作
  ]);
  // A row in view (the first drawn rows are above it, out of view).
  const inView = table.locator('[role=row][aria-rowindex="27"]');
  await inView.hover();
  await expect.poll(() => inView.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

  // While it scrolls, the rows take no pointer (no row hit-tested, restyled and repainted as rows
  // slide under a resting pointer at each frame); once still, they take it again.
  await scroller.evaluate((el) => {
    const w = window as unknown as { __pointer: string[] };
    w.__pointer = [];
    new MutationObserver(() => {
      const row = el.querySelector('[role=row][aria-rowindex]:not([aria-rowindex="1"])');
      if (row) w.__pointer.push(getComputedStyle(row).pointerEvents);
    }).observe(el, { attributes: true, attributeFilter: ['class'] });
    el.scrollTo(0, 39 * 30);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __pointer: string[] }).__pointer)).toEqual(['none', 'auto']);
});

test('an attachment can be removed, after a confirmation, from an entry whose month is open', async ({ page }) => {
  await loadDemo(page);
  const dialog = await newEntry(page);
  await typeAccount(dialog, page, '50105');
  await dialog.getByLabel('金额（元）').fill('66');
  await dialog.getByLabel('摘要').fill('慰问品（附发票）');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByText('添加票据扫描件或照片').click();
  await (await chooser).setFiles({ name: '发票.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await expect(dialog.getByText('发票.pdf')).toBeVisible();
  await button(dialog, '保存').click();
  await expect(page.getByText(/已记账 记-\d+/).last()).toBeVisible();
  // The dialog gives the focus back to 记一笔 when its closing animation ends: late on a loaded machine.
  await expect(dialog).toBeHidden();

  await page.getByPlaceholder('摘要、凭证号、科目').fill('慰问品（附发票）');
  await page.getByPlaceholder('摘要、凭证号、科目').press('Enter');
  const row = page.getByRole('row', { name: /慰问品（附发票）/ });
  // A plain button in antd's Tag look; its popover is made only when first opened, and it keeps the focus.
  const tag = row.getByRole('button', { name: '附件 1' });
  await expect(tag).toHaveClass('ub-ct ub-ct-default ub-ct-clip');
  await expect(page.locator('.ant-popover')).toHaveCount(0);
  await tag.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '发票.pdf（1 KB）' })).toBeVisible();
  await expect(tag).toBeFocused();
  await page.getByRole('button', { name: '删除附件 发票.pdf' }).click();
  await expect(page.getByText('删除附件“发票.pdf”？')).toBeVisible();
  await screenshot(page, 'journals-remove-attachment');
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /删\s?除/ })
    .click();
  await expect(page.getByText('已删除附件 发票.pdf')).toBeVisible();
  await expect(row.getByText(/附件 \d/)).toHaveCount(0);
});

test('专项补助: a receipt names its purpose, spending is charged to it, overspending warns with the amount', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await loadDemo(page);
  let dialog = await newEntry(page);
  await typeAccount(dialog, page, '40302');
  await dialog.getByLabel('银行存款').check();
  await dialog.getByLabel('金额（元）').fill('3000');
  await dialog.getByLabel('摘要').fill('区总工会拨付职工书屋专项');
  await button(dialog, '保存').click();
  await expect(dialog.getByText('请填写专项用途')).toBeVisible();
  await dialog.getByLabel('专项用途').fill('职工书屋建设');
  await button(dialog, '保存').click();
  await expect(page.getByText(/已记账 记-\d+/).last()).toBeVisible();

  dialog = await newEntry(page);
  await typeAccount(dialog, page, '50304');
  await dialog.getByLabel('银行存款').check();
  await dialog.getByLabel('金额（元）').fill('3500');
  await dialog.getByLabel('摘要').fill('购买职工书屋图书');
  await dialog.getByLabel('列支专项').click();
  await page.locator('.ant-select-item-option', { hasText: '“职工书屋建设”专项（剩余 3,000.00 元）' }).click();
  await expect(dialog.getByTestId('purpose-warning')).toHaveText(
    '“职工书屋建设”专项剩余 3,000.00 元，本笔支出 3,500.00 元，超出 500.00 元（超出部分由本会经费负担）',
  );
  await screenshot(page, 'journals-entry-purpose');
  await button(dialog, '保存').click();
  await expect(page.getByText(/已记账 记-\d+/).last()).toBeVisible();

  const card = page.getByTestId('special-grants');
  await expect(card.getByRole('row', { name: /职工书屋建设/ })).toContainText('超支 500.00');
  await screenshot(page, 'journals-grants-card');
  await page.getByRole('tab', { name: '收入支出表' }).click();
  await expect(page.getByTestId('statement-notes')).toBeVisible();
  await expect(page.getByTestId('statement-notes')).toContainText(
    '“职工书屋建设”专项：收到 3,000.00 元，已支出 3,500.00 元，超支 500.00 元',
  );
});
