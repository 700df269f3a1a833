import type { DuesPayment } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';

/**
 * The payments of `fromMonth` and every month after it ('' for all), in month order, read a month
 * per request. A page re-reads them after each posting; read in one request, a large union's years
 * of payments came back as one result that the window turned into rows in one long task. Read a
 * month at a time, each result is a month of the roster, its own short task.
 */
export async function paymentsFrom(db: UnionBooksDB, fromMonth: string): Promise<DuesPayment[]> {
  const months = (await db.duesPayments.where('month').aboveOrEqual(fromMonth).uniqueKeys()) as string[];
  const perMonth = await Promise.all(months.map((month) => db.duesPayments.where('month').equals(month).toArray()));
  return perMonth.flat();
}
