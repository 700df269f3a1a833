import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { receiveAllocation } from '../../../shared/engine/ops/allocation';
import { postPurchase } from '../../../shared/engine/ops/purchase';
import { memoryStore, seedBook } from './fixture';

const entry = { date: '2026-03-10', place: 'bank' as const, accountCode: '50702', amountFen: 120_000, summary: '购置打印机' };
const asset = { name: '打印机', category: 'general' as const, valueFen: 120_000, location: '工会办公室', keeper: '李会计' };

describe('记一笔 with what belongs to it, in one step', () => {
  it('a 资本性支出 and its fixed asset are written together, dated and linked to the entry', async () => {
    const store = memoryStore();
    await seedBook(store);
    const { transaction, asset: saved } = await postPurchase(store, entry, asset);
    expect([saved.transactionId, saved.acquiredDate, saved.valueFen, saved.name]).toEqual([
      transaction.id,
      '2026-03-10',
      120_000,
      '打印机',
    ]);
  });

  it('a refused registration leaves no entry behind', async () => {
    const store = memoryStore();
    await seedBook(store);
    const before = store.book.transactions.length;
    await expect(postPurchase(store, entry, { ...asset, valueFen: 150_000 })).rejects.toThrow(
      '原值：记-006 支出 1,200.00 元，已登记 0.00 元，再登记 1,500.00 元就超过了',
    );
    await expect(postPurchase(store, { ...entry, amountFen: 90_000 }, { ...asset, valueFen: 90_000 })).rejects.toThrow(
      '原值：一般设备单价 1,000.00 元以上才作为固定资产登记',
    );
    expect(store.book.transactions.length).toBe(before);
    expect(store.book.fixedAssets).toHaveLength(0);
  });

  it('a full 拨缴 receipt keeps its scans with the voucher', async () => {
    const store = memoryStore();
    await seedBook(store);
    const file = { name: '拨缴回单.jpg', mimeType: 'image/jpeg', data: new Uint8Array([1, 2, 3]) };
    const tx = await receiveAllocation(store, { date: '2026-03-10', place: 'bank', amountFen: 1_000_000, files: [file] });
    expect(tx.attachmentIds).toHaveLength(1);
    expect(store.book.attachments.find((a) => a.id === tx.attachmentIds[0])?.name).toBe('拨缴回单.jpg');
  });
});
