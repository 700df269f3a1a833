import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member, WelfareVisit } from '../../../shared/model/records';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { BookError } from '../../../shared/engine/errors';
import { createWelfare, reverseWelfare, updateWelfare, type WelfareInput } from '../../../shared/engine/ops/welfare';
import { emptyMemberDraft } from '../../../shared/members/fields';

let db: UnionBooksDB;
let mutator: Mutator;
let store: DexieStore;
let member: Member;
let dbCount = 0;

beforeEach(async () => {
  db = new UnionBooksDB(`welfare-link-${++dbCount}`);
  await db.open();
  mutator = await openMutator(db);
  store = new DexieStore(db, mutator, () => '2026-12-01');
  await mutator.insert('openingBalances', {
    year: 2025,
    month: '2025-01',
    cashFen: 1_000_000,
    bankFen: 1_000_000,
    booksStart: false,
    duesBeforeFen: 0,
  });
  member = await mutator.insert('members', {
    ...emptyMemberDraft(),
    name: '王芳',
    gender: '女',
    birthDate: '1985-03-02',
    department: '车间',
    joinDate: '2010-01-01',
  });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const input = (over: Partial<WelfareInput> = {}): WelfareInput => ({
  memberId: member.id,
  kind: '住院',
  subKind: '手术',
  date: '2025-03-10',
  form: 'cash',
  amountFen: 80_000,
  note: '',
  ...over,
});

async function closeMonth(month: string) {
  await mutator.insert('monthCloses', { month, closed: true, reopenReason: '', closedAt: '2025-04-01T00:00:00Z' });
}

async function liveTx() {
  return (await db.transactions.toArray()).filter((t) => t.deleted === 0);
}

describe('welfare ↔ expense', () => {
  it('saving a visit with money creates its expense in the fitting account, linked both ways', async () => {
    const visit = await createWelfare(store, input(), 'cash');
    const [tx] = await liveTx();
    expect(tx).toMatchObject({
      accountCode: '50105',
      amountFen: 80_000,
      date: '2025-03-10',
      place: 'cash',
      welfareId: visit.id,
      voucherNumber: '记-001',
    });
    expect(tx!.summary).toBe('住院（手术）慰问：王芳');
    expect(visit.transactionId).toBe(tx!.id);

    const hardship = await createWelfare(store, input({ kind: '困难帮扶', subKind: '', amountFen: 200_000 }), 'bank');
    const help = await db.transactions.get(hardship.transactionId);
    expect(help).toMatchObject({ accountCode: '50404', place: 'bank', voucherNumber: '记-002' });
    const warmth = await createWelfare(store, input({ kind: '送温暖', subKind: '夏送清凉', form: 'goods', amountFen: 30_000 }), 'bank');
    expect((await db.transactions.get(warmth.transactionId))?.accountCode).toBe('50405');
  });

  it('a visit without money books nothing', async () => {
    const visit = await createWelfare(store, input({ kind: '生日', subKind: '', form: 'goods', amountFen: 0 }), 'bank');
    expect(visit.transactionId).toBe('');
    expect(await liveTx()).toHaveLength(0);
  });

  it('editing updates the linked amount, date and account in the same write', async () => {
    const visit = await createWelfare(store, input(), 'cash');
    await updateWelfare(store, visit.id, input({ kind: '困难帮扶', subKind: '', amountFen: 120_000, date: '2025-05-20' }), 'bank');
    const txs = await liveTx();
    expect(txs).toHaveLength(1);
    expect(txs[0]).toMatchObject({ id: visit.transactionId, amountFen: 120_000, date: '2025-05-20', accountCode: '50404', place: 'bank' });
    const saved = (await db.welfare.get(visit.id)) as WelfareVisit;
    expect(saved).toMatchObject({ kind: '困难帮扶', amountFen: 120_000, transactionId: visit.transactionId });
  });

  it('editing to zero removes the expense; editing back creates a new one', async () => {
    const visit = await createWelfare(store, input(), 'cash');
    await updateWelfare(store, visit.id, input({ amountFen: 0 }), 'cash');
    expect(await liveTx()).toHaveLength(0);
    expect((await db.welfare.get(visit.id))?.transactionId).toBe('');
    const again = await updateWelfare(store, visit.id, input({ amountFen: 50_000 }), 'cash');
    const txs = await liveTx();
    expect(txs).toHaveLength(1);
    expect(again.transactionId).toBe(txs[0]!.id);
  });

  it('an edit touching a closed month is refused in Chinese and changes nothing', async () => {
    const visit = await createWelfare(store, input(), 'cash');
    await closeMonth('2025-03');
    const before = await db.transactions.get(visit.transactionId);
    const changesBefore = await db.$changes.count();
    const attempt = updateWelfare(store, visit.id, input({ amountFen: 99_000 }), 'cash');
    await expect(attempt).rejects.toBeInstanceOf(BookError);
    await expect(attempt).rejects.toThrow('2025年3月已结账，不能修改');
    expect(await db.transactions.get(visit.transactionId)).toEqual(before);
    expect((await db.welfare.get(visit.id))?.amountFen).toBe(80_000);
    expect(await db.$changes.count()).toBe(changesBefore);

    const moveIn = await createWelfare(store, input({ date: '2025-06-01' }), 'cash');
    await expect(updateWelfare(store, moveIn.id, input({ date: '2025-03-31' }), 'cash')).rejects.toThrow('2025年3月已结账');
    await expect(updateWelfare(store, visit.id, input({ note: '已出院' }), 'cash')).resolves.toMatchObject({ note: '已出院' });
  });

  it('saving a new visit into a closed month is refused and writes neither row', async () => {
    await closeMonth('2025-03');
    await expect(createWelfare(store, input(), 'cash')).rejects.toBeInstanceOf(BookError);
    expect(await db.welfare.count()).toBe(0);
    expect(await db.transactions.count()).toBe(0);
  });

  it('reversing a visit posts a red reversal of its expense and tombstones the visit, even in a closed month', async () => {
    const visit = await createWelfare(store, input(), 'cash');
    await closeMonth('2025-03');
    await reverseWelfare(store, visit.id, '2025-04-02', '重复登记');
    const txs = await liveTx();
    expect(txs).toHaveLength(2);
    const reversal = txs.find((t) => t.reversalOf === visit.transactionId);
    expect(reversal).toMatchObject({ amountFen: -80_000, date: '2025-04-02', accountCode: '50105', welfareId: visit.id });
    expect(reversal!.summary).toContain('重复登记');
    expect(txs.reduce((s, t) => s + t.amountFen, 0)).toBe(0);
    expect((await db.welfare.get(visit.id))?.deleted).toBe(1);
    await expect(reverseWelfare(store, visit.id, '2025-04-02', '再次')).rejects.toThrow('不存在');
    expect(await liveTx()).toHaveLength(2);
  });
});
