import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { payUpward, receiveAllocation } from '../../../shared/engine/ops/allocation';
import { disposeAsset, registerAsset, removeAsset } from '../../../shared/engine/ops/assets';
import { postEntry, removeAttachment, reverseEntry, updateEntry } from '../../../shared/engine/ops/entries';
import { skipBankMonth } from '../../../shared/engine/ops/bank';
import { closeMonth, closeThrough, monthsToClose, reopenMonth } from '../../../shared/engine/ops/periods';
import { updateUnion } from '../../../shared/engine/ops/union';
import { verifyBook } from '../../../shared/engine/verify/verify-book';
import { splitAllocation } from '../../../shared/finance/allocation';
import { computeBalanceSheet } from '../../../shared/finance/balance-sheet';
import { offersAssetRegistration } from '../../../shared/finance/fixed-assets';
import { voucherOf } from '../../../shared/finance/voucher-lines';
import type { BookTables } from '../../../shared/model/book';
import { freshDb } from '../db/helpers';
import { memoryStore, seedBook, TODAY } from './fixture';

const file = { name: '发票.jpg', mimeType: 'image/jpeg', data: new Uint8Array([1, 2, 3]) };

describe('拨缴经费', () => {
  it('splits a full receipt by the share on the union profile, half a fen rounding up, and the parts add up', async () => {
    expect(splitAllocation(1_000_055, 6000)).toEqual({ shareFen: 600_033, payableFen: 400_022 });
    expect(splitAllocation(1_000_005, 6000)).toEqual({ shareFen: 600_003, payableFen: 400_002 });
    const store = memoryStore();
    await seedBook(store);
    const union = store.book.union[0]!;
    await updateUnion(store, union.id, { allocationShareBasisPoints: 7000 });
    const tx = await receiveAllocation(store, { date: '2026-03-10', place: 'bank', amountFen: 1_000_000 });
    expect([tx.accountCode, tx.amountFen, tx.payableFen]).toEqual(['402', 1_000_000, 300_000]);
    expect(tx.summary).toBe('收到拨缴经费 10,000.00 元，留成 70%，应上缴 3,000.00 元');
    // One voucher: 借 银行存款, 贷 拨缴经费收入 and 应付上级经费.
    expect(voucherOf(tx).lines.map((l) => [l.account, l.debitFen, l.creditFen])).toEqual([
      ['102 银行存款', 1_000_000, 0],
      ['402 拨缴经费收入', 0, 700_000],
      ['221 应付上级经费', 0, 300_000],
    ]);
  });

  it('keeps the liability whole: no editing a split receipt, no reversing it once its upward part is paid, no 221 through 记一笔', async () => {
    const store = memoryStore();
    await seedBook(store);
    const tx = await receiveAllocation(store, { date: '2026-03-10', place: 'bank', amountFen: 1_000_000 });
    await expect(
      updateEntry(store, tx.id, { date: '2026-03-10', place: 'bank', accountCode: '402', amountFen: 2_000_000, summary: '改' }),
    ).rejects.toThrow(`${tx.voucherNumber} 含应付上级经费，不能修改；如有错误请冲销后重新登记`);
    await expect(
      postEntry(store, { date: '2026-03-11', place: 'bank', accountCode: '221', amountFen: 100, summary: '上缴' }),
    ).rejects.toThrow('科目：上缴上级经费请用“上缴经费”登记');
    await payUpward(store, { date: '2026-03-15', place: 'bank', amountFen: 400_000 });
    await expect(reverseEntry(store, tx.id, '2026-03-20', '金额错')).rejects.toThrow('应付上级经费将为 -4,000.00 元');
    expect(verifyBook(store.book, TODAY)).toEqual([]);
  });
});

describe('fixed assets', () => {
  it('offers registration from 1,000 yuan (1,500 for special equipment), registers from the 507 entry, and disposes with a reason', async () => {
    expect([
      offersAssetRegistration('50702', 99_999),
      offersAssetRegistration('50702', 100_000),
      offersAssetRegistration('50703', 149_999),
      offersAssetRegistration('50703', 150_000),
      offersAssetRegistration('50105', 500_000),
    ]).toEqual([false, true, false, true, false]);
    const { store } = await freshDb();
    await seedBook(store);
    const tx = await postEntry(store, { date: '2026-05-08', place: 'bank', accountCode: '50703', amountFen: 200_000, summary: '购置音响' });
    const input = {
      name: '音响',
      category: 'special' as const,
      acquiredDate: '2026-05-08',
      valueFen: 120_000,
      location: '',
      keeper: '',
      transactionId: tx.id,
    };
    await expect(registerAsset(store, input)).rejects.toThrow('原值：专用设备单价 1,500.00 元以上才作为固定资产登记');
    await expect(registerAsset(store, { ...input, valueFen: 250_000 })).rejects.toThrow('再登记 2,500.00 元就超过了');
    const asset = await registerAsset(store, { ...input, valueFen: 200_000 });
    await expect(reverseEntry(store, tx.id, '2026-05-20', '退货')).rejects.toThrow('已登记为固定资产（音响）');
    expect(computeBalanceSheet({ ...(await bookOf(store)) }, '2026-05-31').end.fixedAssetsFen).toBe(200_000);
    await expect(disposeAsset(store, asset.id, '2026-06-01', ' ')).rejects.toThrow('处置原因：请填写');
    await disposeAsset(store, asset.id, '2026-06-01', '报废');
    const book = await bookOf(store);
    expect(computeBalanceSheet(book, '2026-05-31').end.fixedAssetsFen).toBe(200_000);
    expect(computeBalanceSheet(book, '2026-06-30').end.fixedAssetsFen).toBe(0);
    await expect(removeAsset(store, asset.id)).rejects.toThrow('已处置');
  });
});

async function bookOf(store: { all: (t: never) => Promise<unknown[]> }): Promise<BookTables> {
  const all = store.all.bind(store) as (t: string) => Promise<unknown[]>;
  return {
    transactions: await all('transactions'),
    openingBalances: await all('openingBalances'),
    fixedAssets: await all('fixedAssets'),
  } as unknown as BookTables;
}

describe('结账至', () => {
  it('closes every open month up to the one named in one step, and refuses while a check fails unless the bank is skipped', async () => {
    const store = memoryStore();
    await seedBook(store);
    expect(await monthsToClose(store, '2026-10')).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    await expect(closeThrough(store, '2026-10')).rejects.toThrow(
      '结账前检查未通过：银行存款已与银行对账单核对（2026年2月还没有导入银行对账单；2026年3月还没有导入银行对账单；2026年4月还没有导入银行对账单等 9 个月）',
    );
    expect(store.book.monthCloses).toHaveLength(1);
    const dry = await closeThrough(store, '2026-10', { dryRun: true, bank: { reconciled: true, detail: '10月末余额一致' } });
    expect(dry.checks.map((c) => [c.key, c.ok])).toEqual([
      ['cash', true],
      ['payable', true],
      ['dues', true],
      ['bank', true],
    ]);
    expect(store.book.monthCloses).toHaveLength(1);
    const done = await closeThrough(store, '2026-10', { bank: { reconciled: true, detail: '10月末余额一致' } });
    expect(done.months).toHaveLength(9);
    await expect(closeThrough(store, '2026-10', { skipBank: true })).rejects.toThrow('2026年10月及以前的月份都已结账');
  });

  it('reads the bank check from the reconciliation kept in the book: months skipped there with a reason pass', async () => {
    const store = memoryStore();
    await seedBook(store);
    for (const month of ['2026-02', '2026-03']) await skipBankMonth(store, month, '本月无银行对账单');
    const dry = await closeThrough(store, '2026-03', { dryRun: true });
    const bank = dry.checks.find((c) => c.key === 'bank')!;
    expect([bank.ok, bank.skipped]).toEqual([true, false]);
    expect(bank.detail).toContain('2026年2月银行对账已跳过：本月无银行对账单');
    expect((await closeThrough(store, '2026-03')).months).toEqual(['2026-02', '2026-03']);
    // April has neither a statement nor a skip: closing it needs one or the other.
    await expect(closeThrough(store, '2026-04')).rejects.toThrow('2026年4月还没有导入银行对账单');
  });

  it('a closed December carries the year into the next; reopening it removes the carried row and keeps the reason', async () => {
    const store = memoryStore(undefined, '2027-02-01');
    await seedBook(store);
    await receiveAllocation(store, { date: '2026-11-10', place: 'bank', amountFen: 100_000 });
    await closeThrough(store, '2026-12', { skipBank: true });
    const carried = () => store.book.openingBalances.filter((r) => r.deleted === 0 && r.carried);
    expect(carried().map((r) => [r.year, r.payableFen])).toEqual([[2027, 40_000]]);
    expect(verifyBook(store.book, '2027-02-01')).toEqual([]);
    await reopenMonth(store, '2026-12', '补记利息收入');
    expect(carried()).toEqual([]);
    expect(store.book.monthCloses.at(-1)).toMatchObject({ month: '2026-12', closed: false, reopenReason: '补记利息收入' });
    await closeMonth(store, '2026-12');
    expect(carried()).toHaveLength(1);
  });
});

describe('attachments', () => {
  it('are removed (tombstoned) from an entry in an open month, not from one in a closed month', async () => {
    const { db, store } = await freshDb();
    await seedBook(store);
    const open = await postEntry(store, { date: '2026-03-05', place: 'bank', accountCode: '50102', amountFen: 10_000, summary: '球' }, [
      file,
    ]);
    const after = await removeAttachment(store, open.id, open.attachmentIds[0]!);
    expect(after.attachmentIds).toEqual([]);
    expect((await db.attachments.get(open.attachmentIds[0]!))?.deleted).toBe(1);
    const jan = (await db.transactions.toArray()).find((t) => t.summary === '生日蛋糕')!;
    await db.transactions.update(jan.id, { attachmentIds: [open.attachmentIds[0]!] });
    await expect(removeAttachment(store, jan.id, open.attachmentIds[0]!)).rejects.toThrow('2026年1月已结账');
  });
});

describe('verify', () => {
  const planted: { name: string; expect: string; plant: (b: BookTables) => void }[] = [
    {
      name: 'more paid upward than owed',
      expect: '上缴超过了应上缴的拨缴经费',
      plant: (b) => {
        const pay = b.transactions.find((t) => t.accountCode === '221')!;
        b.transactions.push({ ...pay, id: 'pay2', voucherNumber: '记-950' });
      },
    },
    {
      name: 'a part owed upward on an entry that is not 402',
      expect: '不是拨缴经费收入，却记有应付上级经费',
      plant: (b) => {
        b.transactions.find((t) => t.summary === '篮球比赛')!.payableFen = 100;
      },
    },
    {
      name: 'a carried opening row that does not match the year it closes',
      expect: '结转的年初余额与2026年末的账面余额不一致',
      plant: (b) => {
        b.openingBalances.find((r) => r.carried)!.bankFen += 1;
      },
    },
    {
      name: 'a fixed asset whose purchase is gone',
      expect: '对应的资本性支出不存在',
      plant: (b) => {
        b.fixedAssets[0]!.transactionId = b.transactions.find((t) => t.summary === '篮球比赛')!.id;
      },
    },
  ];

  for (const p of planted)
    it(`finds ${p.name}`, async () => {
      const store = memoryStore(undefined, '2027-02-01');
      await seedBook(store);
      await receiveAllocation(store, { date: '2026-03-10', place: 'bank', amountFen: 1_000_000 });
      await payUpward(store, { date: '2026-04-10', place: 'bank', amountFen: 300_000 });
      const pc = await postEntry(store, { date: '2026-05-08', place: 'bank', accountCode: '50702', amountFen: 500_000, summary: '电脑' });
      await registerAsset(store, {
        name: '电脑',
        category: 'general',
        acquiredDate: pc.date,
        valueFen: 500_000,
        location: '',
        keeper: '',
        transactionId: pc.id,
      });
      await closeThrough(store, '2026-12', { skipBank: true });
      expect(verifyBook(store.book, '2027-02-01')).toEqual([]);
      const book = structuredClone(store.book);
      p.plant(book);
      expect(
        verifyBook(book, '2027-02-01')
          .map((x) => x.message)
          .join('\n'),
      ).toContain(p.expect);
    });
});
