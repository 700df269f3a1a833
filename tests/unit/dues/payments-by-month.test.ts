import { describe, expect, it } from 'vitest';
import { paymentsOfMonths } from '../../../renderer/src/features/dues/payments-by-month';
import { freshDb } from '../db/helpers';

const payment = (memberId: string, month: string) => ({
  memberId,
  month,
  amountFen: 2500,
  paidDate: `${month}-15`,
  method: '工资代扣' as const,
  receiptNumber: '',
  reversalOf: '',
  batchId: `b-${month}`,
});

describe('the dues pages read payments a month per request', () => {
  it('get the same rows in the same order as one read, from one request per month', async () => {
    const { db, mutator } = await freshDb();
    const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
    await mutator.insertMany(
      'duesPayments',
      months.flatMap((m) => ['c', 'a', 'b'].map((id) => payment(id, m))),
    );
    const asked: string[] = [];
    const where = db.duesPayments.where.bind(db.duesPayments);
    db.duesPayments.where = ((index: string) => {
      asked.push(index);
      return where(index);
    }) as typeof db.duesPayments.where;

    const year = await paymentsOfMonths(db, '2026-01', '2026-12');
    db.duesPayments.where = where;
    expect(year).toEqual(await db.duesPayments.where('month').between('2026-01', '2026-12', true, true).toArray());
    expect(year.map((p) => p.month)).toEqual(months.slice(2).flatMap((m) => [m, m, m]));
    // One request for the months present, then one per month.
    expect(asked).toHaveLength(1 + 3);

    expect(await paymentsOfMonths(db, '2025-12', '2025-12')).toEqual(await db.duesPayments.where('month').equals('2025-12').toArray());
    expect(await paymentsOfMonths(db, '2027-01', '2027-12')).toEqual([]);
    db.close();
  });
});
