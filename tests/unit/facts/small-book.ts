import { BookBuilder } from '../../../shared/book/builder';
import { emptySections } from '../../../shared/facts/sections';
import { newUnionProfile } from '../../../shared/book/new-union';
import type { BookTables } from '../../../shared/model/book';
import type { Member, MembershipEventKind, WelfareKind } from '../../../shared/model/records';
import { emptyMemberDraft } from '../../../shared/members/fields';

/**
 * A hand-made union whose 2025 figures are worked out by hand in facts.test.ts:
 *  A 女 农民工, member since 2020, base 5,000 元 → 25 元/month, pays all 12 months.
 *  B 男, joins 2025-03-10, base 3,005 元 (floored to 3,000) → 15 元, pays Mar–Dec but June is reversed.
 *  C 女, member since 2010, retires 2025-07-01 → owes Jan–Jun at 20 元, pays them.
 *  D 男, member since 2015, transfers out 2025-05-20 → owes Jan–Apr at 10 元, pays them.
 *  E 男, no history, 入会日期 2025-08-01, no wage base.
 *  F deleted.
 */
export function smallBook(): BookTables {
  let t = 0;
  let n = 0;
  const b = new BookBuilder(
    'test',
    () => Date.UTC(2025, 0, 1) + t++,
    () => `id-${String(++n).padStart(4, '0')}`,
  );
  b.insert(
    'union',
    newUnionProfile({ name: '测试单位工会委员会', employer: '测试单位', upperUnion: '测试区总工会', chair: '张主席', employeeCount: 10 }),
  );
  const member = (name: string, gender: '男' | '女', joinDate: string, extra: Partial<Member> = {}) =>
    b.insert('members', { ...emptyMemberDraft(), name, gender, birthDate: '1985-01-01', joinDate, ...extra });
  const event = (memberId: string, kind: MembershipEventKind, date: string) =>
    b.insert('memberships', { memberId, kind, date, reason: '', otherUnion: '' });
  const base = (memberId: string, baseFen: number) => b.insert('wageBases', { memberId, year: 2025, baseFen });
  const pay = (memberId: string, month: string, amountFen: number, reversalOf = '') =>
    b.insert('duesPayments', {
      memberId,
      month,
      amountFen,
      paidDate: `${month}-15`,
      method: '工资代扣',
      receiptNumber: '',
      reversalOf,
      batchId: '',
    });

  const a = member('甲', '女', '2020-01-01', { isMigrantWorker: true });
  event(a.id, 'join', '2020-01-01');
  base(a.id, 500_000);
  pay(a.id, '2024-12', 2500);
  for (let m = 1; m <= 12; m++) pay(a.id, `2025-${String(m).padStart(2, '0')}`, 2500);

  const bb = member('乙', '男', '2025-03-10');
  event(bb.id, 'join', '2025-03-10');
  base(bb.id, 300_500);
  for (let m = 3; m <= 12; m++) {
    const p = pay(bb.id, `2025-${String(m).padStart(2, '0')}`, 1500);
    if (m === 6) pay(bb.id, '2025-06', -1500, p.id);
  }

  const c = member('丙', '女', '2010-05-01', { status: 'retired' });
  event(c.id, 'join', '2010-05-01');
  event(c.id, 'retire', '2025-07-01');
  base(c.id, 400_000);
  for (let m = 1; m <= 6; m++) pay(c.id, `2025-0${m}`, 2000);

  const d = member('丁', '男', '2015-01-01', { status: 'transferred-out' });
  event(d.id, 'join', '2015-01-01');
  event(d.id, 'transfer-out', '2025-05-20');
  base(d.id, 200_000);
  for (let m = 1; m <= 4; m++) pay(d.id, `2025-0${m}`, 1000);

  member('戊', '男', '2025-08-01');
  const f = member('己', '女', '2019-01-01');
  f.deleted = 1;

  const photo = b.insert('attachments', { name: 'p.png', mimeType: 'image/png', size: 0, data: new Uint8Array(), caption: '篮球赛现场' });
  const activity = (
    title: string,
    category: string,
    startDate: string,
    participantIds: string[],
    headCount: number,
    photoIds: string[] = [],
  ) =>
    b.insert('activities', {
      title,
      category,
      startDate,
      endDate: startDate,
      place: '活动室',
      organiser: '',
      participantIds,
      headCount,
      description: '',
      photoIds,
      transactionIds: [],
      planned: false,
    });
  activity('职工篮球赛', '文体活动', '2025-04-10', [a.id, bb.id], 0, [photo.id]);
  activity('健步走', '文体活动', '2025-09-01', [a.id], 30);
  activity('安全培训', '教育培训', '2025-06-01', [a.id, bb.id, c.id], 0);
  activity('去年的活动', '文体活动', '2024-12-20', [a.id], 0);
  activity('删掉的活动', '其他', '2025-05-01', [a.id], 0).deleted = 1;

  const visit = (memberId: string, kind: WelfareKind, date: string, amountFen: number) =>
    b.insert('welfare', { memberId, kind, subKind: '', date, form: 'goods', amountFen, note: '', transactionId: '' });
  visit(a.id, '生日', '2025-01-05', 20_000);
  visit(bb.id, '生日', '2025-05-05', 20_000);
  visit(c.id, '住院', '2025-03-03', 50_000);
  visit(a.id, '生日', '2024-01-05', 20_000);

  b.insert('openingBalances', { year: 2024, month: '2024-01', booksStart: false, duesBeforeFen: 0, cashFen: 200_000, bankFen: 1_000_000 });
  const tx = (date: string, place: 'cash' | 'bank', accountCode: string, amountFen: number) =>
    b.insert('transactions', {
      date,
      place,
      accountCode,
      amountFen,
      summary: '',
      voucherNumber: '',
      attachmentIds: [],
      reversalOf: '',
      activityId: '',
      welfareId: '',
      duesBatchId: '',
    });
  tx('2024-06-30', 'bank', '401', 50_000);
  tx('2025-12-15', 'bank', '401', 59_500);
  tx('2025-03-20', 'bank', '402', 200_000);
  tx('2025-04-10', 'cash', '50102', 30_000);
  tx('2025-04-12', 'cash', '50102', -5_000);
  tx('2025-05-05', 'cash', '50105', 40_000);
  tx('2025-03-03', 'cash', '50105', 50_000);
  tx('2026-01-05', 'bank', '402', 99_999);
  b.insert('budgets', { year: 2025, accountCode: '401', amountFen: 60_000 });
  b.insert('budgets', { year: 2025, accountCode: '402', amountFen: 200_000 });
  b.insert('budgets', { year: 2025, accountCode: '501', amountFen: 100_000 });
  b.insert('budgets', { year: 2024, accountCode: '501', amountFen: 777_000 });
  b.insert('yearNotes', {
    year: 2025,
    sections: { ...emptySections(), work: '亮点一', problems: '问题一\n问题二', plan: '计划一', funds: '经费一' },
  });
  return b.book;
}
