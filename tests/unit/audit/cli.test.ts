import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBook } from '../../../server/cli/io';
import { auditReview } from '../../../shared/audit/review';
import { importBankStatement } from '../../../shared/engine/ops/bank';
import { closeThrough, openBooks } from '../../../shared/engine/ops/periods';
import { bankFixture, journalBook } from '../bank/book';
import { runCli } from '../cli/capture';

const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unionbooks audit', () => {
  it('prints the review the app shows and exits 0 when every check holds', async () => {
    const store = await journalBook({
      extra: [
        { date: '2025-10-31', account: '408', yuan: 38.4, summary: '银行结息' },
        { date: '2025-11-30', account: '510', yuan: 15, summary: '银行手续费' },
      ],
    });
    await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    await closeThrough(store, '2025-11');
    const path = join(dir, 'sound.ubk');
    await writeBook(path, store.book);
    const before = readFileSync(path);
    const text = await runCli('audit', '--year', '2025', '--date', '2025-12-15', '--book', path);
    expect(text.code).toBe(0);
    expect(text.out).toContain('记账凭证：记-001 至 记-012，共 12 张');
    expect(text.out).toContain('银行对账：10月相符，11月相符');
    expect(text.out.split('\n').at(-1)).toBe('11 项核对全部相符');
    const json = await runCli('audit', '--year', '2025', '--date', '2025-12-15', '--book', path, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual(JSON.parse(JSON.stringify(auditReview(store.book, 2025, '2025-12-15'))));
    expect(readFileSync(path)).toEqual(before);
  });

  it('names each failing check with its difference and exits 3', async () => {
    const store = await journalBook();
    await openBooks(store, { month: '2025-10', cashFen: 200_000, bankFen: 8_010_000 });
    await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    const path = join(dir, 'faulty.ubk');
    await writeBook(path, store.book);
    const r = await runCli('audit', '--year', '2025', '--date', '2025-12-15', '--book', path);
    expect(r.code).toBe(3);
    expect(r.out).toContain('不相符  银行存款与银行对账单相符：余额调节不符：2025年10月相差 100.00 元；2025年11月相差 100.00 元');
    expect(r.out).toContain('不相符  已结束的月份均已结账：未结账：2025年10月至11月');
    expect(r.out.split('\n').at(-1)).toBe('11 项核对中 2 项不相符');
  });

  it('refuses a malformed year with its usage', async () => {
    expect(await runCli('audit', '--year', '25', '--book', join(dir, 'none.ubk'))).toMatchObject({ code: 2 });
  });
});
