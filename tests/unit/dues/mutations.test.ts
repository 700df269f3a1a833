import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { paySingle, postDuesMonth, previewDuesMonth, reverseDuesPayment, saveWageBases } from '../../../shared/engine/ops/dues';
import { closeMonth } from '../../../shared/engine/ops/periods';
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

  it('a single payment, its refusals and a reversal read the member’s rows and the receipt’s, never a whole table of dues', async () => {
    const [zhang] = await db.members.where('name').equals('张三').toArray();
    const [li] = await db.members.where('name').equals('李四').toArray();
    await postDuesMonth(store, { month: '2025-03', paidDate: '2025-03-15', rule: DEFAULT_DUES_RULE });
    const wholeTables: string[] = [];
    const all = store.all.bind(store);
    store.all = ((table) => {
      wholeTables.push(table);
      return all(table);
    }) as typeof store.all;
    // the indexes answer: [memberId+month] for a member's payments, receiptNumber for the receipt
    const tableProto = Object.getPrototypeOf(db.duesPayments) as { filter: (this: { name: string }, ...a: unknown[]) => unknown };
    const filter = tableProto.filter;
    const scanned: string[] = [];
    const scans = vi.spyOn(tableProto, 'filter').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      scanned.push(this.name);
      return filter.apply(this, args);
    });
    const pay = (memberId: string, months: string[], receiptNumber: string) =>
      paySingle(store, { memberId, months, method: '现金', paidDate: '2025-04-03', receiptNumber, rule: DEFAULT_DUES_RULE });

    const [jan] = await pay(zhang!.id, ['2025-01'], '2025-0001');
    await expect(pay(li!.id, ['2025-01'], '2025-0001')).rejects.toThrow('收据号 2025-0001 已经用过，请换一个');
    await expect(pay(zhang!.id, ['2025-03'], '2025-0002')).rejects.toThrow('张三 2025年3月的会费已经缴过');
    await reverseDuesPayment(store, { paymentId: jan!.id, date: '2025-04-04', reason: '收错月份' });
    await expect(reverseDuesPayment(store, { paymentId: jan!.id, date: '2025-04-05', reason: '再冲' })).rejects.toThrow(
      '这笔会费已经冲销过了',
    );
    // a receipt of a reversed payment is still the one used: its reversal carries the same number
    await expect(pay(li!.id, ['2025-01'], '2025-0001')).rejects.toThrow('收据号 2025-0001 已经用过');
    await pay(li!.id, ['2025-01'], '2025-0003');

    expect(wholeTables.filter((t) => ['members', 'memberships', 'wageBases', 'duesPayments'].includes(t))).toEqual([]);
    scans.mockRestore();
    expect(scanned.filter((t) => ['members', 'memberships', 'wageBases', 'duesPayments'].includes(t))).toEqual([]);
    const agreement = checkDuesAgreement(await db.duesPayments.toArray(), await db.transactions.toArray(), 2025);
    expect(agreement.ok).toBe(true);
  });

  it('the posting’s preview plans what the posting then posts, writes nothing, and refuses what it refuses', async () => {
    const [zhang] = await db.members.where('name').equals('张三').toArray();
    await paySingle(store, {
      memberId: zhang!.id,
      months: ['2025-04'],
      method: '现金',
      paidDate: '2025-04-03',
      receiptNumber: '2025-0001',
      rule: DEFAULT_DUES_RULE,
    });
    const options = { month: '2025-04', paidDate: '2025-04-20', rule: DEFAULT_DUES_RULE };
    const changes = await db.$changes.count();
    const preview = await previewDuesMonth(store, options);
    expect([preview.posted, preview.skipped, preview.totalFen]).toEqual([2, 1, preview.payments.reduce((s, p) => s + p.amountFen, 0)]);
    expect([await db.duesPayments.count(), await db.transactions.count(), await db.$changes.count()]).toEqual([1, 1, changes]);
    const posted = await postDuesMonth(store, options);
    expect([posted.posted, posted.skipped, posted.exempt, posted.totalFen, posted.missingBase]).toEqual([
      preview.posted,
      preview.skipped,
      preview.exempt,
      preview.totalFen,
      preview.missingBase,
    ]);
    expect((await previewDuesMonth(store, options)).posted).toBe(0);

    for (const m of ['01', '02', '03', '04', '05']) await closeMonth(store, `2025-${m}`);
    const closed = { month: '2025-05', paidDate: '2025-05-20', rule: DEFAULT_DUES_RULE };
    const refusal = await postDuesMonth(store, closed).catch((e: Error) => e.message);
    expect(refusal).toMatch(/结账/);
    await expect(previewDuesMonth(store, closed)).rejects.toThrow(refusal as string);
  });
});
