import { BookBuilder } from '../../../shared/book/builder';
import { newUnionProfile } from '../../../shared/book/new-union';
import type { BookTables } from '../../../shared/model/book';
import type { MoneyPlace } from '../../../shared/model/records';

/**
 * A small hand-made book whose every figure is worked out by hand in the tests:
 * 2024 starts from a typed-in 上年结余 (cash 1,000.00, bank 10,000.00); 2025 carries forward;
 * 2026 has its own typed-in figure that overrides the carry-forward.
 */
export function handBook(): BookTables {
  let tick = 0;
  let n = 0;
  const b = new BookBuilder(
    'test-device',
    () => Date.UTC(2026, 0, 1) + tick++,
    () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  );
  b.insert('union', newUnionProfile({ name: '测试工会委员会', chair: '张主席', treasurer: '李会计' }));
  b.insert('openingBalances', { year: 2024, month: '2024-01', booksStart: false, duesBeforeFen: 0, cashFen: 100_000, bankFen: 1_000_000 });
  b.insert('openingBalances', { year: 2026, month: '2026-01', booksStart: false, duesBeforeFen: 0, cashFen: 12_345, bankFen: 0 });
  const tx = (
    date: string,
    place: MoneyPlace,
    accountCode: string,
    amountFen: number,
    voucherNumber: string,
    extra: { reversalOf?: string; deleted?: boolean } = {},
  ) => {
    const t = b.insert('transactions', {
      date,
      place,
      accountCode,
      amountFen,
      summary: `${accountCode} ${date}`,
      voucherNumber,
      attachmentIds: [],
      reversalOf: extra.reversalOf ?? '',
      activityId: '',
      welfareId: '',
      duesBatchId: '',
    });
    if (extra.deleted) t.deleted = 1;
    return t;
  };
  tx('2024-03-15', 'bank', '401', 50_000, '记-001');
  tx('2024-06-20', 'bank', '402', 300_000, '记-002');
  tx('2024-07-01', 'cash', '50105', 20_000, '记-003');
  tx('2024-12-10', 'cash', '50405', 30_000, '记-004');
  tx('2025-01-10', 'bank', '401', 60_000, '记-001');
  const sport = tx('2025-01-20', 'cash', '50102', 15_000, '记-002');
  tx('2025-02-05', 'cash', '50105', 10_000, '记-003');
  tx('2025-02-18', 'bank', '40301', 100_000, '记-004');
  tx('2025-03-03', 'cash', '50102', -15_000, '记-005', { reversalOf: sport.id });
  tx('2025-03-09', 'bank', '50501', 80_000, '记-006');
  tx('2025-03-10', 'cash', '510', 99_999, '记-007', { deleted: true });
  b.insert('budgets', { year: 2025, accountCode: '501', amountFen: 20_000 });
  b.insert('budgets', { year: 2025, accountCode: '40301', amountFen: 100_000 });
  b.insert('budgets', { year: 2025, accountCode: '505', amountFen: 0 });
  b.insert('budgets', { year: 2024, accountCode: '501', amountFen: 1 });
  const gone = b.insert('budgets', { year: 2025, accountCode: '504', amountFen: 5_000 });
  gone.deleted = 1;
  return b.book;
}
