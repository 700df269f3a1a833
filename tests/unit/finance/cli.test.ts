import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../server/cli/main';
import { writeBook } from '../../../server/cli/io';
import { handBook } from './fixture';
import { readSheets, rowOf } from './openpyxl';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('unionbooks export journal|statement', () => {
  const dir = mkdtempSync(join(tmpdir(), 'finance-cli-'));
  const bookPath = join(dir, 'book.ubk');

  it('exports the year statement and the journal of a book file', async () => {
    await writeBook(bookPath, handBook());
    const s = capture();
    const stmt = join(dir, 'stmt.xlsx');
    expect(await main(['export', 'statement', '--year', '2025', '--book', bookPath, '--out', stmt], s.io)).toBe(0);
    expect(s.out.join('\n')).toContain('收入 1,600.00 元，支出 900.00 元，结余 700.00 元');
    const [ws] = readSheets(stmt);
    if (!ws) throw new Error('no sheet');
    expect(rowOf(ws, '五、期末结余（期初结余 + 本期结余）')[2]).toBe(14700);

    const j = capture();
    const journal = join(dir, 'journal.xlsx');
    expect(await main(['export', 'journal', '--year', '2025', '--book', bookPath, '--out', journal], j.io)).toBe(0);
    expect(j.out.join('\n')).toContain('6 笔，年末结余 14,700.00 元');
    expect(readSheets(journal).map((x) => x.title)).toEqual(['收支明细账', '库存现金日记账', '银行存款日记账']);
  });

  it('exports a month statement with --month', async () => {
    await writeBook(bookPath, handBook());
    const c = capture();
    const out = join(dir, 'feb.xlsx');
    expect(await main(['export', 'statement', '--year', '2025', '--month', '2', '--book', bookPath, '--out', out], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('2025年2月收入支出表');
  });

  it('refuses a missing year with usage exit code and a Chinese message', async () => {
    const c = capture();
    expect(await main(['export', 'statement', '--book', bookPath, '--out', join(dir, 'x.xlsx')], c.io)).toBe(2);
    expect(c.err[0]).toBe('缺少或无效的参数 --year（如 2025）');
    const m = capture();
    expect(
      await main(['export', 'journal', '--year', '2025', '--book', join(dir, 'missing.ubk'), '--out', join(dir, 'y.xlsx')], m.io),
    ).toBe(1);
  });
});
