import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBook, writeBook } from '../../../server/cli/io';
import { computeBalanceSheet } from '../../../shared/finance/balance-sheet';
import { computeStatement } from '../../../shared/finance/statement';
import { emptyBook } from '../../../shared/model/book';
import { runCli } from '../cli/capture';
import { memoryStore, seedBook } from '../engine/fixture';
import { readSheets } from './openpyxl';

describe('unionbooks books add: 代管经费 and advances', () => {
  it('books them with --flow and --settle, the 资产负债表 shows them (read by openpyxl), the 收入支出表 only the spending', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'held-cli-'));
    const path = join(dir, 'book.ubk');
    const start = emptyBook();
    await seedBook(memoryStore(start));
    await writeBook(path, start);
    const before = computeStatement(start, { year: 2026, month: 5 });
    const run = async (...argv: string[]) => {
      const r = await runCli('books', 'add', ...argv, '--book', path);
      expect(r.err, argv.join(' ')).toBe('');
      return r.out;
    };
    expect(
      await run(
        '--date',
        '2026-05-06',
        '--account',
        '231',
        '--flow',
        'in',
        '--amount',
        '3000',
        '--place',
        'bank',
        '--summary',
        '收职工互助金',
      ),
    ).toMatch(/已记账：记-\d+ 2026-05-06 231 代管经费 3,000.00 元（银行存款），收到 收职工互助金/);
    const advance = /已记账：(记-\d+)/.exec(
      await run('--date', '2026-05-07', '--account', '135', '--amount', '1000', '--place', 'cash', '--summary', '张伟借款：登山活动'),
    )![1]!;
    expect(
      await run('--date', '2026-05-20', '--account', '50102', '--amount', '700', '--settle', advance, '--summary', '登山活动报销'),
    ).toContain('以借款报销');
    // Still open: 300.00 of the advance.
    const refused = await runCli(
      'books',
      'add',
      '--date',
      '2026-05-21',
      '--account',
      '50102',
      '--amount',
      '300.01',
      '--settle',
      advance,
      '--summary',
      '超',
      '--book',
      path,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain(`借款：${advance} 当日尚未结算 300.00 元`);
    const custodyOut = await runCli(
      'books',
      'add',
      '--date',
      '2026-05-22',
      '--account',
      '231',
      '--amount',
      '1',
      '--place',
      'bank',
      '--summary',
      '无方向',
      '--book',
      path,
    );
    expect(custodyOut.err).toContain('收付方向：请选择收到还是付出');

    const book = await readBook(path);
    const sheet = computeBalanceSheet(book, '2026-05-31');
    expect([sheet.end.custodyFen, sheet.end.receivableFen]).toEqual([300_000, 30_000]);
    const may = computeStatement(book, { year: 2026, month: 5 });
    expect([may.income.totalFen - before.income.totalFen, may.expense.totalFen - before.expense.totalFen]).toEqual([0, 70_000]);
    expect((await runCli('verify', path)).code).toBe(0);

    const out = join(dir, '资产负债表.xlsx');
    expect((await runCli('export', 'balance-sheet', '--year', '2026', '--month', '5', '--book', path, '--out', out)).code).toBe(0);
    const [b] = readSheets(out);
    const row = (label: string) => b!.rows.find((r) => r.some((c) => typeof c === 'string' && c.trim() === label))!;
    expect(row('其他应收款').slice(1, 3)).toEqual([0, 300]);
    expect(row('代管经费').slice(4, 6)).toEqual([0, 3000]);
    const totals = row('资产合计');
    expect(totals[5]).toBe(totals[2]);
  });
});
