import type { DuesPayment, IsoMonth } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';

/**
 * The payments of the months `from` to `to`, in month order, read a month per request. A page
 * re-reads them after each posting; read in one request, a large union's payments came back as one
 * result that the window turned into rows in one long task. Read a month at a time, each result is
 * a month of the roster, its own short task.
 */
export async function paymentsOfMonths(db: UnionBooksDB, from: IsoMonth, to: IsoMonth): Promise<DuesPayment[]> {
  const months = (await db.duesPayments.where('month').between(from, to, true, true).uniqueKeys()) as string[];
  const perMonth = await Promise.all(months.map((month) => db.duesPayments.where('month').equals(month).toArray()));
  return perMonth.flat();
}
