import { booksStartMonth } from '../../finance/books-start';
import type { FinanceBook } from '../../finance/balances';
import type { Transaction } from '../../model/records';
import { BookError } from '../errors';
import { firstNegativeCash, lowersCash, negativeCashMessage } from '../rules/cash';
import type { PeriodState } from '../rules/dates';
import type { BookStore } from '../store';

/** The tables every money write reads its rules from, always in the transaction's scope. */
export const PERIOD_TABLES = ['monthCloses', 'submissions', 'openingBalances'] as const;

export async function periodState(store: BookStore): Promise<PeriodState> {
  const [monthCloses, submissions, openingBalances] = await Promise.all([
    store.all('monthCloses'),
    store.all('submissions'),
    store.all('openingBalances'),
  ]);
  return { monthCloses, submissions, booksStart: booksStartMonth(openingBalances), today: store.today() };
}

export async function financeBook(store: BookStore): Promise<FinanceBook> {
  const [transactions, openingBalances] = await Promise.all([store.all('transactions'), store.all('openingBalances')]);
  return { transactions, openingBalances };
}

/**
 * Run after a group of writes, inside their transaction: if they lowered cash on some day, the
 * whole cash series from that day on must stay at or above zero, or the group is refused (and the
 * transaction rolls back). Writes that only add cash need no check.
 */
export async function assertCashStaysNonNegative(
  store: BookStore,
  before: readonly Transaction[],
  after: readonly Transaction[],
): Promise<void> {
  const from = lowersCash(before, after);
  if (from === null) return;
  const low = firstNegativeCash(await financeBook(store), from);
  if (low) throw new BookError(negativeCashMessage(low), 'amountFen');
}
