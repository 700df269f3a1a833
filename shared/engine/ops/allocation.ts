import { ALLOCATION_ACCOUNT, PAYABLE_ACCOUNT } from '../../accounts/chart';
import { allocationShareOf, shareText, splitAllocation } from '../../finance/allocation';
import { payableAt } from '../../finance/payable';
import { formatYuan } from '../../money/fen';
import { noLinks } from '../../model/entry';
import type { MoneyPlace, Transaction } from '../../model/records';
import { BookError } from '../errors';
import type { AmountOptions } from '../rules/amounts';
import type { BookStore } from '../store';
import { addFiles, bookEntry, ENTRY_TABLES, type NewFile } from './entries';
import { financeBook } from './state';

export interface AllocationReceipt {
  date: string;
  place: MoneyPlace;
  /** What arrived: the full 拨缴经费 (2 % of payroll). */
  amountFen: number;
  summary?: string;
  /** The union's share in basis points; by default the one on the union profile (60 % unless set). */
  shareBasisPoints?: number;
  /** Scans of the remittance slip, kept with the voucher. */
  files?: readonly NewFile[];
}

/**
 * 拨缴经费 received in full: one entry, one voucher, split into 402 拨缴经费收入 (the union's share)
 * and 应付上级经费 (the rest). Where only the union's share arrives, 记一笔 on 402 is the whole story.
 */
export async function receiveAllocation(store: BookStore, input: AllocationReceipt, options: AmountOptions = {}): Promise<Transaction> {
  return store.transaction([...ENTRY_TABLES, 'union'], async () => {
    const union = (await store.all('union')).find((u) => u.deleted === 0);
    const share = input.shareBasisPoints ?? allocationShareOf(union);
    if (!Number.isInteger(share) || share < 0 || share > 10_000) throw new BookError('留成比例：应在 0% 到 100% 之间', 'shareBasisPoints');
    const split = splitAllocation(input.amountFen, share);
    const summary =
      input.summary?.trim() ||
      `收到拨缴经费 ${formatYuan(input.amountFen)} 元，留成 ${shareText(share)}，应上缴 ${formatYuan(split.payableFen)} 元`;
    return bookEntry(
      store,
      {
        date: input.date,
        place: input.place,
        accountCode: ALLOCATION_ACCOUNT,
        amountFen: input.amountFen,
        summary,
        ...noLinks(),
        attachmentIds: await addFiles(store, input.files ?? []),
        ...(split.payableFen !== 0 && Number.isSafeInteger(input.amountFen) ? { payableFen: split.payableFen } : {}),
      },
      options,
    );
  });
}

export interface UpwardPayment {
  date: string;
  place: MoneyPlace;
  amountFen: number;
  summary?: string;
}

/** 上缴上级经费: pays what is owed upward; more than is owed on that day is refused. */
export async function payUpward(store: BookStore, input: UpwardPayment, options: AmountOptions = {}): Promise<Transaction> {
  return store.transaction(ENTRY_TABLES, async () => {
    const owed = /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? payableAt(await financeBook(store), input.date) : 0;
    if (Number.isSafeInteger(input.amountFen) && input.amountFen > owed)
      throw new BookError(`金额：${formatYuan(input.amountFen)} 元超过当日应付上级经费 ${formatYuan(owed)} 元`, 'amountFen');
    return bookEntry(
      store,
      {
        date: input.date,
        place: input.place,
        accountCode: PAYABLE_ACCOUNT,
        amountFen: input.amountFen,
        summary: input.summary?.trim() || '上缴上级工会经费',
        ...noLinks(),
      },
      options,
    );
  });
}

/** What is owed upward at the end of a day (for the form: 当前应付上级经费). */
export async function payableOn(store: BookStore, date: string): Promise<number> {
  return payableAt(await financeBook(store), date);
}
