import type { BookBuilder } from '../book/builder';
import type { MoneyPlace, Transaction } from '../model/records';

export interface EntryLinks {
  activityId?: string;
  welfareId?: string;
  duesBatchId?: string;
  /** 专项补助: what a 40302 receipt was given for. */
  purpose?: string;
}

/** Writes the demo's entries (voucher numbers come last, once every entry is dated). */
export class Money {
  count = 0;

  constructor(private readonly builder: BookBuilder) {}

  entry(date: string, place: MoneyPlace, accountCode: string, amountFen: number, summary: string, links: EntryLinks = {}): Transaction {
    this.count++;
    return this.builder.insert('transactions', {
      date,
      place,
      accountCode,
      amountFen: Math.round(amountFen),
      summary,
      voucherNumber: '',
      attachmentIds: [],
      reversalOf: '',
      activityId: links.activityId ?? '',
      welfareId: links.welfareId ?? '',
      duesBatchId: links.duesBatchId ?? '',
      ...(links.purpose ? { purpose: links.purpose } : {}),
    });
  }
}
