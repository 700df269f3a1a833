import { reconcile, type BankBook } from '../../../../shared/bank/reconcile';
import { reconciliationXlsx } from '../../../../shared/bank/reconciliation-xlsx';
import { monthLabel } from '../../../../shared/finance/period';
import type { IsoMonth, UnionProfile } from '../../../../shared/model/records';
import { FILTERS, type Platform } from '../../platform';
import { todayIso } from '../finance/format';

export async function exportReconciliation(
  platform: Platform,
  book: BankBook,
  month: IsoMonth,
  union: UnionProfile | null,
): Promise<boolean> {
  const bytes = await reconciliationXlsx(reconcile(book, month), {
    unionName: union?.name ?? '',
    chair: union?.chair ?? '',
    treasurer: union?.treasurer ?? '',
    madeOn: todayIso(),
  });
  return platform.saveFile(`银行存款余额调节表-${monthLabel(month)}.xlsx`, bytes, FILTERS.xlsx);
}
