import { CUSTODY_ACCOUNT, RECEIVABLE_ACCOUNT } from '../../accounts/chart';
import { advancesAt, firstNegativeCustody, isAdvance } from '../../finance/held';
import { formatYuan } from '../../money/fen';
import type { Transaction } from '../../model/records';
import { BookError } from '../errors';
import { formatDate } from '../rules/dates';
import type { BookStore } from '../store';
import { financeBook } from './state';

type Named = Pick<Transaction, 'date' | 'amountFen' | 'advanceId' | 'reversalOf'>;

/**
 * Why an entry may not settle the advance it names, or null: the advance must be a live 借出/预付
 * paid on or before the entry's day, with at least the entry's amount still open on that day.
 */
export async function advanceProblem(store: BookStore, entry: Named): Promise<string | null> {
  if (!entry.advanceId) return null;
  const advance = await store.get('transactions', entry.advanceId);
  if (!advance || advance.deleted !== 0 || !isAdvance(advance)) return '借款：要结算的借款不存在';
  if (advance.date > entry.date) return `借款：${advance.voucherNumber} 付出于 ${formatDate(advance.date)}，不能在此之前结算`;
  if (entry.reversalOf || entry.amountFen <= 0) return null;
  const state = advancesAt(await store.all('transactions'), entry.date).find((a) => a.advance.id === advance.id);
  const open = state?.openFen ?? 0;
  if (entry.amountFen > open)
    return `借款：${advance.voucherNumber} 当日尚未结算 ${formatYuan(open)} 元，结算 ${formatYuan(entry.amountFen)} 元超出了；超出部分请另记一笔支出`;
  return null;
}

/**
 * After a write inside its transaction: 代管经费 may not be paid out beyond what is held, and no
 * advance may end up settled beyond what was advanced (reversing an advance already settled is refused).
 */
export async function assertHeldStaysWhole(store: BookStore, row: Transaction): Promise<void> {
  if (row.accountCode === CUSTODY_ACCOUNT) {
    const low = firstNegativeCustody(await financeBook(store), row.date);
    if (low)
      throw new BookError(
        `保存后 ${formatDate(low.date)} 代管经费将为 ${formatYuan(low.custodyFen)} 元：付出的代管经费不能超过收到的`,
        'amountFen',
      );
  }
  const advanceId = row.advanceId || (row.accountCode === RECEIVABLE_ACCOUNT && row.reversalOf ? row.reversalOf : '');
  if (!advanceId) return;
  const all = await store.all('transactions');
  const advance = all.find((t) => t.id === advanceId);
  if (!advance || !isAdvance(advance)) return;
  const state = advancesAt(all, '9999-12-31').find((a) => a.advance.id === advanceId);
  if (state && state.openFen < 0)
    throw new BookError(
      `${advance.voucherNumber} 借款已结算 ${formatYuan(state.settledFen)} 元，保存后将超出借款 ${formatYuan(-state.openFen)} 元；请先冲销结算记录`,
      'amountFen',
    );
}
