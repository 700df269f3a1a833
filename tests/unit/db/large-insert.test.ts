import { describe, expect, it } from 'vitest';
import { BookError } from '../../../shared/engine/errors';
import type { NewRecord } from '../../../shared/book/changes';
import { freshDb } from './helpers';

const MEMBER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

function payments(count: number, month: string): NewRecord<'duesPayments'>[] {
  return Array.from({ length: count }, () => ({
    memberId: MEMBER,
    month,
    amountFen: 2500,
    paidDate: `${month}-15`,
    method: '工资代扣' as const,
    receiptNumber: '',
    reversalOf: '',
    batchId: 'batch',
  }));
}

/** A large insert is written in chunks inside one transaction; it must still be one all-or-nothing write. */
describe('an insert of thousands of rows', () => {
  it('writes every row and its outbox change, in order, with stamps that increase', async () => {
    const { db, mutator } = await freshDb();
    const rows = await mutator.insertMany('duesPayments', payments(1234, '2026-03'));
    expect(rows).toHaveLength(1234);
    expect(await db.duesPayments.count()).toBe(1234);
    const changes = await db.$changes.orderBy('changeId').toArray();
    expect(changes.map((c) => c.rowId)).toEqual(rows.map((r) => r.id));
    expect(changes.every((c, i) => c.hlc === rows[i]?.updatedAt && c.fields.month === '2026-03')).toBe(true);
    expect(new Set(rows.map((r) => r.updatedAt)).size).toBe(1234);
  });

  it('writes nothing when a row far into the insert fails its check, and names that row’s field', async () => {
    const { db, mutator } = await freshDb();
    const rows = payments(1200, '2026-04');
    rows[1100] = { ...rows[1100]!, amountFen: 12.5 };
    const error = await mutator.insertMany('duesPayments', rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BookError);
    expect((error as BookError).message).toContain('金额');
    expect(await db.duesPayments.count()).toBe(0);
    expect(await db.$changes.count()).toBe(0);
  });

  it('rolls back the whole group it belongs to when a later chunk fails', async () => {
    const { db, mutator } = await freshDb();
    const rows = payments(900, '2026-05');
    rows[899] = { ...rows[899]!, month: '2026-13' };
    await expect(
      mutator.transaction(['duesPayments'], async () => {
        await mutator.insertMany('duesPayments', payments(10, '2026-06'));
        await mutator.insertMany('duesPayments', rows);
      }),
    ).rejects.toBeInstanceOf(BookError);
    expect(await db.duesPayments.count()).toBe(0);
    expect(await db.$changes.count()).toBe(0);
  });
});
