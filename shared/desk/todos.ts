import { ARREARS_WARNING_MONTHS, arrearsWarnings, memberDuesPosition } from '../dues/arrears';
import { arrearsToday } from '../dues/arrears-today';
import { baseOf, type DuesData, type DuesIndex } from '../dues/data';
import type { DuesMember } from '../dues/eligibility';
import { addMonths, monthLabel, monthsBetween, monthsLabel } from '../dues/months';
import { monthlyDues } from '../dues/rule';
import { firstNegativeCash } from '../engine/rules/cash';
import { formatDate } from '../engine/rules/dates';
import type { FinanceBook } from '../finance/balances';
import { isMonthClosed } from '../finance/closing';
import { formatYuan } from '../money/fen';
import type { DuesRule, IsoDate, IsoMonth, MonthClose } from '../model/records';
import type { DeskPast } from './desk-book';

/** What a to-do asks the chair to do; the page maps each to the place where it is done. */
export type DeskAction = 'roster' | 'books-start' | 'post-dues' | 'close-months' | 'fix-cash' | 'collect-arrears' | 'backup';

export interface DeskTodo {
  /** Stable key, one per kind of to-do. */
  key: 'roster' | 'books-start' | 'dues-month' | 'unclosed' | 'negative-cash' | 'arrears' | 'six-months' | 'backup';
  /** error: the books are wrong or a member is about to be lost; warning: overdue; info: this month's routine. */
  tone: 'error' | 'warning' | 'info';
  title: string;
  /** Why it is on the list, with the figures that put it there. */
  reason: string;
  action: DeskAction;
  actionLabel: string;
  /** The month the action is about (登记 or 结账至), when there is one. */
  month?: IsoMonth;
}

/** The book as the desk reads it on a day. */
export interface DeskInput {
  today: IsoDate;
  rule: DuesRule;
  /** 开账 month, or null when no start of books was declared. */
  booksStart: IsoMonth | null;
  dues: { data: DuesData<DuesMember>; index: DuesIndex<DuesMember> };
  finance: FinanceBook;
  /**
   * The years before the open year, when `finance` holds only the open year on (see desk-book.ts);
   * absent, `finance` is the whole book.
   */
  past?: Pick<DeskPast, 'firstEntryMonth' | 'cashLow'>;
  monthCloses: readonly MonthClose[];
  backup: BackupState;
}

/** This device's last backup: when it succeeded (a day), or why the last attempt failed. */
export interface BackupState {
  lastOn: IsoDate | null;
  error?: string;
  /** Whether the book holds anything worth backing up. */
  hasData: boolean;
}

/** A backup older than this many days is a to-do. */
export const BACKUP_MAX_AGE_DAYS = 7;

/** Everything the chair should do now, most urgent first. */
export function deskTodos(input: DeskInput): DeskTodo[] {
  const arrears = arrearsToday(input.dues, { rule: input.rule, booksStart: input.booksStart }, input.today);
  const todos = [
    rosterTodo(input.dues.data),
    booksStartTodo(input),
    negativeCashTodo(input.finance, input.past),
    sixMonthTodo(arrears.rows),
    arrearsTodo(arrears.rows, arrears.throughMonth),
    unclosedTodo(input),
    duesMonthTodo(input),
    backupTodo(input.backup, input.today),
  ];
  return todos.filter((t): t is DeskTodo => t !== null);
}

/** A new union starts from its roster: dues, activities and welfare all name members. */
export function rosterTodo(data: Pick<DuesData<DuesMember>, 'members'>): DeskTodo | null {
  if (data.members.some((m) => m.deleted === 0)) return null;
  return {
    key: 'roster',
    tone: 'info',
    title: '录入会员名册',
    reason: '会费、活动、慰问都从会员名册开始。已有 Excel 名册的可直接导入；没有的，先下载名册模板填写。',
    action: 'roster',
    actionLabel: '去录入会员',
  };
}

/**
 * A book with no start (开账) and no entries yet: the month the books begin here and the money on
 * hand then decide what is owed and what the balances are.
 */
export function booksStartTodo(input: Pick<DeskInput, 'booksStart' | 'finance' | 'past'>): DeskTodo | null {
  if (
    input.booksStart ||
    input.past?.firstEntryMonth ||
    input.finance.openingBalances.some((r) => r.deleted === 0) ||
    input.finance.transactions.some((t) => t.deleted === 0)
  ) {
    return null;
  }
  return {
    key: 'books-start',
    tone: 'info',
    title: '开账',
    reason: '写下从哪个月开始在这里记账，以及当时的库存现金和银行存款；此前的月份不计欠缴，也不用结账。',
    action: 'books-start',
    actionLabel: '去开账',
  };
}

/**
 * Members whose dues for the current month are owed and not yet entered. Payroll deduction happens
 * inside the month, so this is routine, not arrears (those come once the month is over).
 */
export function duesMonthTodo(input: Pick<DeskInput, 'today' | 'rule' | 'booksStart' | 'dues'>): DeskTodo | null {
  const month = input.today.slice(0, 7);
  if (input.booksStart && month < input.booksStart) return null;
  const { index } = input.dues;
  const year = Number(month.slice(0, 4));
  let people = 0;
  let fen = 0;
  for (const timeline of index.timelines) {
    const base = baseOf(index, timeline.member.id, year);
    const position = memberDuesPosition(
      {
        timeline,
        paid: new Map([[month, index.netPaid.get(`${timeline.member.id}:${month}`) ?? 0]]),
        monthlyFor: () => (base === null ? 0 : monthlyDues(base, input.rule)),
      },
      { from: month, through: month },
    );
    if (position.unpaidMonths.length > 0) {
      people++;
      fen += position.unpaidFen;
    }
  }
  if (people === 0) return null;
  return {
    key: 'dues-month',
    tone: 'info',
    title: `登记${monthLabel(month)}会费`,
    reason: `${people} 名会员本月会费尚未登记，共 ${formatYuan(fen)} 元；工资代扣后请登记，月底前登记不算欠缴。`,
    action: 'post-dues',
    actionLabel: '登记本月会费',
    month,
  };
}

/**
 * Ended months that are not closed, from the start of books (or the first entry) on. A closed month
 * is what makes a month's figures final; the treasurer closes each month after it ends.
 */
export function unclosedTodo(input: Pick<DeskInput, 'today' | 'booksStart' | 'finance' | 'past' | 'monthCloses'>): DeskTodo | null {
  let first: IsoMonth | null = input.booksStart;
  if (!first) {
    first = input.past?.firstEntryMonth ?? null;
    for (const t of input.finance.transactions) {
      if (t.deleted === 0 && (first === null || t.date.slice(0, 7) < first)) first = t.date.slice(0, 7);
    }
  }
  const lastEnded = addMonths(input.today.slice(0, 7), -1);
  if (!first || first > lastEnded) return null;
  const open = monthsBetween(first, lastEnded).filter((m) => !isMonthClosed(input.monthCloses, m));
  if (open.length === 0) return null;
  const latest = open[open.length - 1]!;
  return {
    key: 'unclosed',
    tone: open.length > 1 ? 'warning' : 'info',
    title: `${open.length} 个月未结账`,
    reason: `${monthsLabel(open)}已结束但未结账；结账后当月账目才成为定数，报表和文档按结账后的数字出具。`,
    action: 'close-months',
    actionLabel: `结账至${monthLabel(latest)}`,
    month: latest,
  };
}

/** Cash may never go negative on any day; a book that shows it holds a missing 提现 or a wrong place. */
export function negativeCashTodo(finance: FinanceBook, past?: Pick<DeskPast, 'cashLow'>): DeskTodo | null {
  const low = past?.cashLow ?? firstNegativeCash(finance);
  if (!low) return null;
  return {
    key: 'negative-cash',
    tone: 'error',
    title: '库存现金为负数',
    reason: `${formatDate(low.date)}库存现金余额为 ${formatYuan(low.cashFen)} 元。现金不能为负：多半是漏记了从银行提现，或把银行支付记成了现金。`,
    action: 'fix-cash',
    actionLabel: '去收支更正',
  };
}

/** Unpaid owed months up to the last overdue month, by the as-of rule the documents use. */
export function arrearsTodo(rows: ReturnType<typeof arrearsToday>['rows'], throughMonth: IsoMonth): DeskTodo | null {
  const warned = new Set(arrearsWarnings(rows).map((r) => r.memberId));
  const others = rows.filter((r) => !warned.has(r.memberId));
  if (others.length === 0) return null;
  const fen = others.reduce((s, r) => s + r.unpaidFen, 0);
  const names = others.slice(0, 3).map((r) => r.name);
  return {
    key: 'arrears',
    tone: 'warning',
    title: `${others.length} 名会员欠缴会费`,
    reason: `截至${monthLabel(throughMonth)}，${names.join('、')}${others.length > 3 ? ' 等' : ''}有未缴月份，共 ${formatYuan(fen)} 元。已代扣但未登记的，请补录。`,
    action: 'collect-arrears',
    actionLabel: '补录欠缴',
  };
}

/** Six months without dues counts as leaving the union; the warning comes a month before. */
export function sixMonthTodo(rows: ReturnType<typeof arrearsToday>['rows']): DeskTodo | null {
  const warned = arrearsWarnings(rows);
  if (warned.length === 0) return null;
  const names = warned.slice(0, 3).map((r) => `${r.name}（${r.consecutive}个月）`);
  return {
    key: 'six-months',
    tone: 'error',
    title: `${warned.length} 名会员连续 ${ARREARS_WARNING_MONTHS} 个月以上未缴`,
    reason: `${names.join('、')}${warned.length > 3 ? ' 等' : ''}。连续 6 个月不交纳会费视为自动退会，请补录、提醒或办理免缴。`,
    action: 'collect-arrears',
    actionLabel: '补录欠缴',
  };
}

/** IndexedDB alone is no safe place for the only copy of the books. */
export function backupTodo(backup: BackupState, today: IsoDate): DeskTodo | null {
  if (!backup.hasData) return null;
  const base = { key: 'backup' as const, action: 'backup' as const, actionLabel: '备份' };
  if (backup.error) {
    return {
      ...base,
      tone: 'error',
      title: '自动备份失败',
      reason: `上次自动备份没有成功：${backup.error}。${backup.lastOn ? `最近一次成功的备份在 ${formatDate(backup.lastOn)}。` : ''}请检查备份文件夹，或手动备份一份。`,
    };
  }
  if (!backup.lastOn) {
    return {
      ...base,
      tone: 'warning',
      title: '还没有备份',
      reason: '账目只保存在这台电脑上，电脑损坏或重装系统会丢失全部数据。请备份到U盘或其他电脑。',
    };
  }
  const age = daysBetween(backup.lastOn, today);
  if (age < BACKUP_MAX_AGE_DAYS) return null;
  return {
    ...base,
    tone: 'warning',
    title: `${age} 天未备份`,
    reason: `上次备份在 ${formatDate(backup.lastOn)}，已超过 ${BACKUP_MAX_AGE_DAYS} 天；之后记的账还没有备份。`,
  };
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
