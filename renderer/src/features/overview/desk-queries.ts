import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { todayIso } from '../../../../shared/clock/today';
import { activityTurnout, memberFlow, type ActivityTurnout, type MemberFlowMonth } from '../../../../shared/desk/charts';
import { deskTodos, type DeskTodo } from '../../../../shared/desk/todos';
import { DEFAULT_DUES_RULE } from '../../../../shared/dues/rule';
import { balancesAt, type PlaceBalances } from '../../../../shared/finance/balances';
import { booksStartMonth } from '../../../../shared/finance/books-start';
import { budgetExecution, type BudgetExecution } from '../../../../shared/finance/budgets';
import { spendingByMonth, type MonthSpending } from '../../../../shared/finance/monthly';
import { useServices } from '../../app/services';
import { SYNC_KEYS } from '../../db/sync-keys';
import { lastGoodOn, type BackupResult } from '../backup/device-folder';
import { useDuesIndex } from '../dues/queries';

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

export function useDesk(): Desk | undefined {
  const { db } = useServices();
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const dues = useDuesIndex(year);
  const book = useLiveQuery(async () => {
    const [union, transactions, openingBalances, monthCloses, budgets, members, memberships, activities, backup] = await Promise.all([
      db.union.filter((u) => u.deleted === 0).first(),
      db.transactions.toArray(),
      db.openingBalances.toArray(),
      db.monthCloses.toArray(),
      db.budgets.where('year').equals(year).toArray(),
      db.members.toArray(),
      db.memberships.toArray(),
      db.activities.where('startDate').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray(),
      db.$sync.get(SYNC_KEYS.backupResult),
    ]);
    return {
      union,
      transactions,
      openingBalances,
      monthCloses,
      budgets,
      members,
      memberships,
      activities,
      backup: backup?.value as BackupResult | undefined,
    };
  }, [db, year]);
  return useMemo(() => {
    if (!book || !dues) return undefined;
    const finance = { transactions: book.transactions, openingBalances: book.openingBalances };
    const live = book.members.some((m) => m.deleted === 0) || book.transactions.some((t) => t.deleted === 0);
    const todos = deskTodos({
      today,
      rule: book.union?.duesRule ?? DEFAULT_DUES_RULE,
      booksStart: booksStartMonth(book.openingBalances),
      dues,
      finance,
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
      flow: memberFlow(book.members, book.memberships, year, today),
      turnout: activityTurnout(book.activities, year),
    };
  }, [book, dues, today, year]);
}
