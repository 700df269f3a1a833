import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { paySingle, postDuesMonth, reverseDuesPayment, saveWageBases } from '../../../shared/engine/ops/dues';
import { checkDuesAgreement } from '../../../shared/dues/agreement';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { duesBook } from './fixture';

let db: UnionBooksDB;
let mutator: Mutator;
let store: DexieStore;
let count = 0;

beforeEach(async () => {
  db = new UnionBooksDB(`dues-mutations-${++count}`);
  await db.open();
  mutator = await openMutator(db);
  store = new DexieStore(db, mutator, () => '2026-12-01');
  const f = duesBook();
  for (const [name, dept] of [
    ['张三', '办公室'],
    ['李四', '车间'],
    ['王五', '车间'],
  ] as const)
    f.addMember(name, dept);
  await mutator.replaceBook(f.book);
  const members = await db.members.toArray();
  await saveWageBases(
    store,
    members.map((m, i) => ({ memberId: m.id, year: 2025, baseFen: 500_000 + i * 100_000, existingId: '' })),
  );
});

describe('dues writes through the Mutator', () => {
  it('posts a month in one transaction with its 401 entry and outbox changes, and skips it the second time', async () => {
    const first = await postDuesMonth(store, { month: '2025-03', paidDate: '2025-03-15', rule: DEFAULT_DUES_RULE });
    expect(first.posted).toBe(3);
    const second = await postDuesMonth(store, { month: '2025-03', paidDate: '2025-03-16', rule: DEFAULT_DUES_RULE });
    expect([second.posted, second.skipped]).toEqual([0, 3]);
    expect(await db.duesPayments.count()).toBe(3);
    const txs = await db.transactions.toArray();
    expect(txs).toHaveLength(1);
    expect(txs[0]).toMatchObject({
      accountCode: '401',
      amountFen: 2500 + 3000 + 3500,
      duesBatchId: first.batchId,
      voucherNumber: '记-001',
    });
    expect(await db.$changes.where('table').equals('duesPayments').count()).toBe(3);
  });

  it('pays in cash, reverses, and keeps 401 equal to dues', async () => {
    const [zhang] = await db.members.where('name').equals('张三').toArray();
    await paySingle(store, {
      memberId: zhang!.id,
      months: ['2025-01', '2025-02'],
      method: '现金',
      paidDate: '2025-02-03',
      receiptNumber: '2025-0001',
      rule: DEFAULT_DUES_RULE,
    });
    const monthly = (await db.wageBases.filter((w) => w.memberId === zhang!.id).first())!.baseFen / 200;
    const jan = (await db.duesPayments.filter((p) => p.memberId === zhang!.id && p.month === '2025-01').first())!;
    await reverseDuesPayment(store, { paymentId: jan.id, date: '2025-02-04', reason: '收错月份' });
    const agreement = checkDuesAgreement(await db.duesPayments.toArray(), await db.transactions.toArray(), 2025);
    expect(agreement).toMatchObject({ ok: true, duesFen: monthly });
    expect((await db.transactions.toArray()).map((t) => t.amountFen).sort((a, b) => a - b)).toEqual([-monthly, 2 * monthly]);
  });

  it('writes nothing when a payment is refused', async () => {
    const [zhang] = await db.members.where('name').equals('张三').toArray();
    await expect(
      paySingle(store, {
        memberId: zhang!.id,
        months: ['2025-01'],
        method: '现金',
        paidDate: '2025-02-03',
        receiptNumber: '',
        rule: DEFAULT_DUES_RULE,
      }),
    ).rejects.toThrow('请填写收据号');
    expect(await db.duesPayments.count()).toBe(0);
    expect(await db.transactions.count()).toBe(0);
  });
});
