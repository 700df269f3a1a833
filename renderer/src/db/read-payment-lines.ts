import { paymentLines, type PaymentLine } from '../../../shared/dues/payment-list';
import type { BookDatabase } from './book-database';
import { readAll } from './read-all';

/**
 * 缴费记录 of a year (shared/dues/payment-list.ts) from the roster's names and the payments of the
 * year's months (the `month` index; a reversal shares its payment's month).
 */
export async function readPaymentLines(db: BookDatabase, year: number): Promise<PaymentLine[]> {
  const read = await readAll({
    members: db.members.toArray(),
    payments: db.duesPayments.where('month').between(`${year}-01`, `${year}-12`, true, true).toArray(),
  });
  return paymentLines(read.members, read.payments, year);
}

/** The tables `readPaymentLines` reads. */
export const PAYMENT_LINES_TABLES = ['members', 'duesPayments'] as const;
