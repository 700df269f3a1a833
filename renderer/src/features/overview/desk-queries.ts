import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { todayIso } from '../../../../shared/clock/today';
import { activityTurnout, memberFlow, type ActivityTurnout, type MemberFlowMonth } from '../../../../shared/desk/charts';
import { deskFinance, deskPast, type DeskPast } from '../../../../shared/desk/desk-book';
import { deskEntriesOf } from '../../../../shared/desk/desk-entries';
import type { Activity, Budget, MonthClose, OpeningBalance, Transaction, UnionProfile } from '../../../../shared/model/records';
import { deskTodos, type DeskTodo } from '../../../../shared/desk/todos';
import { DEFAULT_DUES_RULE } from '../../../../shared/dues/rule';
import { balancesAt, type PlaceBalances } from '../../../../shared/finance/balances';
import { booksStartMonth } from '../../../../shared/finance/books-start';
import { budgetExecution, type BudgetExecution } from '../../../../shared/finance/budgets';
import { spendingByMonth, type MonthSpending } from '../../../../shared/finance/monthly';
import { useServices } from '../../app/services';
import { SYNC_KEYS } from '../../db/sync-keys';
import { lastGoodOn, type BackupResult } from '../backup/device-folder';
import { deskPayments, unsettledMonths } from '../../../../shared/desk/dues-months';
import { buildDuesIndex, type DuesData, type DuesIndex } from '../../../../shared/dues/data';
import type { DuesMember } from '../../../../shared/dues/eligibility';
import type { UnionBooksDB } from '../../db/database';

/** The dues data as 概览 reads it: of the members, only what dues need (`DuesMember`). */
export interface DeskDues {
  data: DuesData<DuesMember>;
  index: DuesIndex<DuesMember>;
}

/** Everything 概览 shows, computed by the shared desk functions from the book on today. */
export interface Desk {
  today: string;
  year: number;
  todos: DeskTodo[];
  balances: PlaceBalances;
  budgets: BudgetExecution[];
  months: MonthSpending[];
  flow: MemberFlowMonth[];
  turnout: ActivityTurnout[];
}

/**
 * The dues data the desk counts from: what it needs of each member (`$deskMembers`, not the whole
 * roster), their membership events, the wage bases of last year
 * and this one, and the payments from the start of last year on as their months fold them
 * (`$duesMonths`, a few dozen rows where the payments are some hundred thousand). A month holding a
 * payment dated after today is read as its rows, so what was paid by today stays exact.
 */
export async function readDeskDues(db: UnionBooksDB, year: number, today: string): Promise<DeskDues> {
  const [members, memberships, wageBases, months] = await Promise.all([
    db.$deskMembers.toArray(),
    db.memberships.toArray(),
    db.wageBases
      .where('year')
      .between(year - 1, year, true, true)
      .toArray(),
    db.$duesMonths
      .where('month')
      .aboveOrEqual(`${year - 1}-01`)
      .toArray(),
  ]);
  const unsettled = unsettledMonths(months, today);
  const rows = unsettled.length > 0 ? await db.duesPayments.where('month').anyOf(unsettled).toArray() : [];
  const data = { members, memberships, wageBases, duesPayments: deskPayments(months, today, rows) };
  return { data, index: buildDuesIndex(data) };
}

/** The book beside the dues that 概览 computes from: the entries as their months fold them, and the small tables. */
export interface DeskBook {
  union: UnionProfile | undefined;
  /** Stand-ins for the entries from the open year on (shared/desk/desk-entries.ts). */
  transactions: Transaction[];
  past: DeskPast;
  openingBalances: OpeningBalance[];
  monthCloses: MonthClose[];
  budgets: Budget[];
  activities: Activity[];
  backup: BackupResult | undefined;
}

/**
 * Reads the book the desk computes from. The entries come as their months fold them
 * (`$deskEntries`, a row per month where the entries are some ten thousand): the years before the
 * open one give its opening, the first entry and the cash check, the open year its balances,
 * budget use and monthly spending.
 */
export async function readDeskBook(db: UnionBooksDB, year: number): Promise<DeskBook> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [union, months, openingBalances, monthCloses, budgets, activities, backup] = await Promise.all([
    db.union.filter((u) => u.deleted === 0).first(),
    db.$deskEntries.toArray(),
    db.openingBalances.toArray(),
    db.monthCloses.toArray(),
    db.budgets.where('year').equals(year).toArray(),
    db.activities.where('startDate').between(from, to, true, true).toArray(),
    db.$sync.get(SYNC_KEYS.backupResult),
  ]);
  const entries = deskEntriesOf(months, year);
  return {
    union,
    transactions: entries.fromYear,
    past: deskPast(entries.before, openingBalances, year),
    openingBalances,
    monthCloses,
    budgets,
    activities,
    backup: backup?.value as BackupResult | undefined,
  };
}

/** Everything 概览 shows on `today`, from the dues data and the book as the desk reads them. */
export function deskOf(today: string, dues: DeskDues, book: DeskBook): Desk {
  const year = Number(today.slice(0, 4));
  const { past } = book;
  const finance = deskFinance(book.transactions, book.openingBalances, year, past);
  const { members, memberships } = dues.data;
  const live = members.some((m) => m.deleted === 0) || past.firstEntryMonth !== null || book.transactions.some((t) => t.deleted === 0);
  const todos = deskTodos({
    today,
    rule: book.union?.duesRule ?? DEFAULT_DUES_RULE,
    booksStart: booksStartMonth(book.openingBalances),
    dues,
    finance,
    past,
    monthCloses: book.monthCloses,
    backup: {
      lastOn: lastGoodOn(book.backup),
      error: book.backup?.error,
      hasData: live,
    },
  });
  return {
    today,
    year,
    todos,
    balances: balancesAt(finance, today),
    budgets: budgetExecution(book.budgets, book.transactions, year),
    months: spendingByMonth(book.transactions, year),
    flow: memberFlow(members, memberships, year, today),
    turnout: activityTurnout(book.activities, year),
  };
}

/**
 * The dues data and the book are read in queries of their own, so a new entry does not re-read the
 * roster. Nothing is read until `start`: the page starts the desk once its six figures are in,
 * since the database answers reads one after another and the desk's would otherwise hold the
 * figures back.
 */
export function useDesk(start = true): Desk | undefined {
  const { db } = useServices();
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const dues = useLiveQuery(() => (start ? readDeskDues(db, year, today) : undefined), [db, year, today, start]);
  const book = useLiveQuery(() => (start ? readDeskBook(db, year) : undefined), [db, year, start]);
  return useMemo(() => (book && dues ? deskOf(today, dues, book) : undefined), [book, dues, today]);
}
