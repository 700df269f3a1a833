import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { button, chooseOption, goTo, loadDemo, saveDownload, screenshot } from './support/app';
import { PYTHON } from '../support/python';

/** The paragraphs of a .docx in order, read by python-docx (an independent reader). */
function docxParagraphs(path: string): string[] {
  const script = ['import sys, json, docx', 'print(json.dumps([p.text for p in docx.Document(sys.argv[1]).paragraphs]))'].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8' })) as string[];
}

test('文档 shows the template’s sections with their figures; a typed paragraph survives leaving the page and lands in its section', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2026-12-01T10:00:00+08:00'));
  await loadDemo(page);
  await goTo(page, '文档');
  await expect(page.getByTestId('section-members')).toBeVisible();
  // In the order the template places them.
  const boxes = page.locator('[data-testid^="section-"] textarea');
  expect(await boxes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
    '会员队伍',
    '主要工作及成效',
    '走访慰问和会员福利',
    '会费收缴和经费管理',
    '存在的问题',
    '明年工作计划',
  ]);
  // The figures the books give for a section, beside its box.
  await expect(page.getByTestId('section-members')).toContainText(/会员.*\d+人/);
  await expect(page.getByTestId('section-funds')).toContainText(/元/);
  // The three boxes of earlier versions are the demo's words in their sections.
  await expect(page.getByLabel('存在的问题')).toHaveValue(/工会干部均为兼职/);
  await screenshot(page, 'documents-sections');

  // Typed, then straight to another page and back: the paragraph is still there.
  const members = '积极吸收新就业形态劳动者入会，会员队伍稳中有增。';
  const funds = '严格执行经费审批制度，大额支出经工会委员会集体研究。';
  await page.getByLabel('会员队伍').fill(members);
  await page.getByLabel('会费收缴和经费管理').fill(funds);
  await goTo(page, '会员');
  await expect(page.getByRole('button', { name: /新增会员/ })).toBeVisible();
  await goTo(page, '文档');
  await expect(page.getByLabel('会员队伍')).toHaveValue(members);
  await expect(page.getByLabel('会费收缴和经费管理')).toHaveValue(funds);
  await expect(page.getByTestId('doc-preview')).toContainText(members);

  // The generated summary carries each paragraph in its section.
  const download = page.waitForEvent('download');
  await button(page, '生成 Word 文档').click();
  const paragraphs = docxParagraphs(await saveDownload(await download));
  const at = (text: string) => paragraphs.findIndex((p) => p.includes(text));
  expect(at(members)).toBeGreaterThan(0);
  expect(at(members)).toBeLessThan(at('一、主要工作及成效'));
  expect(at(funds)).toBeGreaterThan(paragraphs.findIndex((p) => /规范会费收缴和经费管理/.test(p)));
  expect(at(funds)).toBeLessThan(at('二、存在的问题'));

  // Next year, last year's words are offered as a starting point, one click.
  await page.reload();
  await goTo(page, '文档');
  await expect(page.getByLabel('会员队伍')).toHaveValue(members);
  await chooseOption(page, '年度', '2025年');
  await expect(page.getByLabel('会员队伍')).toHaveValue('');
  await page.getByLabel('会员队伍').fill('二〇二五年的会员工作。');
  await chooseOption(page, '年度', '2026年');
  await expect(page.getByLabel('会员队伍')).toHaveValue(members);
  await page.getByLabel('会员队伍').fill('');
  await page.getByTestId('section-members').getByRole('button', { name: '沿用2025年的文字' }).click();
  await expect(page.getByLabel('会员队伍')).toHaveValue('二〇二五年的会员工作。');
});
