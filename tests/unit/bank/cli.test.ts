import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBook, writeBook } from '../../../server/cli/io';
import { fixturePath } from '../../fixtures/path';
import { runCli } from '../cli/capture';
import { readSheets, rowOf } from '../finance/openpyxl';
import { journalBook } from './book';

const dir = await mkdtemp(join(tmpdir(), 'ub-bank-'));

async function bookFile(name: string, options: Parameters<typeof journalBook>[0] = {}): Promise<string> {
  const path = join(dir, name);
  await writeBook(path, (await journalBook(options)).book);
  return path;
}

describe('unionbooks bank import / export reconciliation', () => {
  it('imports the 收支 workbook, reports matched and unmatched, and the exported 调节表 balances in openpyxl', async () => {
    const book = await bookFile('a.ubk');
    const r = await runCli('bank', 'import', fixturePath('bank/收支-明细.xlsx'), '--book', book, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { imported: number; matched: number; unmatchedLines: unknown[]; unmatchedEntries: unknown[] };
    expect([report.imported, report.matched, report.unmatchedLines.length, report.unmatchedEntries.length]).toEqual([11, 9, 2, 1]);
    expect((await readBook(book)).bankMatches.filter((m) => m.deleted === 0)).toHaveLength(9);
    expect((await runCli('verify', book)).code).toBe(0);

    const out = join(dir, '调节表.xlsx');
    const e = await runCli('export', 'reconciliation', '--month', '2025-11', '--book', book, '--out', out);
    expect(e.code).toBe(0);
    expect(e.out).toContain('调节后余额相符：77,932.90 元');
    const [sheet] = readSheets(out);
    expect(sheet!.title).toBe('银行存款余额调节表');
    expect(sheet!.rows[0]![0]).toBe('银行存款余额调节表');
    expect(sheet!.rows[1]).toContain('2025年11月30日');
    expect(rowOf(sheet!, '银行存款日记账余额')).toEqual(['银行存款日记账余额', 77909.5, '银行对账单余额', 78612.9]);
    expect(rowOf(sheet!, '加：银行已收、企业未收')).toEqual(['加：银行已收、企业未收', 38.4, '加：企业已收、银行未收', 300]);
    expect(rowOf(sheet!, '减：银行已付、企业未付')).toEqual(['减：银行已付、企业未付', 15, '减：企业已付、银行未付', 980]);
    expect(rowOf(sheet!, '调节后的存款余额')).toEqual(['调节后的存款余额', 77932.9, '调节后的存款余额', 77932.9]);
    expect(sheet!.rows.flat()).toContain('结论：调节后余额相符（77,932.90 元）。');
    expect(sheet!.rows.flat().some((c) => typeof c === 'string' && c.includes('11-28 宣传栏制作（记-'))).toBe(true);
    expect([sheet!.orientation, sheet!.paper]).toEqual(['portrait', 9]);
  });

  it('prints the line missing from the journal; a bad file is refused with its rows and the book file is untouched', async () => {
    const book = await bookFile('b.ubk', {
      leaveOut: ['职代会会务费'],
      extra: [
        { date: '2025-10-31', account: '408', yuan: 38.4, summary: '银行结息' },
        { date: '2025-11-30', account: '510', yuan: 15, summary: '银行手续费' },
      ],
    });
    const before = await readFile(book);
    const bad = await runCli('bank', 'import', fixturePath('bank/借贷-坏行.csv'), '--book', book);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('第 5 行“交易日期”列（A 列）：无法识别的日期“2025/13/40”');
    expect(bad.err).toContain('第 8 行“借方发生额”列（D 列）');
    expect(Buffer.compare(await readFile(book), before)).toBe(0);

    const r = await runCli('bank', 'import', fixturePath('bank/借贷-明细.csv'), '--book', book);
    expect(r.code).toBe(0);
    expect(r.out).toContain('银行已记、日记账未记 1 行：\n  2025-11-19 -2,350.50 元 转账支付 某某宾馆（对账单第 9 行）');
    expect(r.out).toContain('日记账已记、银行未记 1 笔：');
  });

  it('without a statement the export says so and exits 3', async () => {
    const book = await bookFile('c.ubk');
    const e = await runCli('export', 'reconciliation', '--month', '2025-11', '--book', book, '--out', join(dir, 'none.xlsx'));
    expect(e.code).toBe(3);
    expect(e.out).toContain('2025年11月末以前没有导入银行对账单');
    const bad = await runCli('export', 'reconciliation', '--month', '2025-13', '--book', book, '--out', join(dir, 'x.xlsx'));
    expect(bad.code).toBe(2);
  });
});
