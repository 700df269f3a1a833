import { describe, expect, it } from 'vitest';
import { reconcile, reconciliationStatus } from '../../../shared/bank/reconcile';
import {
  autoMatchBank,
  importBankStatement,
  matchBankLine,
  readBankBook,
  removeBankImport,
  skipBankMonth,
  unmatchBank,
  unskipBankMonth,
} from '../../../shared/engine/ops/bank';
import { BookError } from '../../../shared/engine/errors';
import { bankFixture, journalBook } from './book';

const items = (list: { date: string; amountFen: number }[]) => list.map((i) => [i.date, i.amountFen]);

describe('bank reconciliation against a book built through the engine', () => {
  for (const file of ['借贷-明细.csv', '收支-明细.xlsx']) {
    it(`${file}: matches every booked line and the November 调节表 balances, figures by hand`, async () => {
      const store = await journalBook();
      const report = await importBankStatement(store, file, bankFixture(file));
      expect(report).toMatchObject({ read: 11, imported: 11, duplicates: 0, matched: 9 });
      // The bank's interest and fee are not booked; 废品变卖 has not reached the bank.
      expect(report.unmatchedLines.map((l) => [l.date, l.amountFen, l.summary])).toEqual([
        ['2025-10-31', 3840, '结息'],
        ['2025-11-30', -1500, '手续费'],
      ]);
      expect(report.unmatchedEntries.map((e) => [e.date, e.amountFen, e.summary])).toEqual([['2025-11-30', 30_000, '废品变卖收入']]);

      const r = reconcile(await readBankBook(store), '2025-11');
      // Statement 78,612.90 + 300.00 (企业已收银行未收) − 980.00 (企业已付银行未付: clears 12-02) = 77,932.90
      // Journal 77,909.50 + 38.40 (银行已收企业未收) − 15.00 (银行已付企业未付) = 77,932.90
      expect(r.statementBalanceFen).toBe(7_861_290);
      expect(r.journalBalanceFen).toBe(7_790_950);
      expect(items(r.bookReceived)).toEqual([['2025-11-30', 30_000]]);
      expect(items(r.bookPaid)).toEqual([['2025-11-28', 98_000]]);
      expect(items(r.bankReceived)).toEqual([['2025-10-31', 3840]]);
      expect(items(r.bankPaid)).toEqual([['2025-11-30', 1500]]);
      expect(r.adjustedStatementFen).toBe(7_793_290);
      expect(r.adjustedJournalFen).toBe(7_793_290);
      expect(r.balanced).toBe(true);
      expect(r.reasons).toEqual([]);
      expect(reconciliationStatus(await readBankBook(store), '2025-11')).toMatchObject({ state: 'reconciled' });
      // October too: 8,800 and everything before it cleared in October; the interest is the only item.
      const oct = reconcile(await readBankBook(store), '2025-10');
      expect([oct.statementBalanceFen, oct.journalBalanceFen, oct.balanced]).toEqual([7_573_840, 7_570_000, true]);
    });
  }

  it('importing the same statement twice, or the other layout of it, adds nothing', async () => {
    const store = await journalBook();
    await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    const again = await importBankStatement(store, '收支-明细.xlsx', bankFixture('收支-明细.xlsx'));
    expect(again).toMatchObject({ read: 11, imported: 0, duplicates: 11, matched: 0 });
    expect(store.book.bankLines.filter((l) => l.deleted === 0)).toHaveLength(11);
  });

  it('a statement line missing from the journal is reported, exactly that line', async () => {
    const store = await journalBook({
      leaveOut: ['职代会会务费'],
      extra: [
        { date: '2025-10-31', account: '408', yuan: 38.4, summary: '银行结息' },
        { date: '2025-11-30', account: '510', yuan: 15, summary: '银行手续费' },
      ],
    });
    const report = await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    expect(report.unmatchedLines).toEqual([{ date: '2025-11-19', summary: '转账支付 某某宾馆', amountFen: -235_050, rowNumber: 9 }]);
    expect(report.unmatchedEntries.map((e) => e.summary)).toEqual(['废品变卖收入']);
    const r = reconcile(await readBankBook(store), '2025-11');
    expect(items(r.bankPaid)).toEqual([['2025-11-19', 235_050]]);
    expect(r.balanced).toBe(true);
  });

  it('a wrong opening bank balance does not balance, and says by how much and why', async () => {
    const store = await journalBook();
    const { openBooks } = await import('../../../shared/engine/ops/periods');
    await openBooks(store, { month: '2025-10', cashFen: 200_000, bankFen: 7_990_000 });
    await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    const book = await readBankBook(store);
    const r = reconcile(book, '2025-11');
    expect(r.balanced).toBe(false);
    expect(r.differenceFen).toBe(-10_000);
    expect(r.reasons).toEqual([
      '对账单从 2025-10-10 开始：此前日记账的银行存款余额为 79,900.00 元，对账单的期初余额为 80,000.00 元，相差 -100.00 元。请核对开账（或年初）银行存款，以及 2025-10-10 以前的银行收支记录。',
    ]);
    expect(reconciliationStatus(book, '2025-11')).toMatchObject({ state: 'unbalanced', differenceFen: -10_000 });
  });

  it('hand matching: unmatch, refuse a different amount, match again; the matcher is one to one', async () => {
    const store = await journalBook();
    await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    const line = store.book.bankLines.find((l) => l.summary.startsWith('转账支付 某某书店'))!;
    const entry = store.book.transactions.find((t) => t.summary === '职工书屋购书')!;
    await unmatchBank(store, { lineId: line.id });
    expect((await readBankBook(store)).bankMatches.filter((m) => m.deleted === 0)).toHaveLength(8);
    const other = store.book.transactions.find((t) => t.summary === '废品变卖收入')!;
    await expect(matchBankLine(store, line.id, other.id)).rejects.toThrow('金额不一致');
    await expect(matchBankLine(store, line.id, other.id)).rejects.toBeInstanceOf(BookError);
    const m = await matchBankLine(store, line.id, entry.id);
    expect(m.kind).toBe('manual');
    await expect(matchBankLine(store, line.id, entry.id)).rejects.toThrow('已经勾对过');
    expect(await autoMatchBank(store)).toBe(0);
  });

  it('a wrong import is removed with its matches, and the statement can be imported again', async () => {
    const store = await journalBook();
    await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    const importId = store.book.bankLines[0]!.importId;
    expect(await removeBankImport(store, importId)).toBe(11);
    const book = await readBankBook(store);
    expect(book.bankLines.filter((l) => l.deleted === 0)).toEqual([]);
    expect(book.bankMatches.filter((m) => m.deleted === 0)).toEqual([]);
    await expect(removeBankImport(store, importId)).rejects.toThrow('已不存在');
    expect(await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'))).toMatchObject({ imported: 11, matched: 9 });
  });

  it('without a statement the month is not reconciled; a skip with its reason is recorded and can be undone', async () => {
    const store = await journalBook();
    expect(reconciliationStatus(await readBankBook(store), '2025-11')).toMatchObject({ state: 'no-statement' });
    await expect(skipBankMonth(store, '2025-11', '')).rejects.toThrow('原因');
    await skipBankMonth(store, '2025-11', '对账单未到');
    expect(reconciliationStatus(await readBankBook(store), '2025-11')).toEqual({
      month: '2025-11',
      state: 'skipped',
      differenceFen: 0,
      message: '2025年11月银行对账已跳过：对账单未到',
    });
    await unskipBankMonth(store, '2025-11');
    expect(reconciliationStatus(await readBankBook(store), '2025-11').state).toBe('no-statement');
  });
});

describe('verify and bank matches', () => {
  it('a book with matches is sound; a match of unequal amounts written around the engine is named', async () => {
    const { verifyBook } = await import('../../../shared/engine/verify/verify-book');
    const store = await journalBook();
    await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    expect(verifyBook(store.book, '2025-12-15')).toEqual([]);
    const fee = store.book.bankLines.find((l) => l.summary === '手续费')!;
    const income = store.book.transactions.find((t) => t.summary === '废品变卖收入')!;
    await store.insert('bankMatches', [{ lineId: fee.id, transactionId: income.id, kind: 'manual' }]);
    expect(verifyBook(store.book, '2025-12-15').map((p) => p.message)).toEqual([
      `对账单 2025-11-30 的 -15.00 元与 ${income.voucherNumber} 对银行存款的 300.00 元不相等`,
    ]);
  });
});
