import type { Transaction } from './records';

/** The links of an entry that has none: no vouchers' scans, not a reversal, no activity, visit or dues batch. */
export function noLinks(): Pick<Transaction, 'attachmentIds' | 'reversalOf' | 'activityId' | 'welfareId' | 'duesBatchId'> {
  return { attachmentIds: [], reversalOf: '', activityId: '', welfareId: '', duesBatchId: '' };
}

/**
 * An entry that exists only in a computation (a form's draft, the desk's folded groups): every field
 * the book would fill on saving left blank, so the finance rules read it as they read a saved entry.
 */
export function unsavedEntry(
  fields: Pick<Transaction, 'date' | 'place' | 'accountCode' | 'amountFen'> & Partial<Transaction>,
): Transaction {
  return { id: '', updatedAt: '', deviceId: '', deleted: 0, summary: '', voucherNumber: '', ...noLinks(), ...fields };
}
