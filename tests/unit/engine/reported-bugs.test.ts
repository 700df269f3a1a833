import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { balancesAt } from '../../../shared/finance/balances';
import { addActivityExpense, saveActivity, type ActivityInput } from '../../../shared/engine/ops/activities';
import { paySingle, saveWageBases } from '../../../shared/engine/ops/dues';
import { postEntry, reverseEntry, transferMoney, updateEntry } from '../../../shared/engine/ops/entries';
import { recordMembershipEvent, removeMember, saveMember } from '../../../shared/engine/ops/members';
import { updateUnion } from '../../../shared/engine/ops/union';
import { createWelfare } from '../../../shared/engine/ops/welfare';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { makeIdNumber } from '../../../shared/idcard/gb11643';
import { freshDb } from '../db/helpers';
import { memberDraft, seedBook, TODAY } from './fixture';

async function seeded() {
  const env = await freshDb(undefined, TODAY);
  const { members } = await seedBook(env.store);
  return { ...env, members };
}

const activity = (over: Partial<ActivityInput> = {}): ActivityInput => ({
  title: '职工篮球赛',
  category: '文体活动',
  startDate: '2026-05-04',
  endDate: '2026-05-04',
  place: '',
  organiser: '',
  participantIds: [],
  headCount: 20,
  description: '',
  photoIds: [],
  planned: false,
  ...over,
});

describe('the bugs reported against the books, refused or handled by the engine', () => {
  it('two saves of the same new member at once make one member, and a mistaken member can be removed', async () => {
    const { db, store } = await seeded();
    const draft = memberDraft('赵敏', makeIdNumber('330402', '19920101', 21, '女'));
    const results = await Promise.allSettled([
      saveMember(store, null, { draft, wage: { year: 2026, baseFen: null } }),
      saveMember(store, null, { draft, wage: { year: 2026, baseFen: null } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason)).toContain('证件号码与会员“赵敏”相同');
    const zhao = (await db.members.toArray()).filter((m) => m.name === '赵敏' && m.deleted === 0);
    expect(zhao).toHaveLength(1);
    await removeMember(store, zhao[0]!.id);
    expect((await db.members.get(zhao[0]!.id))?.deleted).toBe(1);
    expect((await db.memberships.where('memberId').equals(zhao[0]!.id).toArray()).every((e) => e.deleted === 1)).toBe(true);
  });

  it('a member with payments cannot be removed; leaving is recorded in the history instead', async () => {
    const { store, members } = await seeded();
    await expect(removeMember(store, members[0]!.id)).rejects.toThrow('已有3 笔会费记录，不能删除');
  });

  it('a reversed entry cannot be edited any more', async () => {
    const { db, store } = await seeded();
    const tx = await postEntry(store, { date: '2026-04-01', place: 'bank', accountCode: '50102', amountFen: 50_000, summary: '球衣' });
    await reverseEntry(store, tx.id, '2026-04-02', '记错');
    await expect(
      updateEntry(store, tx.id, { date: '2026-04-01', place: 'bank', accountCode: '50102', amountFen: 1, summary: '球衣' }),
    ).rejects.toThrow('已被 记-');
    expect((await db.transactions.get(tx.id))?.amountFen).toBe(50_000);
  });

  it('negative and enormous amounts are refused, never booked as something else', async () => {
    const { db, store, members } = await seeded();
    const a = await saveActivity(store, null, activity());
    await expect(
      addActivityExpense(store, a.id, { date: '2026-05-04', place: 'bank', accountCode: '50102', amountFen: -50_000, summary: '场地' }),
    ).rejects.toThrow('金额：必须大于 0');
    await expect(
      createWelfare(
        store,
        { memberId: members[0]!.id, kind: '住院', subKind: '无手术', date: '2026-05-01', form: 'cash', amountFen: -30_000, note: '' },
        'bank',
      ),
    ).rejects.toThrow('金额：不能为负数');
    await expect(saveWageBases(store, [{ memberId: members[0]!.id, year: 2026, baseFen: 999_999_999_999_900 }])).rejects.toThrow(
      '超过 100 万元',
    );
    expect((await db.transactions.toArray()).some((t) => t.amountFen === 1 || t.amountFen < 0)).toBe(false);
    expect(await db.welfare.count()).toBe(0);
    expect((await db.wageBases.toArray()).every((w) => w.baseFen === 600_000)).toBe(true);
  });

  it('nothing dated after today is accepted: payments, entries, activities, welfare, join dates, birth dates', async () => {
    const { store, members } = await seeded();
    const m = members[0]!.id;
    await expect(
      paySingle(store, {
        memberId: m,
        months: ['2026-04'],
        method: '现金',
        paidDate: '2027-01-05',
        receiptNumber: 'R1',
        rule: DEFAULT_DUES_RULE,
      }),
    ).rejects.toThrow('还没有到');
    await expect(
      postEntry(store, { date: '2099-03-01', place: 'bank', accountCode: '50102', amountFen: 100, summary: 'x' }),
    ).rejects.toThrow('还没有到');
    await expect(saveActivity(store, null, activity({ startDate: '2027-06-01', endDate: '2027-06-01' }))).rejects.toThrow(
      '尚未举办的活动请标为“计划中”',
    );
    await expect(
      saveActivity(store, null, activity({ startDate: '2027-06-01', endDate: '2027-06-01', planned: true })),
    ).resolves.toBeTruthy();
    await expect(
      createWelfare(store, { memberId: m, kind: '生日', subKind: '', date: '2030-01-01', form: 'goods', amountFen: 0, note: '' }, 'bank'),
    ).rejects.toThrow('还没有到');
    await expect(
      saveMember(store, null, {
        draft: memberDraft('钱七', makeIdNumber('330402', '19900101', 31, '男'), '2027-02-01'),
        wage: { year: 2026, baseFen: null },
      }),
    ).rejects.toThrow('入会日期 2027年2月1日 还没有到');
    await expect(
      saveMember(store, null, {
        draft: memberDraft('孙八', makeIdNumber('330402', '20900101', 33, '男'), ''),
        wage: { year: 2026, baseFen: null },
      }),
    ).rejects.toThrow('晚于今天');
    await expect(
      recordMembershipEvent(store, { memberId: m, kind: 'retire', date: '2030-01-01', reason: '', otherUnion: '' }),
    ).rejects.toThrow('还没有到');
  });

  it('ID numbers must name a real province and a member of working age', async () => {
    const { store } = await seeded();
    await expect(
      saveMember(store, null, {
        draft: memberDraft('周九', makeIdNumber('990402', '19900101', 35, '男')),
        wage: { year: 2026, baseFen: null },
      }),
    ).rejects.toThrow('省级行政区划代码');
    await expect(
      saveMember(store, null, {
        draft: memberDraft('吴十', makeIdNumber('330402', '20150101', 37, '男'), '2020-01-01'),
        wage: { year: 2026, baseFen: null },
      }),
    ).rejects.toThrow('会员应年满 16 周岁');
  });

  it('职工人数 below the members at work is refused', async () => {
    const { db, store } = await seeded();
    const union = (await db.union.toArray())[0]!;
    await expect(updateUnion(store, union.id, { employeeCount: 2 })).rejects.toThrow('职工人数：2 人少于在职会员 3 人');
    await expect(updateUnion(store, union.id, { employeeCount: 30, womenEmployeeCount: 40 })).rejects.toThrow(
      '女职工人数：40 人多于职工人数 30 人',
    );
    expect((await db.union.get(union.id))?.employeeCount).toBe(20);
  });

  it('cash never goes negative, and money moves between the bank and the cash box without touching income or spending', async () => {
    const { db, store } = await seeded();
    await expect(
      postEntry(store, { date: '2026-04-01', place: 'cash', accountCode: '50105', amountFen: 300_000, summary: '慰问品' }),
    ).rejects.toThrow('库存现金不能为负数');
    await transferMoney(store, { date: '2026-04-01', from: 'bank', amountFen: 500_000 });
    await postEntry(store, { date: '2026-04-01', place: 'cash', accountCode: '50105', amountFen: 300_000, summary: '慰问品' });
    const book = { transactions: await db.transactions.toArray(), openingBalances: await db.openingBalances.toArray() };
    // 3,000 − 500 (Jan) + 5,000 (提现) − 3,000 = 4,500 in cash; the bank lost exactly the 5,000 moved.
    expect(balancesAt(book, '2026-04-01').cashFen).toBe(450_000);
    expect(balancesAt(book, '2026-04-01').bankFen - balancesAt(book, '2026-03-31').bankFen).toBe(-500_000);
  });
});
