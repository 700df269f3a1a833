import { describe, expect, it } from 'vitest';
import type { MonthClose } from '../../../shared/model/records';
import { openMonthsOfYear } from '../../../renderer/src/features/finance/open-months';

const close = (month: string, closed: boolean, at: string): MonthClose => ({
  id: `${month}-${at}`,
  updatedAt: at,
  deviceId: 'd',
  deleted: 0,
  month,
  closed,
  reopenReason: closed ? '' : '更正',
  closedAt: at,
});

describe('months still open before a year is submitted', () => {
  it('lists every month not closed, a reopened one included', () => {
    const closes = ['01', '02', '03'].map((m) => close(`2025-${m}`, true, `0001-${m}`));
    closes.push(close('2025-02', false, '0002'));
    expect(openMonthsOfYear(2025, closes, null)).toEqual([
      '2025-02',
      ...['04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2025-${m}`),
    ]);
  });

  it('leaves out the months before the start of books', () => {
    expect(openMonthsOfYear(2025, [close('2025-11', true, '0001')], '2025-11')).toEqual(['2025-12']);
    expect(openMonthsOfYear(2025, [], '2026-03')).toEqual([]);
  });
});
