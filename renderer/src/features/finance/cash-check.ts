import { findAccount } from '../../../../shared/accounts/chart';
import type { FinanceBook } from '../../../../shared/finance/balances';
import { firstNegativeCash, lowersCash, type CashLow } from '../../../../shared/engine/rules/cash';
import { unsavedEntry } from '../../../../shared/model/entry';
import type { MoneyFlow, MoneyPlace, Transaction } from '../../../../shared/model/records';

/** An entry as the form holds it before saving. */
export interface CashDraft {
  date: string;
  place: MoneyPlace;
  accountCode: string;
  amountFen: number | null;
  /** 231 代管经费 and 135 其他应收款 say which way the money goes. */
  flow?: MoneyFlow;
}

/**
 * The first day cash would close below zero if `draft` were saved (in place of `replacing`, when an
 * entry is edited), or null. It runs the engine's own rule (firstNegativeCash) over the entries the
 * page has loaded, so the user sees the warning while typing; the engine refuses the save anyway.
 * Only a draft that lowers cash is judged: a book that is already short elsewhere is not this entry's doing.
 */
export function cashShortfall(book: FinanceBook, draft: CashDraft, replacing?: Transaction): CashLow | null {
  const amountFen = draft.amountFen;
  if (amountFen === null || !Number.isSafeInteger(amountFen) || amountFen <= 0) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || !findAccount(draft.accountCode)) return null;
  const after = unsavedEntry({ ...replacing, ...draft, amountFen, id: replacing?.id ?? 'draft', deleted: 0 });
  const from = lowersCash(replacing ? [replacing] : [], [after]);
  if (from === null) return null;
  const others = book.transactions.filter((t) => t.id !== after.id);
  return firstNegativeCash({ transactions: [...others, after], openingBalances: book.openingBalances }, from);
}
