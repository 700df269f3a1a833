import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBook } from '../../../server/cli/io';
import { auditReview, type AuditBook } from '../../../shared/audit/review';
import { importBankStatement } from '../../../shared/engine/ops/bank';
import { closeThrough, openBooks } from '../../../shared/engine/ops/periods';
import { formatYuan } from '../../../shared/money/fen';
import { bankFixture, journalBook } from '../bank/book';
import { runCli } from '../cli/capture';
import { PYTHON } from '../../support/python';

/**
 * The 经费审查报告 made from the command line like the other documents (`export audit-report`), for a
 * sound book and for one whose bank does not reconcile, read back by python-docx and rendered by
 * LibreOffice (pages kept in test-results/documents/ to look at).
 */
interface DocxReport {
  page: { width: number; height: number };
  margins: { top: number; bottom: number; left: number; right: number };
  paragraphs: { text: string; style: string | null }[];
  tables: string[][][];
  footer: { text: string; align: string }[];
}

const OUT = 'test-results/documents';
const DATE = '2025-12-15';
let dir = '';
const docs: Record<'sound' | 'faulty', { report: DocxReport; pages: string[]; review: ReturnType<typeof auditReview> }> = {} as never;

async function make(name: 'sound' | 'faulty'): Promise<void> {
  const store = await journalBook(
    name === 'sound'
      ? {
          extra: [
            { date: '2025-10-31', account: '408', yuan: 38.4, summary: '银行结息' },
            { date: '2025-11-30', account: '510', yuan: 15, summary: '银行手续费' },
          ],
        }
      : {},
  );
  // The faulty book opened with 100 元 too much in the bank, and nothing is closed.
  if (name === 'faulty') await openBooks(store, { month: '2025-10', cashFen: 200_000, bankFen: 8_010_000 });
  await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
  if (name === 'sound') await closeThrough(store, '2025-11');
  const book = join(dir, `${name}.ubk`);
  await writeBook(book, store.book);
  const out = join(dir, `audit-report-${name}.docx`);
  const run = await runCli('export', 'audit-report', '--year', '2025', '--date', DATE, '--book', book, '--out', out);
  expect(run).toMatchObject({ code: 0, out: `已生成：${out}` });
  const report = JSON.parse(execFileSync(PYTHON, ['tests/fixtures/documents/read_docx.py', out], { encoding: 'utf8' })) as DocxReport;
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out],
    { stdio: 'ignore', timeout: 240_000, env: { ...process.env, FONTCONFIG_FILE: resolve('tests/fixtures/documents/fonts.conf') } },
  );
  const pdf = out.replace(/\.docx$/, '.pdf');
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(OUT, `audit-report-${name}`)]);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  const pages = Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }),
  );
  docs[name] = { report, pages, review: auditReview(store.book as AuditBook, 2025, DATE) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'audit-report-'));
  mkdirSync(OUT, { recursive: true });
  await make('sound');
  await make('faulty');
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const texts = (r: DocxReport) => r.paragraphs.map((p) => p.text);
const tableWith = (r: DocxReport, header: string) => r.tables.find((t) => t[0]?.[0] === header)!;
const flat = (pages: string[]) => pages.join('\n').replace(/\s+/g, '');

describe('经费审查报告 of a sound book', () => {
  it('is laid out per GB/T 9704: A4, its margins, the title, headings, "— N —" page numbers and the signature', () => {
    const { report, pages } = docs.sound;
    expect(report.page).toEqual({ width: 210, height: 297 });
    expect(report.margins).toEqual({ top: 37, bottom: 35, left: 28, right: 26 });
    expect(texts(report)[0]).toBe('经费审查委员会关于某某公司工会委员会\n2025年度经费审查情况的报告');
    expect(texts(report)).toEqual(
      expect.arrayContaining(['一、审查范围', '二、经费收支情况', '三、资产负债情况', '四、核对情况', '五、审查意见']),
    );
    expect(report.footer[0]?.text).toMatch(/^— .* —$/);
    expect(texts(report).slice(-2)).toEqual(['某某公司工会委员会经费审查委员会', '2025年12月15日']);
    pages.forEach((p, i) => expect(p.replace(/\s+/g, '')).toContain(`—${i + 1}—`));
    const pngs = readdirSync(OUT).filter((f) => f.startsWith('audit-report-sound') && f.endsWith('.png'));
    expect(pngs).toHaveLength(pages.length);
    for (const f of pngs) expect(statSync(join(OUT, f)).size).toBeGreaterThan(5_000);
  });

  it('states the figures of the review: vouchers, both statements, the bank at the month-end', () => {
    const { report, review } = docs.sound;
    const scope = texts(report).find((t) => t.startsWith('依据'))!;
    expect(scope).toContain('记账凭证记-001至记-012，共12张');
    expect(scope).toContain('已结束的2个月的银行存款日记账与银行对账单');
    const sheet = report.tables.find((t) => t[0]?.[1] === '年初数（元）')!;
    expect(sheet.find((r) => r[0] === '银行存款')).toEqual(['银行存款', '80,000.00', formatYuan(review.sheet.end.bankFen)]);
    expect(sheet.find((r) => r[0] === '资产合计')?.[2]).toBe('81,432.90');
    const summary = report.tables.find((t) => t[0]?.[1] === '金额（元）')!;
    expect(summary.find((r) => r[0] === '收入合计')?.[1]).toBe('17,338.40');
    expect(summary.find((r) => r[0] === '支出合计')?.[1]).toBe('17,905.50');
    expect(summary.find((r) => r[0] === '期末库存现金和银行存款')?.[1]).toBe('81,432.90');
    const checks = tableWith(report, '核对项目');
    expect(checks.slice(1).map((r) => [r[0], r[1]])).toEqual(review.checks.map((c) => [c.label, '相符']));
    expect(checks.find((r) => r[0] === '记账凭证连续编号')?.[2]).toBe('记-001 至 记-012，共 12 张，编号连续');
    expect(tableWith(report, '月份').slice(1)).toEqual([
      ['10月', '相符', '—'],
      ['11月', '相符', '—'],
    ]);
    const body = texts(report).join('\n');
    expect(body).toContain('下列11项核对全部相符。已结束的2个月中，各月均已结账；各月银行存款余额调节相符。');
    expect(body).toContain('11月末银行存款日记账余额7.79万元，银行对账单余额7.86万元');
    expect(body).toContain('经核对，收入支出表、资产负债表自身平衡且相互一致');
  });

  it('keeps ledger-style money in its tables: running text reads 万元 and 元', () => {
    const { report } = docs.sound;
    for (const t of texts(report)) {
      expect(t).not.toMatch(/\d,\d{3}/);
      expect(t).not.toMatch(/\d{5,}(?:\.\d+)?元/);
    }
  });
});

describe('经费审查报告 of a book whose bank does not reconcile', () => {
  it('states each failing check with the difference and where, and does not say the books agree', () => {
    const { report, pages, review } = docs.faulty;
    const failing = review.checks.filter((c) => !c.ok);
    expect(failing.map((c) => c.key)).toEqual(['closed', 'bank']);
    const checks = tableWith(report, '核对项目');
    expect(checks.find((r) => r[0] === '银行存款与银行对账单相符')).toEqual(['银行存款与银行对账单相符', '不相符', failing[1]!.detail]);
    expect(failing[1]!.detail).toMatch(/^余额调节不符：2025年10月相差 100\.00 元；2025年11月相差 100\.00 元/);
    expect(checks.find((r) => r[0] === '已结束的月份均已结账')?.[1]).toBe('不相符');
    expect(tableWith(report, '月份').slice(1)).toEqual([
      ['10月', '不符', '100.00'],
      ['11月', '不符', '100.00'],
    ]);
    const body = texts(report).join('\n');
    expect(body).toContain('下列11项核对中，9项相符，2项不相符。');
    expect(body).toContain('经核对，“已结束的月份均已结账”“银行存款与银行对账单相符”2项不相符，差额和位置见核对结果表。');
    expect(body).not.toContain('自身平衡且相互一致');
    expect(flat(pages)).toContain('相差100.00元');
  });
});
