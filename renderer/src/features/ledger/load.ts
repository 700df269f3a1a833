import { anchorYear } from '../../../../shared/finance/balances';
import type { BalanceSheetBook } from '../../../../shared/finance/balance-sheet';
import type { UnionBooksDB } from '../../db/database';

/**
 * What the balance sheet of a year needs: the opening rows, the fixed assets, and the entries from
 * the year its opening is anchored at (a closed year stores its own, so usually just this year).
 */
export async function loadLedgerBook(db: UnionBooksDB, year: number): Promise<BalanceSheetBook> {
  const [openingBalances, fixedAssets] = await Promise.all([db.openingBalances.toArray(), db.fixedAssets.toArray()]);
  const anchor = anchorYear(openingBalances, year);
  const from = anchor === null ? '' : `${anchor}-01-01`;
  const transactions = await db.transactions.where('date').between(from, `${year}-12-31`, true, true).toArray();
  return { transactions, openingBalances, fixedAssets };
}
