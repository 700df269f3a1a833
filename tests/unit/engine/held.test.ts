import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditReview } from '../../../shared/audit/review';
import { postEntry, reverseEntry, updateEntry } from '../../../shared/engine/ops/entries';
import { closeMonth } from '../../../shared/engine/ops/periods';
import { verifyBook } from '../../../shared/engine/verify/verify-book';
import { balanceSheetBalances, computeBalanceSheet } from '../../../shared/finance/balance-sheet';
import { balancesAt } from '../../../shared/finance/balances';
import { heldAt, openAdvances } from '../../../shared/finance/held';
import { journalOfYear } from '../../../shared/finance/journal';
import { placeJournal } from '../../../shared/finance/place-journal';
import { computeStatement, statementBalances } from '../../../shared/finance/statement';
import { statementRows } from '../../../shared/finance/statement-lines';
import { voucherOf } from '../../../shared/finance/voucher-lines';
import { handoverDocx } from '../../../shared/handover/handover-docx';
import { handoverFacts } from '../../../shared/handover/handover-facts';
import type { MemoryStore } from '../../../shared/engine/memory-store';
import { memoryStore, seedBook, TODAY } from './fixture';
import { PYTHON } from '../../support/python';

const lines = (t: Parameters<typeof voucherOf>[0]) => voucherOf(t).lines.map((l) => [l.account, l.debitFen, l.creditFen]);

async function seeded(): Promise<MemoryStore> {
  const store = memoryStore();
  await seedBook(store);
  return store;
}

describe('代管经费 (231)', () => {
  it('raises the bank and the liability when received, lowers both when paid out, and leaves income and spending alone', async () => {
    const store = await seeded();
    const before = computeStatement(store.book, { year: 2026 });
    const bankBefore = balancesAt(store.book, '2026-04-30').bankFen;
    const received = await postEntry(store, {
      date: '2026-04-10',
      place: 'bank',
      accountCode: '231',
      flow: 'in',
      amountFen: 500_000,
      summary: '收职工互助金',
    });
    expect(lines(received)).toEqual([
      ['102 银行存款', 500_000, 0],
      ['231 代管经费', 0, 500_000],
    ]);
    const paid = await postEntry(store, {
      date: '2026-04-20',
      place: 'bank',
      accountCode: '231',
      flow: 'out',
      amountFen: 300_000,
      summary: '上交互助保障费',
    });
    expect(lines(paid)).toEqual([
      ['231 代管经费', 300_000, 0],
      ['102 银行存款', 0, 300_000],
    ]);
    expect(balancesAt(store.book, '2026-04-30').bankFen - bankBefore).toBe(200_000);
    const sheet = computeBalanceSheet(store.book, '2026-04-30');
    expect(sheet.end.custodyFen).toBe(200_000);
    expect(sheet.end.liabilitiesFen).toBe(sheet.end.payableFen + 200_000);
    expect(balanceSheetBalances(sheet)).toBe(true);
    const after = computeStatement(store.book, { year: 2026 });
    expect([after.income.totalFen, after.expense.totalFen]).toEqual([before.income.totalFen, before.expense.totalFen]);
    expect(after.closingHeld.custodyFen).toBe(200_000);
    expect(statementBalances(after)).toBe(true);
    expect(statementRows(after).find((l) => l.label === '含代管经费')?.amountFen).toBe(200_000);
    expect(verifyBook(store.book, TODAY)).toEqual([]);
  });

  it('refuses paying out more than is held, an entry without a direction, editing, and a closed month; a reversal undoes it', async () => {
    const store = await seeded();
    const base = { place: 'bank' as const, accountCode: '231', summary: '互助金' };
    const got = await postEntry(store, { ...base, date: '2026-04-10', flow: 'in', amountFen: 100_000 });
    await expect(postEntry(store, { ...base, date: '2026-04-11', flow: 'out', amountFen: 100_001 })).rejects.toThrow(
      '保存后 2026年4月11日 代管经费将为 -0.01 元：付出的代管经费不能超过收到的',
    );
    await expect(postEntry(store, { ...base, date: '2026-04-11', amountFen: 100 })).rejects.toThrow('收付方向：请选择收到还是付出');
    await expect(postEntry(store, { ...base, date: '2026-01-15', flow: 'in', amountFen: 100 })).rejects.toThrow('已结账');
    await expect(updateEntry(store, got.id, { ...base, date: '2026-04-10', flow: 'in', amountFen: 200_000 })).rejects.toThrow(
      `${got.voucherNumber} 涉及代管经费或借款结算，不能修改`,
    );
    await expect(
      postEntry(store, { date: '2026-04-11', place: 'bank', accountCode: '50102', flow: 'in', amountFen: 100, summary: '球' }),
    ).rejects.toThrow('收付方向：只有代管经费和其他应收款的记录有收付方向');
    const reversal = await reverseEntry(store, got.id, '2026-04-12', '录错');
    expect([reversal.flow, reversal.amountFen]).toEqual(['in', -100_000]);
    expect(heldAt(store.book, '2026-04-30').custodyFen).toBe(0);
    expect(verifyBook(store.book, TODAY)).toEqual([]);
  });
});

describe('借出/预付 (135 其他应收款)', () => {
  async function advanced() {
    const store = await seeded();
    const advance = await postEntry(store, {
      date: '2026-05-06',
      place: 'cash',
      accountCode: '135',
      flow: 'out',
      amountFen: 100_000,
      summary: '张伟借款：组织登山活动',
    });
    return { store, advance };
  }

  it('moves cash to the receivable, settles receipts into spending without touching cash, and takes the rest back in cash', async () => {
    const { store, advance } = await advanced();
    const cashBefore = balancesAt(store.book, '2026-05-05').cashFen;
    expect(lines(advance)).toEqual([
      ['135 其他应收款', 100_000, 0],
      ['101 库存现金', 0, 100_000],
    ]);
    expect(heldAt(store.book, '2026-05-06').receivableFen).toBe(100_000);
    expect(computeStatement(store.book, { year: 2026, month: 5 }).expense.totalFen).toBe(0);

    const settled = await postEntry(store, {
      date: '2026-05-20',
      place: 'bank',
      accountCode: '50102',
      amountFen: 80_000,
      summary: '登山活动报销',
      advanceId: advance.id,
    });
    // Shown under the place the advance left; the receipts move no money now.
    expect(settled.place).toBe('cash');
    expect(lines(settled)).toEqual([
      ['501 职工活动支出', 80_000, 0],
      ['135 其他应收款', 0, 80_000],
    ]);
    expect(balancesAt(store.book, '2026-05-20').cashFen).toBe(cashBefore - 100_000);
    await expect(
      postEntry(store, {
        date: '2026-05-21',
        place: 'cash',
        accountCode: '50102',
        amountFen: 20_001,
        summary: '超',
        advanceId: advance.id,
      }),
    ).rejects.toThrow(`借款：${advance.voucherNumber} 当日尚未结算 200.00 元，结算 200.01 元超出了；超出部分请另记一笔支出`);
    await expect(
      postEntry(store, { date: '2026-05-21', place: 'cash', accountCode: '135', flow: 'in', amountFen: 100, summary: '退' }),
    ).rejects.toThrow('借款：退回余款请选择结算哪一笔借款');
    await expect(
      postEntry(store, { date: '2026-05-01', place: 'cash', accountCode: '50102', amountFen: 100, summary: '早', advanceId: advance.id }),
    ).rejects.toThrow('不能在此之前结算');
    await expect(reverseEntry(store, advance.id, '2026-05-22', '借错了')).rejects.toThrow(
      `${advance.voucherNumber} 借款已结算 800.00 元，保存后将超出借款 800.00 元；请先冲销结算记录`,
    );

    const returned = await postEntry(store, {
      date: '2026-05-21',
      place: 'cash',
      accountCode: '135',
      flow: 'in',
      amountFen: 20_000,
      summary: '张伟退回借款余额',
      advanceId: advance.id,
    });
    expect(lines(returned)).toEqual([
      ['101 库存现金', 20_000, 0],
      ['135 其他应收款', 0, 20_000],
    ]);
    expect(balancesAt(store.book, '2026-05-21').cashFen).toBe(cashBefore - 80_000);
    expect(openAdvances(store.book.transactions, '2026-05-31')).toEqual([]);

    const may = computeStatement(store.book, { year: 2026, month: 5 });
    expect([may.income.totalFen, may.expense.totalFen]).toEqual([0, 80_000]);
    expect(statementBalances(may)).toBe(true);
    const sheet = computeBalanceSheet(store.book, '2026-05-31');
    expect(sheet.end.receivableFen).toBe(0);
    expect(balanceSheetBalances(computeBalanceSheet(store.book, '2026-05-10'))).toBe(true);
    expect(computeBalanceSheet(store.book, '2026-05-10').end.receivableFen).toBe(100_000);

    // The cash journal has the advance (out) and the return (in); the settlement moved no cash.
    const cash = placeJournal(journalOfYear(store.book, 2026), 'cash').rows.filter((r) => r.row.transaction.date.startsWith('2026-05'));
    expect(cash.map((r) => [r.row.transaction.voucherNumber, r.inFen, r.outFen])).toEqual([
      [advance.voucherNumber, 0, 100_000],
      [returned.voucherNumber, 20_000, 0],
    ]);
    expect(verifyBook(store.book, TODAY)).toEqual([]);
  });

  it('carries custody and open advances into the next year when December closes, and the audit checks all pass', async () => {
    const { store, advance } = await advanced();
    await postEntry(store, { date: '2026-06-01', place: 'bank', accountCode: '231', flow: 'in', amountFen: 50_000, summary: '互助金' });
    await postEntry(store, {
      date: '2026-06-02',
      place: 'cash',
      accountCode: '50102',
      amountFen: 30_000,
      summary: '报销',
      advanceId: advance.id,
    });
    const later = memoryStore(store.book, '2027-02-01');
    for (let m = 2; m <= 12; m++) await closeMonth(later, `2026-${String(m).padStart(2, '0')}`);
    const carried = later.book.openingBalances.find((r) => r.deleted === 0 && r.year === 2027);
    expect([carried?.custodyFen, carried?.receivableFen]).toEqual([50_000, 70_000]);
    const sheet2027 = computeBalanceSheet(later.book, '2027-01-31');
    expect([sheet2027.yearStart.custodyFen, sheet2027.yearStart.receivableFen]).toEqual([50_000, 70_000]);
    expect(balanceSheetBalances(sheet2027)).toBe(true);
    // An advance of last year is still open, and is settled in the new year.
    await postEntry(later, {
      date: '2027-01-10',
      place: 'cash',
      accountCode: '50102',
      amountFen: 70_000,
      summary: '报销',
      advanceId: advance.id,
    });
    expect(computeBalanceSheet(later.book, '2027-01-31').end.receivableFen).toBe(0);
    expect(verifyBook(later.book, '2027-02-01')).toEqual([]);
    const review = auditReview(later.book, 2026, '2027-02-01');
    expect(review.checks.filter((c) => !c.ok && c.key !== 'bank')).toEqual([]);
    expect(review.checks.find((c) => c.key === 'statement')?.detail).toContain('代管经费增减 500.00 元 − 其他应收款增减 700.00 元');
  });

  it('lists advances still open in the handover facts and the 交接清单 (read by python-docx)', async () => {
    const { store, advance } = await advanced();
    await postEntry(store, {
      date: '2026-05-20',
      place: 'cash',
      accountCode: '50102',
      amountFen: 40_000,
      summary: '报销',
      advanceId: advance.id,
    });
    const facts = handoverFacts(store.book, '2026-06-01');
    expect(facts.advances).toEqual([
      { voucherNumber: advance.voucherNumber, date: '2026-05-06', summary: '张伟借款：组织登山活动', openFen: 60_000 },
    ]);
    expect(facts.checks.find((c) => c.key === 'advances')?.detail).toBe('1 笔借款尚未报销结清，共 600.00 元，逐笔列入交接清单');
    const dir = await mkdtemp(join(tmpdir(), 'ub-advances-'));
    try {
      const path = join(dir, '交接清单.docx');
      await writeFile(path, await handoverDocx(facts, { from: '张三', to: '李四', supervisor: '王五', backupFile: 'b.ubk' }));
      const reader =
        'import json,sys,docx\nd=docx.Document(sys.argv[1])\nprint(json.dumps([[[c.text for c in r.cells] for r in t.rows] for t in d.tables],ensure_ascii=False))';
      const tables = JSON.parse(execFileSync(PYTHON, ['-c', reader, path], { encoding: 'utf8' })) as string[][][];
      const open = tables.find((t) => t[0]?.[3] === '未结金额（元）');
      expect(open?.slice(1)).toEqual([
        [advance.voucherNumber, '2026-05-06', '张伟借款：组织登山活动', '600.00'],
        ['合计', '', '', '600.00'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('verify on 代管经费 and advances', () => {
  it('reports a 231 entry without a direction, a settlement of no advance, and an advance settled beyond its amount', async () => {
    const store = await seeded();
    const custody = await postEntry(store, {
      date: '2026-04-10',
      place: 'bank',
      accountCode: '231',
      flow: 'in',
      amountFen: 10_000,
      summary: '互助金',
    });
    const advance = await postEntry(store, {
      date: '2026-04-11',
      place: 'bank',
      accountCode: '135',
      flow: 'out',
      amountFen: 10_000,
      summary: '借款',
    });
    const settled = await postEntry(store, {
      date: '2026-04-12',
      place: 'bank',
      accountCode: '50102',
      amountFen: 10_000,
      summary: '报销',
      advanceId: advance.id,
    });
    expect(verifyBook(store.book, TODAY)).toEqual([]);
    const tampered = {
      ...store.book,
      transactions: store.book.transactions.map((t) =>
        t.id === custody.id ? { ...t, flow: undefined } : t.id === settled.id ? { ...t, amountFen: 12_000 } : t,
      ),
    };
    const messages = verifyBook(tampered, TODAY).map((p) => p.message);
    expect(messages).toContain('收付方向：请选择收到还是付出');
    expect(messages).toContain('借款已结算 120.00 元，超出借款 20.00 元');
    const orphan = {
      ...store.book,
      transactions: store.book.transactions.map((t) => (t.id === settled.id ? { ...t, advanceId: custody.id } : t)),
    };
    expect(verifyBook(orphan, TODAY).map((p) => p.message)).toContain('结算的借款不存在');
  });
});
