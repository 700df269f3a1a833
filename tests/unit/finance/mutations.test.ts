import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { BookError } from '../../../shared/engine/errors';
import { postEntry, reverseEntry, updateEntry } from '../../../shared/engine/ops/entries';
import { closeMonth, reopenMonth, setBudget, setOpeningBalance } from '../../../shared/engine/ops/periods';
import { loadFinanceBook } from '../../../renderer/src/features/finance/load';
import { computeStatement } from '../../../shared/finance/statement';

let db: UnionBooksDB;
let mutator: Mutator;
let store: DexieStore;
/** The same database as a user on another day sees it (closing needs the month to be over). */
const on = (today: string) => new DexieStore(db, mutator, () => today);
let count = 0;

beforeEach(async () => {
  db = new UnionBooksDB(`finance-${++count}`);
  await db.open();
  mutator = await openMutator(db);
  store = new DexieStore(db, mutator, () => '2026-12-01');
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const entry = (date: string, accountCode = '50105', amountFen = 20_000) => ({
  date,
  place: 'bank' as const,
  accountCode,
  amountFen,
  summary: '生日蛋糕',
  activityId: '',
  welfareId: '',
});

describe('posting and closed months (Dexie on fake-indexeddb)', () => {
  it('numbers vouchers per year and stores attachments with the entry', async () => {
    const a = await postEntry(store, entry('2025-01-05'), [{ name: '发票.jpg', mimeType: 'image/jpeg', data: new Uint8Array([1, 2, 3]) }]);
    const b = await postEntry(store, entry('2025-01-06'), []);
    const c = await postEntry(store, entry('2026-01-02'), []);
    expect([a.voucherNumber, b.voucherNumber, c.voucherNumber]).toEqual(['记-001', '记-002', '记-001']);
    const [file] = await db.attachments.bulkGet(a.attachmentIds);
    expect(file?.name).toBe('发票.jpg');
    expect(Array.from(file?.data ?? [])).toEqual([1, 2, 3]);
  });

  it('postTransaction into a closed month throws the Chinese message and writes nothing', async () => {
    await postEntry(store, entry('2025-01-05'), []);
    await closeMonth(on('2025-03-01'), '2025-01');
    const before = await db.transactions.count();
    const changes = await db.$changes.count();
    await expect(postEntry(store, entry('2025-01-20'))).rejects.toThrow(BookError);
    await expect(postEntry(store, entry('2025-01-20'))).rejects.toThrow('2025年1月已结账，不能修改');
    // All-or-nothing: the attachment of a refused entry is not kept either.
    await expect(
      postEntry(store, entry('2025-01-21'), [{ name: 'x.png', mimeType: 'image/png', data: new Uint8Array([9]) }]),
    ).rejects.toThrow(BookError);
    expect(await db.transactions.count()).toBe(before);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.$changes.count()).toBe(changes);
  });

  it('an entry of a closed month cannot be edited, nor an entry moved into one', async () => {
    const jan = await postEntry(store, entry('2025-01-05'), []);
    const feb = await postEntry(store, entry('2025-02-05'), []);
    await closeMonth(on('2025-03-01'), '2025-01');
    await expect(updateEntry(store, jan.id, { ...entry('2025-01-05'), amountFen: 1 }, [])).rejects.toThrow('2025年1月已结账');
    await expect(updateEntry(store, feb.id, entry('2025-01-31'), [])).rejects.toThrow(BookError);
    expect((await db.transactions.get(jan.id))?.amountFen).toBe(20_000);
    const edited = await updateEntry(store, feb.id, { ...entry('2025-02-06'), amountFen: 30_000 }, []);
    expect([edited.date, edited.amountFen, edited.voucherNumber]).toEqual(['2025-02-06', 30_000, '记-002']);
  });

  it('红字冲销 of a closed-month entry goes into an open month; reversing twice is refused', async () => {
    const jan = await postEntry(store, entry('2025-01-05'), []);
    await closeMonth(on('2025-03-01'), '2025-01');
    const r = await reverseEntry(store, jan.id, '2025-02-10', '金额记错');
    expect([r.amountFen, r.reversalOf, r.summary, r.voucherNumber]).toEqual([-20_000, jan.id, '冲销 记-001：金额记错', '记-002']);
    await expect(reverseEntry(store, jan.id, '2025-02-11', '再冲')).rejects.toThrow(BookError);
    await expect(reverseEntry(store, r.id, '2025-02-11', '再冲')).rejects.toThrow('本身是冲销记录');
    const s = computeStatement(await loadFinanceBook(db, 2025), { year: 2025 });
    expect(s.expense.totalFen).toBe(0);
  });

  it('reopening records its reason; then the month can be edited again', async () => {
    const jan = await postEntry(store, entry('2025-01-05'), []);
    await closeMonth(on('2025-03-01'), '2025-01');
    await closeMonth(on('2025-03-01'), '2025-02');
    await expect(closeMonth(on('2025-03-01'), '2025-04')).rejects.toThrow('还没有结束');
    await expect(reopenMonth(on('2025-03-01'), '2025-01', '更正摘要')).rejects.toThrow('请先反结账2025年2月');
    await expect(reopenMonth(on('2025-03-01'), '2025-02', '')).rejects.toThrow('请填写反结账原因');
    await reopenMonth(on('2025-03-01'), '2025-02', '更正摘要');
    await reopenMonth(on('2025-03-01'), '2025-01', '更正摘要');
    const rows = await db.monthCloses.where('month').equals('2025-01').toArray();
    expect(rows.map((r) => [r.closed, r.reopenReason])).toEqual([
      [true, ''],
      [false, '更正摘要'],
    ]);
    await updateEntry(store, jan.id, { ...entry('2025-01-05'), summary: '生日蛋糕（更正）' }, []);
    expect((await db.transactions.get(jan.id))?.summary).toBe('生日蛋糕（更正）');
  });

  it('opening balances and budgets are upserted, the loaded book carries them', async () => {
    await setOpeningBalance(store, 2025, 100_000, 200_000);
    await setOpeningBalance(store, 2025, 150_000, 200_000);
    expect((await db.openingBalances.toArray()).filter((r) => r.deleted === 0)).toHaveLength(1);
    await postEntry(store, { ...entry('2025-05-01', '402', 50_000), place: 'bank' }, []);
    await postEntry(store, entry('2025-06-01', '50102', 30_000), []);
    const s = computeStatement(await loadFinanceBook(db, 2026), { year: 2026 });
    expect(s.opening).toEqual({ cashFen: 150_000, bankFen: 220_000 });
    await setBudget(store, 2025, '501', 60_000);
    await setBudget(store, 2025, '501', 50_000);
    expect((await db.budgets.toArray()).map((b) => b.amountFen)).toEqual([50_000]);
    await expect(setBudget(store, 2025, '999', 1)).rejects.toThrow('请选择预算科目');
  });

  it('bad input is refused with every field named, nothing written', async () => {
    await expect(postEntry(store, { ...entry('2025-01-05', '501', -5), summary: '' }, [])).rejects.toThrow(
      '科目：501 有明细科目，请选到明细科目；金额：必须大于 0；更正已记的金额请用红字冲销；摘要：请填写摘要',
    );
    expect(await db.transactions.count()).toBe(0);
  });
});
