import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { addMemberElsewhere, button, goTo, loadDemo, saveDownload, screenshot } from './support/app';
import { PYTHON } from '../support/python';
import { LOOKUP_ROWS, watchStoreReads } from './support/store-reads';

/** Paragraph and table text of a .docx, read by python-docx (an independent reader). */
function docxText(path: string): string {
  const script = [
    'import sys, docx',
    'd = docx.Document(sys.argv[1])',
    'print("\\n".join(p.text for p in d.paragraphs))',
    'print("\\n".join(c.text for t in d.tables for r in t.rows for c in r.cells))',
  ].join('\n');
  return execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8' });
}

test('文档: preview, narrative, generate a Word file that opens', async ({ page }) => {
  const storeReads = await watchStoreReads(page);
  await loadDemo(page);
  await storeReads();
  await goTo(page, '文档');
  const preview = page.getByTestId('doc-preview');
  await expect(preview).toContainText('年度工作总结');
  await expect(preview).toContainText('入会率');
  await expect(preview.getByRole('heading', { name: /^一、主要工作及成效/ })).toBeVisible();

  const problem = '职工书屋开放时间偏短，借阅率不高。';
  await page.getByLabel('存在的问题').fill(problem);
  await expect(preview).toContainText(problem);
  await expect(page.getByTestId('draft-status')).toHaveText('已自动保存');
  // The year was read and counted off the window's thread, at first and after the save: it read none of the payments.
  expect((await storeReads()).duesPayments ?? 0).toBeLessThanOrEqual(LOOKUP_ROWS);
  await screenshot(page, 'documents-page');

  const downloadPromise = page.waitForEvent('download');
  await button(page, '生成 Word 文档').click();
  const path = await saveDownload(await downloadPromise);
  expect(path).toMatch(/\.docx$/);
  const text = docxText(path);
  expect(text).toContain('年度工作总结');
  expect(text).toContain(problem);
  expect(text).toMatch(/工会会员\d+人/);

  await page.reload();
  await goTo(page, '文档');
  await expect(page.getByLabel('存在的问题')).toHaveValue(problem);
});

test('文档: the document date counts every figure to that day, and the summary agrees with the 会费 page', async ({ page }) => {
  // the day the issue was written from: a summary drafted on 1 December, before December's payroll
  await page.clock.setFixedTime(new Date('2026-12-01T10:00:00+08:00'));
  await loadDemo(page);
  await goTo(page, '会费');
  await page.getByRole('tab', { name: /欠缴/ }).click();
  await expect(page.getByTestId('arrears-window')).toContainText('至 2026年11月');
  await expect(page.getByTestId('arrears-total')).toHaveText('共 2 人欠缴 293.35 元。');
  await screenshot(page, 'dues-arrears');

  await goTo(page, '文档');
  const preview = page.getByTestId('doc-preview');
  await expect(page.getByLabel('成文日期')).toHaveValue('2026-12-01');
  await expect(preview).toContainText('截至2026年12月1日');
  await expect(preview).toContainText('尚有2人欠缴293.35元，其中1人已连续5个月以上未缴');
  await expect(preview).toContainText('12月尚未结束，当月会费不计入应缴');
  await expect(preview).toContainText('另有2项活动计划于12月开展：“基层工会干部业务培训”“迎新年职工文艺汇演”');
  await expect(page.getByTestId('document-checks')).toContainText('2 人欠缴会费 293.35 元');
  await expect(preview.getByTestId('doc-signature')).toContainText('2026年12月1日');
  await screenshot(page, 'documents-dated');

  // another day: every figure follows it
  const picker = page.getByLabel('成文日期');
  await picker.click();
  await picker.fill('2026-06-30');
  await picker.press('Enter');
  await expect(preview).toContainText('截至2026年6月30日');
  await expect(preview).toContainText('现将2026年1月1日至6月30日的工作总结如下');
  await expect(preview.getByTestId('doc-signature')).toContainText('2026年6月30日');
  await expect(preview).not.toContainText('尚有2人欠缴');
});

test('文档: a day typed into 成文日期 is kept when the book changes before Enter', async ({ page, context }) => {
  await context.clock.setFixedTime(new Date('2026-12-01T10:00:00+08:00'));
  await loadDemo(page);
  await goTo(page, '文档');
  const preview = page.getByTestId('doc-preview');
  await expect(preview).toContainText('截至2026年12月1日');
  const members = Number(/工会会员(\d+)人/.exec((await preview.textContent()) ?? '')?.[1]);
  expect(members).toBeGreaterThan(0);

  const picker = page.getByLabel('成文日期');
  await picker.click();
  await picker.fill('2026-06-30');

  // Meanwhile the book changes (a second window here; a sync or an autosave does the same): the
  // page draws the new figures while the typed day waits for Enter.
  await addMemberElsewhere(context, { name: '赵新', id: '330402198511200336' });
  await expect(preview).toContainText(`工会会员${members + 1}人`);

  await picker.press('Enter');
  await expect(preview).toContainText('截至2026年6月30日');
  await expect(preview.getByTestId('doc-signature')).toContainText('2026年6月30日');
});

test('文档: a copied template is edited with the facts palette, and its error shows its line', async ({ page }) => {
  await loadDemo(page);
  await goTo(page, '文档');
  await button(page, '复制为我的模板').click();
  const editor = page.getByLabel('模板内容');
  await expect(editor).toHaveValue(/年度工会工作总结（副本）/);
  const source = await editor.inputValue();
  const lines = source.split('\n');
  const titleLine = lines.findIndex((l) => l.startsWith('# ')) + 1;
  lines.splice(titleLine, 0, '本单位女会员{{ members.womn }}人。');
  await editor.fill(lines.join('\n'));
  await expect(page.getByText(`模板第 ${titleLine + 1} 行：没有名为“members.womn”的数据项`).first()).toBeVisible();
  await expect(button(page, '保存模板')).toBeDisabled();

  await editor.fill(source);
  await page.getByRole('tab', { name: '会员', exact: true }).click();
  await page.getByText('女会员数', { exact: true }).click();
  await expect(editor).toHaveValue(/\{\{ members\.women \| persons \}\}/);
  await button(page, '保存模板').click();
  await expect(page.getByText('模板已保存')).toBeVisible();
  await screenshot(page, 'documents-editor');
});
