import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../server/cli/main';
import { readBook, writeBook } from '../../../server/cli/io';
import { todayIso } from '../../../shared/clock/today';
import { buildDuesIndex } from '../../../shared/dues/data';
import { buildYearGrid, formatRate } from '../../../shared/dues/grid';
import { arrearsContextOf, ledgerGrid } from '../../../shared/dues/year-view';
import { checkDuesAgreement } from '../../../shared/dues/agreement';
import { readWithOpenpyxl } from './openpyxl';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('unionbooks dues post / export ledger', () => {
  it('posts a month once, then skips it, and exports the ledger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dues-cli-'));
    const book = join(dir, 'book.ubk');
    expect(await main(['demo', '--out', book, '--members', '40', '--years', '1', '--end', '2025-11'], capture().io)).toBe(0);

    const first = capture();
    expect(await main(['dues', 'post', '--month', '2025-12', '--book', book, '--date', '2025-12-20'], first.io)).toBe(0);
    const posted = Number(/posted=(\d+)/.exec(first.out.join('\n'))?.[1]);
    expect(posted).toBeGreaterThan(30);
    expect(first.out[0]).toContain('2025年12月：登记');

    const second = capture();
    expect(await main(['dues', 'post', '--month', '2025-12', '--book', book, '--date', '2025-12-21'], second.io)).toBe(0);
    expect(second.out.join('\n')).toContain(`posted=0 skipped=${posted}`);

    const after = await readBook(book);
    const batch = after.transactions.filter((t) => t.date === '2025-12-20' && t.accountCode === '401');
    expect(batch).toHaveLength(1);
    expect(batch[0]?.voucherNumber).toMatch(/^记-\d{3}$/);
    expect(checkDuesAgreement(after.duesPayments, after.transactions, 2025).ok).toBe(true);

    const out = join(dir, 'ledger.xlsx');
    const exported = capture();
    expect(await main(['export', 'ledger', '--year', '2025', '--book', book, '--out', out], exported.io)).toBe(0);
    const sheet = readWithOpenpyxl(out);
    expect(sheet.rows[2]?.[17]).toBe('全年合计');
    const totals = sheet.rows.find((r) => r[0] === '合计')!;
    const paid = after.duesPayments.filter((p) => p.month.startsWith('2025')).reduce((s, p) => s + p.amountFen, 0);
    expect(Math.round(Number(totals[17]) * 100)).toBe(paid);
  });

  it('exports the 收缴率 the 会费 page shows: nothing before the start of books is owed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dues-cli-'));
    const path = join(dir, 'book.ubk');
    expect(await main(['demo', '--out', path, '--members', '40', '--years', '1', '--end', '2025-11'], capture().io)).toBe(0);
    // The books start in June: the payments of January to May were never kept here.
    const book = await readBook(path);
    book.openingBalances = book.openingBalances.map((o) => (o.booksStart ? { ...o, month: '2025-06' } : o));
    book.duesPayments = book.duesPayments.filter((p) => p.month >= '2025-06');
    await writeBook(path, book);

    const out = join(dir, 'ledger.xlsx');
    expect(await main(['export', 'ledger', '--year', '2025', '--book', path, '--out', out], capture().io)).toBe(0);
    const totals = readWithOpenpyxl(out).rows.find((r) => r[0] === '合计')!;
    const context = arrearsContextOf(book.union, book.openingBalances);
    const page = ledgerGrid(buildDuesIndex(book), 2025, context, todayIso());
    expect(totals[18]).toBe(`收缴率 ${formatRate(page.collectionRate)}`);
    // Counted from January, the five months before the start would have been owed and unpaid.
    const fromJanuary = buildYearGrid(book, 2025, context.rule);
    expect(fromJanuary.expectedFen).toBeGreaterThan(page.expectedFen);
    expect(fromJanuary.collectionRate).toBeLessThan(page.collectionRate - 0.2);
  });

  it('refuses bad arguments with a usage message and leaves the book alone', async () => {
    const bad = capture();
    expect(await main(['dues', 'post', '--month', '2025-13', '--book', 'x.ubk'], bad.io)).toBe(2);
    expect(bad.err[0]).toContain('--month 应为 YYYY-MM');
    const noYear = capture();
    expect(await main(['export', 'ledger', '--book', 'x.ubk', '--out', 'y.xlsx'], noYear.io)).toBe(2);
  });
});
