import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postEntry } from '../../../shared/engine/ops/entries';
import { closeMonth, openBooks } from '../../../shared/engine/ops/periods';
import { createUnion } from '../../../shared/engine/ops/union';
import { verifyBook } from '../../../shared/engine/verify/verify-book';
import { carriedOpeningRow, openingBalance } from '../../../shared/finance/balances';
import { closingGrants, openingGrants } from '../../../shared/finance/grant-carry';
import { grantNotes } from '../../../shared/finance/special-grants';
import { computeStatement } from '../../../shared/finance/statement';
import { statementXlsx } from '../../../shared/finance/statement-xlsx';
import { emptyBook } from '../../../shared/model/book';
import { memoryStore } from '../engine/fixture';
import { readSheets } from './openpyxl';

const TODAY = '2026-03-01';

/** A 专项 of 20,000.00 received in November 2025, 5,000.00 spent in December, the rest spent in 2026. */
async function grantAcrossYears() {
  const store = memoryStore(emptyBook(), TODAY);
  await createUnion(store, { name: '测试工会委员会', employeeCount: 20, womenEmployeeCount: 8 });
  await openBooks(store, { month: '2025-10', cashFen: 100_000, bankFen: 5_000_000 });
  const purpose = '职工书屋建设';
  await postEntry(store, { date: '2025-11-10', place: 'bank', accountCode: '40302', amountFen: 2_000_000, summary: '专项补助', purpose });
  await postEntry(store, { date: '2025-12-05', place: 'bank', accountCode: '50304', amountFen: 500_000, summary: '书架', purpose });
  await postEntry(store, { date: '2026-01-20', place: 'bank', accountCode: '50304', amountFen: 1_200_000, summary: '图书', purpose });
  return { store, purpose };
}

describe('专项 across years', () => {
  it('carries what was left into the next year, from the entries before December is closed', async () => {
    const { store, purpose } = await grantAcrossYears();
    expect(openingGrants(store.book, 2026)).toEqual([{ purpose, remainingFen: 1_500_000 }]);
    const s = computeStatement(store.book, { year: 2026 });
    expect(s.specialGrants).toEqual([{ purpose, carriedFen: 1_500_000, receivedFen: 0, spentFen: 1_200_000, remainingFen: 300_000 }]);
    expect(grantNotes(s.specialGrants)).toEqual([
      '“职工书屋建设”专项：上年结转 15,000.00 元，收到 0.00 元，已支出 12,000.00 元，结余 3,000.00 元',
    ]);
    // The 2025 statement shows no carry: the grant arrived that year.
    expect(grantNotes(computeStatement(store.book, { year: 2025 }).specialGrants)).toEqual([
      '“职工书屋建设”专项：收到 20,000.00 元，已支出 5,000.00 元，结余 15,000.00 元',
    ]);
  });

  it('closing December stores the carry, and a year read on its own (its entries and that row) gives the same notes', async () => {
    const { store, purpose } = await grantAcrossYears();
    for (const m of ['2025-10', '2025-11', '2025-12']) await closeMonth(store, m);
    const row = store.book.openingBalances.find((r) => r.deleted === 0 && r.year === 2026 && r.carried);
    expect(row?.grants).toEqual([{ purpose, remainingFen: 1_500_000 }]);
    expect(closingGrants(store.book, 2026)).toEqual([{ purpose, remainingFen: 300_000 }]);
    expect(verifyBook(store.book, TODAY)).toEqual([]);

    const whole = computeStatement(store.book, { year: 2026 });
    const entries2026 = store.book.transactions.filter((t) => t.date >= '2026-01-01');
    const alone = {
      transactions: entries2026,
      openingBalances: [carriedOpeningRow(2026, openingBalance(store.book, 2026), openingGrants(store.book, 2026))],
    };
    expect(computeStatement(alone, { year: 2026 }).specialGrants).toEqual(whole.specialGrants);
    // The stored row alone is enough: the 2025 entries are not needed.
    expect(
      computeStatement({ transactions: entries2026, openingBalances: store.book.openingBalances }, { year: 2026 }).specialGrants,
    ).toEqual(whole.specialGrants);

    // A row carried by an earlier version, without the 专项, is passed over rather than read as "none".
    const older = store.book.openingBalances.map((r) => (r.id === row?.id ? { ...r, grants: undefined } : r));
    expect(openingGrants({ transactions: store.book.transactions, openingBalances: older }, 2026)).toEqual([
      { purpose, remainingFen: 1_500_000 },
    ]);
  });

  it('the statement .xlsx states the carried amount in its notes (read by openpyxl)', async () => {
    const { store } = await grantAcrossYears();
    const bytes = await statementXlsx(computeStatement(store.book, { year: 2026 }), {
      unionName: '测试工会委员会',
      chair: '',
      treasurer: '',
      madeOn: TODAY,
    });
    const path = join(mkdtempSync(join(tmpdir(), 'grant-carry-')), '收入支出表.xlsx');
    writeFileSync(path, bytes);
    const cells = readSheets(path)[0]!
      .rows.flat()
      .filter((c): c is string => typeof c === 'string');
    expect(
      cells.some((c) => c.includes('“职工书屋建设”专项：上年结转 15,000.00 元，收到 0.00 元，已支出 12,000.00 元，结余 3,000.00 元')),
    ).toBe(true);
  });
});
