import { describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { applyDuesBatch } from '../../../shared/dues/apply';
import { arrearsWarnings, computeArrears } from '../../../shared/dues/arrears';
import { buildDuesIndex } from '../../../shared/dues/data';
import { buildYearGrid, formatRate } from '../../../shared/dues/grid';
import { ledgerGrid } from '../../../shared/dues/year-view';
import { planMonthPosting } from '../../../shared/dues/posting';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { duesBook } from './fixture';

function yearWithGaps() {
  const f = duesBook();
  const ctx = { deviceId: 't', clock: new HybridLogicalClock('t', () => Date.UTC(2025, 5, 1)) };
  const steady = f.addMember('张三', '办公室');
  const lapsing = f.addMember('李四', '办公室');
  const joiner = f.addMember('钱七', '车间');
  const retiree = f.addMember('王五', '车间', { status: 'retired' });
  f.event(joiner.id, 'join', '2025-04-10');
  f.event(retiree.id, 'join', '2000-01-01');
  f.event(retiree.id, 'retire', '2025-03-01');
  for (const m of [steady, lapsing, joiner, retiree]) f.base(m.id, 2025, 6000);
  for (const month of ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08']) {
    const plan = planMonthPosting(f.book, { month, paidDate: `${month}-15`, rule: DEFAULT_DUES_RULE, batchId: month });
    // 李四 stops paying after February: drop his payments before writing the batch.
    plan.payments = plan.payments.filter((p) => p.memberId !== lapsing.id || month <= '2025-02');
    plan.transaction!.amountFen = plan.payments.reduce((s, p) => s + p.amountFen, 0);
    applyDuesBatch(f.book, plan, ctx);
  }
  return { ...f, steady, lapsing, joiner, retiree };
}

describe('year grid', () => {
  it('marks paid, unpaid, exempt and non-member months with totals and the collection rate', () => {
    const f = yearWithGaps();
    const grid = buildYearGrid(f.book, 2025, DEFAULT_DUES_RULE, '2025-08');
    const row = (id: string) => grid.rows.find((r) => r.memberId === id)!;
    expect(row(f.steady.id).cells.map((c) => c.state)).toEqual([...Array(8).fill('paid'), ...Array(4).fill('future')]);
    expect(
      row(f.lapsing.id)
        .cells.slice(0, 8)
        .map((c) => c.state),
    ).toEqual(['paid', 'paid', ...Array(6).fill('unpaid')]);
    expect(
      row(f.joiner.id)
        .cells.slice(0, 4)
        .map((c) => c.state),
    ).toEqual(['none', 'none', 'none', 'paid']);
    expect(
      row(f.retiree.id)
        .cells.slice(0, 3)
        .map((c) => c.state),
    ).toEqual(['paid', 'paid', 'exempt']);
    expect(row(f.retiree.id).note).toBe('3月退休');
    expect(row(f.steady.id).totalFen).toBe(8 * 3000);
    expect(grid.monthTotals[0]).toBe(3 * 3000);
    expect(grid.totalFen).toBe(grid.rows.reduce((s, r) => s + r.totalFen, 0));
    // Due member-months through August: 张三 8 + 李四 8 + 钱七 5 + 王五 2 = 23, of which 李四's 6 are unpaid.
    expect(grid.expectedFen).toBe(23 * 3000);
    expect(grid.collectedDueFen).toBe(17 * 3000);
    expect(formatRate(grid.collectionRate)).toBe('73.9%');
  });
});

describe('arrears', () => {
  it('lists unpaid months and warns at five in a row', () => {
    const f = yearWithGaps();
    const rows = computeArrears(f.book, '2025-01', '2025-07');
    expect(rows.map((r) => r.name)).toEqual(['李四']);
    expect(rows[0]?.unpaidMonths).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07']);
    expect(arrearsWarnings(rows).map((r) => r.name)).toEqual(['李四']);
    expect(arrearsWarnings(computeArrears(f.book, '2025-01', '2025-06'))).toEqual([]);
  });
});

describe('which months count as due in the 会费台账 (the page, its export and the command line)', () => {
  it('stops at the last overdue month this year, at December for a past year, and counts nothing of a later year', () => {
    const f = yearWithGaps();
    const index = buildDuesIndex(f.book);
    const context = { rule: DEFAULT_DUES_RULE, booksStart: null };
    expect(ledgerGrid(index, 2025, context, '2026-03-10').throughMonth).toBe('2025-12');
    // on 10 August July's payroll is overdue and August's not yet: August is not arrears
    const august = ledgerGrid(index, 2025, context, '2025-08-10');
    expect(august.throughMonth).toBe('2025-07');
    expect(august.rows.find((r) => r.name === '张三')?.cells[7]?.state).toBe('paid');
    const later = ledgerGrid(index, 2026, context, '2025-08-01');
    expect(later.expectedFen).toBe(0);
    expect(later.collectionRate).toBe(1);
  });

  it('owes nothing before the start of books', () => {
    const f = yearWithGaps();
    const index = buildDuesIndex(f.book);
    const whole = ledgerGrid(index, 2025, { rule: DEFAULT_DUES_RULE, booksStart: null }, '2025-12-31');
    const fromJune = ledgerGrid(index, 2025, { rule: DEFAULT_DUES_RULE, booksStart: '2025-06' }, '2025-12-31');
    expect(fromJune.expectedFen).toBeLessThan(whole.expectedFen);
    // 李四's unpaid March to May are before the books: not owed
    const lapsing = fromJune.rows.find((r) => r.name === '李四')!;
    expect(lapsing.cells.slice(2, 5).map((c) => c.state)).toEqual(['none', 'none', 'none']);
  });
});
