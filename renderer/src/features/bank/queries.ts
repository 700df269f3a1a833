import { useLiveQuery } from 'dexie-react-hooks';
import type { BankBook } from '../../../../shared/bank/reconcile';
import { useServices } from '../../app/services';

/**
 * What the 银行对账 tab reads, live: every entry and opening row (the bank balance at a month-end is
 * carried from the start of books) and the statement lines, matches and skips.
 */
export function useBankBook(): BankBook | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [transactions, openingBalances, bankLines, bankMatches, bankSkips] = await Promise.all([
      db.transactions.toArray(),
      db.openingBalances.toArray(),
      db.bankLines.toArray(),
      db.bankMatches.toArray(),
      db.bankSkips.toArray(),
    ]);
    return { transactions, openingBalances, bankLines, bankMatches, bankSkips };
  }, [db]);
}
