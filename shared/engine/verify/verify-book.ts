import { todayIso } from '../../clock/today';
import type { BookTables } from '../../model/book';
import type { IsoDate } from '../../model/records';
import { checkBankMatches } from './bank';
import { checkMembers, checkReferences } from './members';
import { checkAccountsAndCash, checkDates, checkDuesLedger, checkReversals, checkVouchers } from './money';
import type { VerifyProblem } from './problem';
import { checkRows } from './rows';
import { checkBalanceSheets, checkFixedAssets, checkHeld, checkPayable } from './ledger';

/**
 * Every invariant the book engine keeps, checked on a whole book: each row valid for its kind,
 * references that resolve, reversal integrity, the voucher sequence, no day with negative cash,
 * money within the books, no ID number twice among live members, histories that make sense, and
 * dues agreeing with the 401 account, 应付上级经费 never overpaid, fixed assets backed by their
 * spending, and a 资产负债表 that balances every year. An empty list means the book is sound.
 */
export function verifyBook(book: BookTables, today: IsoDate = todayIso()): VerifyProblem[] {
  const { problems, sound } = checkRows(book);
  return [
    ...problems,
    ...checkReferences(sound),
    ...checkMembers(sound, today),
    ...checkReversals(sound),
    ...checkVouchers(sound),
    ...checkAccountsAndCash(sound),
    ...checkDates(sound, today),
    ...checkDuesLedger(sound),
    ...checkBankMatches(sound),
    ...checkPayable(sound),
    ...checkHeld(sound),
    ...checkFixedAssets(sound),
    ...checkBalanceSheets(sound),
  ];
}
