import { BookBuilder } from '../../../shared/book/builder';
import { newUnionProfile } from '../../../shared/book/new-union';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { applyDuesBatch } from '../../../shared/dues/apply';
import { monthsBetween } from '../../../shared/dues/months';
import { planMonthPosting } from '../../../shared/dues/posting';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { emptyMemberDraft } from '../../../shared/members/fields';
import type { BookTables } from '../../../shared/model/book';

export interface MonthlyUnionOptions {
  /** The first month the union keeps its books here (a start-of-books row); January when not given. */
  booksStart?: string;
  /** Dues collected in the start year before the books start. */
  duesBeforeFen?: number;
  /** Each month's dues are posted on its 15th, up to and including this day. */
  postedThrough: string;
}

/**
 * A union of four members, each 30 元 a month, that posts every month's payroll deduction on the
 * 15th of that month, as the app's 登记本月会费 does, from the start of its books. An activity is
 * held on 2026-06-10 and another one planned for 2026-12-18; a birthday visit on 2026-12-10.
 */
export function monthlyUnion(options: MonthlyUnionOptions): BookTables {
  let tick = 0;
  let n = 0;
  const clockNow = () => Date.UTC(2026, 11, 31) + tick++;
  const b = new BookBuilder('test', clockNow, () => `id-${String(++n).padStart(4, '0')}`);
  const ctx = { deviceId: 'test', clock: new HybridLogicalClock('test', clockNow) };
  b.insert('union', newUnionProfile({ name: '按月代扣工会委员会', employeeCount: 5, womenEmployeeCount: 2 }));
  const start = options.booksStart ?? '2026-01';
  b.insert('openingBalances', {
    year: 2026,
    month: start,
    booksStart: true,
    duesBeforeFen: options.duesBeforeFen ?? 0,
    cashFen: 100_000,
    bankFen: 2_000_000,
  });
  const names = ['赵一', '钱二', '孙三', '李四'];
  const members = names.map((name, i) =>
    b.insert('members', { ...emptyMemberDraft(), name, gender: i % 2 ? '女' : '男', birthDate: '1985-05-05', joinDate: '2018-03-01' }),
  );
  for (const m of members) {
    b.insert('memberships', { memberId: m.id, kind: 'join', date: '2018-03-01', reason: '', otherUnion: '' });
    b.insert('wageBases', { memberId: m.id, year: 2026, baseFen: 600_000 });
  }
  for (const month of monthsBetween(start, '2026-12')) {
    const paidDate = `${month}-15`;
    if (paidDate > options.postedThrough) break;
    applyDuesBatch(b.book, planMonthPosting(b.book, { month, paidDate, rule: DEFAULT_DUES_RULE, batchId: `batch-${month}` }), ctx);
  }
  const activity = (title: string, date: string, planned: boolean) =>
    b.insert('activities', {
      title,
      category: '文体活动',
      startDate: date,
      endDate: date,
      place: '职工之家',
      organiser: '',
      participantIds: members.map((m) => m.id),
      headCount: 0,
      description: '',
      photoIds: [],
      transactionIds: [],
      planned,
    });
  activity('职工羽毛球赛', '2026-06-10', false);
  activity('迎新年联欢会', '2026-12-18', true);
  b.insert('welfare', {
    memberId: members[0]!.id,
    kind: '生日',
    subKind: '',
    date: '2026-12-10',
    form: 'goods',
    amountFen: 20_000,
    note: '',
    transactionId: '',
  });
  return b.book;
}
