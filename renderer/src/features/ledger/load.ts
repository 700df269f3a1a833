import type { AuditBook } from '../../../../shared/audit/review';
import { anchorYear, type FinanceBook } from '../../../../shared/finance/balances';
import type { Budget } from '../../../../shared/model/records';
import type { BalanceSheetBook } from '../../../../shared/finance/balance-sheet';
import type { UnionBooksDB } from '../../db/database';
import type { BookDatabase } from '../../db/book-database';
import { readAll } from '../../db/read-all';

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

/**
 * What the 经费审查 of a year reads: every entry (the bank reconciliation pairs statement lines with
 * entries of any year), the statement lines, matches and skips, the closes, the year's welfare and
 * budgets, and the dues payments a year's money can concern (late ones for two years back, advance
 * ones for the next), as the documents read them. The office worker reads it (AUDIT_BOOK_TABLES).
 */
export async function loadAuditBook(db: BookDatabase, year: number): Promise<AuditBook> {
  return readAll({
    transactions: db.transactions.toArray(),
    openingBalances: db.openingBalances.toArray(),
    fixedAssets: db.fixedAssets.toArray(),
    monthCloses: db.monthCloses.toArray(),
    bankLines: db.bankLines.toArray(),
    bankMatches: db.bankMatches.toArray(),
    bankSkips: db.bankSkips.toArray(),
    welfare: db.welfare.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray(),
    union: db.union.toArray(),
    budgets: db.budgets.where('year').equals(year).toArray(),
    duesPayments: db.duesPayments
      .where('month')
      .between(`${year - 2}-01`, `${year + 1}-12`, true, true)
      .toArray(),
  });
}

/** The tables `loadAuditBook` reads: a change to any of them can change the review. */
export const AUDIT_BOOK_TABLES = [
  'transactions',
  'openingBalances',
  'fixedAssets',
  'monthCloses',
  'bankLines',
  'bankMatches',
  'bankSkips',
  'welfare',
  'union',
  'budgets',
  'duesPayments',
] as const;

/** What next year's 预算表 reads: this year's and next year's entries (actuals and execution), next year's budgets. */
export async function loadBudgetBook(db: UnionBooksDB, year: number): Promise<FinanceBook & { budgets: Budget[] }> {
  const [transactions, openingBalances, budgets] = await Promise.all([
    db.transactions
      .where('date')
      .between(`${year - 1}-01-01`, `${year}-12-31`, true, true)
      .toArray(),
    db.openingBalances.toArray(),
    db.budgets.where('year').equals(year).toArray(),
  ]);
  return { transactions, openingBalances, budgets };
}
