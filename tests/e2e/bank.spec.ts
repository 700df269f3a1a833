import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bankEntries } from '../../shared/bank/match';
import { monthEndOf } from '../../shared/bank/reconcile';
import { todayIso } from '../../shared/clock/today';
import { generateDemoBook, SMALL_DEMO } from '../../shared/demo/generator';
import { balancesAt } from '../../shared/finance/balances';
import { formatYuan } from '../../shared/money/fen';
import { button, goTo, loadDemo, saveDownload, screenshot } from './support/app';
import { PYTHON } from '../support/python';

const today = todayIso();
const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;

/**
 * The bank's statement of the demo union's account for last month, as the bank would export it:
 * every bank entry of the month on its own date, and a 手续费 the treasurer has not booked yet.
 */
function demoStatement(dir: string): { path: string; lines: number; feeFen: number } {
  const book = generateDemoBook({ ...SMALL_DEMO, endMonth: today.slice(0, 7), today });
  const before = new Date(Date.parse(`${month}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  let balance = balancesAt(book, before).bankFen;
  const rows = ['户名：示例工会委员会', '账号：6222 **** 0001', '', '交易日期,摘要,收入,支出,余额'];
  const end = monthEndOf(month);
  const entries = bankEntries(book.transactions).filter((e) => e.transaction.date >= `${month}-01` && e.transaction.date <= end);
  const feeFen = 1500;
  const lines = [
    ...entries.map((e) => ({ date: e.transaction.date, summary: e.transaction.summary.replace(/,/g, '，'), fen: e.effectFen })),
    { date: end, summary: '手续费', fen: -feeFen },
  ];
  for (const l of lines) {
    balance += l.fen;
    rows.push(
      [
        l.date,
        l.summary,
        l.fen > 0 ? formatYuan(l.fen, { grouping: false }) : '',
        l.fen < 0 ? formatYuan(-l.fen, { grouping: false }) : '',
        formatYuan(balance, { grouping: false }),
      ].join(','),
    );
  }
  rows.push('合计,,,,');
  const path = join(dir, `对账单-${month}.csv`);
  writeFileSync(path, `\ufeff${rows.join('\r\n')}\r\n`);
  return { path, lines: lines.length, feeFen };
}

test('银行对账: reconcile the demo book’s last month, refuse a bad file, match by hand, export the 调节表', async ({ page }) => {
  const dir = 'test-results/bank';
  mkdirSync(dir, { recursive: true });
  const statement = demoStatement(dir);
  const bad = join(dir, '坏对账单.csv');
  writeFileSync(bad, '交易日期,摘要,收入,支出,余额\r\n2025-11-02,甲,100.00,,100.00\r\n2025-11-31,乙,,20.00,80.00\r\n');

  await loadDemo(page);
  await goTo(page, '收支');
  await page.getByRole('tab', { name: '银行对账' }).click();
  const panel = page.getByTestId('bank-panel');
  await expect(panel.getByTestId('reconciliation-state')).toHaveText('未导入对账单');

  // A bad file: nothing imported, the row and column named.
  let chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: '导入对账单' }).click();
  await (await chooser).setFiles(bad);
  await expect(panel.getByTestId('import-problems')).toContainText('第 3 行“交易日期”列（A 列）：无法识别的日期“2025-11-31”');
  await expect(panel.getByTestId('reconciliation-state')).toHaveText('未导入对账单');
  await screenshot(page, 'bank-import-refused');

  chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: '导入对账单' }).click();
  await (await chooser).setFiles(statement.path);
  await expect(panel.getByTestId('import-report')).toContainText(`新增 ${statement.lines} 行`);
  await expect(panel.getByTestId('import-report')).toContainText(`自动勾对 ${statement.lines - 1} 笔`);
  await expect(panel.getByTestId('reconciliation-state')).toHaveText('已对平');
  await expect(panel.getByTestId('reconciliation-verdict')).toContainText('调节后余额相符');
  await expect(panel.getByTestId('side-journal')).toContainText('手续费');
  await expect(panel.getByRole('tab', { name: '对账单未勾对（1）' })).toBeVisible();
  await screenshot(page, 'bank-reconciled');

  // Hand matching: undo one automatic match, then match it again by hand.
  await panel.getByRole('tab', { name: /已勾对/ }).click();
  await panel.getByRole('button', { name: '取消勾对' }).first().click();
  await expect(panel.getByRole('tab', { name: '对账单未勾对（2）' })).toBeVisible();
  await expect(panel.getByTestId('reconciliation-state')).toHaveText('已对平');
  await panel.getByRole('tab', { name: '对账单未勾对（2）' }).click();
  const unmatchedRow = panel
    .getByRole('row')
    .filter({ hasNotText: '手续费' })
    .filter({ has: button(page, '勾对') });
  await button(unmatchedRow, '勾对').click();
  const dialog = page.getByRole('dialog', { name: '手工勾对' });
  await dialog.getByRole('radio').first().check();
  await screenshot(page, 'bank-hand-match');
  await button(dialog, '勾对').click();
  await expect(panel.getByRole('tab', { name: '对账单未勾对（1）' })).toBeVisible();

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: '导出调节表' }).click();
  const file = await saveDownload(await download);
  const rows = JSON.parse(
    execFileSync(
      PYTHON,
      [
        '-c',
        'import json,sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)], ensure_ascii=False, default=str))',
        file,
      ],
      { encoding: 'utf8' },
    ),
  ) as (string | number | null)[][];
  const adjusted = rows.find((r) => r[0] === '调节后的存款余额')!;
  expect(adjusted[1]).toBe(adjusted[3]);
  expect(rows.find((r) => r[0] === '减：银行已付、企业未付')![1]).toBe(statement.feeFen / 100);
  const end = monthEndOf(month);
  expect(rows[1]).toContain(`${end.slice(0, 4)}年${Number(end.slice(5, 7))}月${Number(end.slice(8))}日`);
});
