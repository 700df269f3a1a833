import { describe, expect, it } from 'vitest';
import { buildDuesIndex } from '../../../shared/dues/data';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { deskTodos, type BackupState, type DeskInput } from '../../../shared/desk/todos';
import type { MoneyPlace } from '../../../shared/model/records';
import { duesBook } from '../dues/fixture';

const NO_BACKUP_NEEDED: BackupState = { lastOn: '2025-06-14', hasData: true };

/** A union with two paying members (base 5,000 yuan → 25 yuan a month) and a start of books in March 2025. */
function deskBook() {
  const fx = duesBook();
  const a = fx.addMember('张三', '办公室');
  const b = fx.addMember('李四', '财务科');
  fx.event(a.id, 'join', '2020-01-01');
  fx.event(b.id, 'join', '2020-01-01');
  fx.base(a.id, 2025, 5000);
  fx.base(b.id, 2025, 5000);
  fx.builder.insert('openingBalances', {
    year: 2025,
    month: '2025-03',
    cashFen: 10_000,
    bankFen: 500_000,
    booksStart: true,
    duesBeforeFen: 0,
  });
  const pay = (memberId: string, month: string) =>
    fx.builder.insert('duesPayments', {
      memberId,
      month,
      amountFen: 2500,
      paidDate: `${month}-20`,
      method: '工资代扣',
      receiptNumber: '',
      reversalOf: '',
      batchId: month,
    });
  const entry = (date: string, place: MoneyPlace, accountCode: string, amountFen: number) =>
    fx.builder.insert('transactions', {
      date,
      place,
      accountCode,
      amountFen,
      summary: '测试',
      voucherNumber: '',
      attachmentIds: [],
      reversalOf: '',
      activityId: '',
      welfareId: '',
      duesBatchId: '',
    });
  const close = (month: string) =>
    fx.builder.insert('monthCloses', { month, closed: true, reopenReason: '', closedAt: `${month}-28T10:00:00Z` });
  const input = (today: string, backup: BackupState = NO_BACKUP_NEEDED): DeskInput => ({
    today,
    rule: DEFAULT_DUES_RULE,
    booksStart: '2025-03',
    dues: { data: fx.book, index: buildDuesIndex(fx.book) },
    finance: fx.book,
    monthCloses: fx.book.monthCloses,
    backup,
  });
  return { ...fx, a, b, pay, entry, close, input };
}

const keys = (input: DeskInput) => deskTodos(input).map((t) => t.key);

describe('desk to-dos', () => {
  it('asks for this month’s dues until they are posted, and never calls the current month arrears', () => {
    const fx = deskBook();
    const todos = deskTodos(fx.input('2025-03-15'));
    const dues = todos.find((t) => t.key === 'dues-month');
    expect(dues?.title).toBe('登记2025年3月会费');
    expect(dues?.reason).toContain('2 名会员');
    expect(dues?.reason).toContain('50.00 元');
    expect(dues?.month).toBe('2025-03');
    expect(todos.some((t) => t.key === 'arrears')).toBe(false);

    fx.pay(fx.a.id, '2025-03');
    expect(deskTodos(fx.input('2025-03-20')).find((t) => t.key === 'dues-month')?.reason).toContain('1 名会员');
    fx.pay(fx.b.id, '2025-03');
    expect(keys(fx.input('2025-03-25'))).not.toContain('dues-month');
  });

  it('counts arrears once a month is over, from the start of books, and clears them when paid', () => {
    const fx = deskBook();
    fx.pay(fx.a.id, '2025-03');
    fx.pay(fx.a.id, '2025-04');
    fx.pay(fx.b.id, '2025-04');
    const arrears = deskTodos(fx.input('2025-04-30')).find((t) => t.key === 'arrears');
    // On the last day of April only March is overdue; months before the start of books are never owed.
    expect(arrears?.title).toBe('1 名会员欠缴会费');
    expect(arrears?.reason).toContain('截至2025年3月');
    expect(arrears?.reason).toContain('李四');
    expect(arrears?.reason).toContain('25.00 元');
    expect(arrears?.actionLabel).toBe('补录欠缴');

    fx.pay(fx.b.id, '2025-03');
    expect(keys(fx.input('2025-04-30'))).not.toContain('arrears');
  });

  it('warns about five months in a row without dues instead of listing them as plain arrears', () => {
    const fx = deskBook();
    for (const m of ['2025-03', '2025-04', '2025-05', '2025-06', '2025-07']) fx.pay(fx.a.id, m);
    const todos = deskTodos(fx.input('2025-08-05'));
    const six = todos.find((t) => t.key === 'six-months');
    expect(six?.tone).toBe('error');
    expect(six?.reason).toContain('李四（5个月）');
    expect(todos.some((t) => t.key === 'arrears')).toBe(false);
    // Four months in a row is arrears, not yet the warning.
    expect(keys(fx.input('2025-07-05'))).toEqual(expect.arrayContaining(['arrears']));
    expect(keys(fx.input('2025-07-05'))).not.toContain('six-months');
  });

  it('lists ended months that are not closed and offers to close through the latest', () => {
    const fx = deskBook();
    fx.entry('2025-03-10', 'bank', '402', 100_000);
    const todo = deskTodos(fx.input('2025-06-10')).find((t) => t.key === 'unclosed');
    expect(todo?.title).toBe('3 个月未结账');
    expect(todo?.reason).toContain('2025年3月—5月');
    expect(todo?.actionLabel).toBe('结账至2025年5月');
    expect(todo?.month).toBe('2025-05');
    for (const m of ['2025-03', '2025-04', '2025-05']) fx.close(m);
    expect(keys(fx.input('2025-06-10'))).not.toContain('unclosed');
  });

  it('leaves months before the start of books and the current month out of closing', () => {
    const fx = deskBook();
    expect(keys(fx.input('2025-03-31'))).not.toContain('unclosed');
    expect(deskTodos(fx.input('2025-04-01')).find((t) => t.key === 'unclosed')?.reason).toContain('2025年3月');
  });

  it('reports the first day cash went below zero, with the amount', () => {
    const fx = deskBook();
    fx.entry('2025-04-02', 'cash', '50102', 30_000);
    const todo = deskTodos(fx.input('2025-04-10')).find((t) => t.key === 'negative-cash');
    expect(todo?.tone).toBe('error');
    expect(todo?.reason).toContain('2025年4月2日');
    expect(todo?.reason).toContain('-200.00 元');
    expect(deskTodos(fx.input('2025-04-10'))[0]?.key).toBe('negative-cash');
    fx.entry('2025-04-01', 'cash', '408', 50_000);
    expect(keys(fx.input('2025-04-10'))).not.toContain('negative-cash');
  });

  it('asks for a backup when there never was one, when it is a week old, or when it failed', () => {
    const fx = deskBook();
    const never = deskTodos(fx.input('2025-03-15', { lastOn: null, hasData: true })).find((t) => t.key === 'backup');
    expect(never?.title).toBe('还没有备份');
    expect(keys(fx.input('2025-03-15', { lastOn: '2025-03-09', hasData: true }))).not.toContain('backup');
    const old = deskTodos(fx.input('2025-03-16', { lastOn: '2025-03-09', hasData: true })).find((t) => t.key === 'backup');
    expect(old?.title).toBe('7 天未备份');
    expect(old?.reason).toContain('2025年3月9日');
    const failed = deskTodos(fx.input('2025-03-15', { lastOn: '2025-03-14', error: '文件夹不可写', hasData: true }));
    expect(failed.find((t) => t.key === 'backup')?.reason).toContain('文件夹不可写');
    expect(keys(fx.input('2025-03-15', { lastOn: null, hasData: false }))).not.toContain('backup');
  });

  it('starts a new union with its roster and its start of books, and nothing else', () => {
    const fx = duesBook();
    const input: DeskInput = {
      today: '2025-03-15',
      rule: DEFAULT_DUES_RULE,
      booksStart: null,
      dues: { data: fx.book, index: buildDuesIndex(fx.book) },
      finance: fx.book,
      monthCloses: [],
      backup: { lastOn: null, hasData: false },
    };
    expect(deskTodos(input).map((t) => [t.key, t.actionLabel])).toEqual([
      ['roster', '去录入会员'],
      ['books-start', '去开账'],
    ]);
    const member = fx.addMember('张三', '办公室');
    fx.base(member.id, 2025, 4000);
    fx.builder.insert('openingBalances', { year: 2025, month: '2025-03', cashFen: 0, bankFen: 0, booksStart: true, duesBeforeFen: 0 });
    expect(
      deskTodos({ ...input, booksStart: '2025-03', dues: { data: fx.book, index: buildDuesIndex(fx.book) } }).map((t) => t.key),
    ).toEqual(['dues-month']);
  });
});
