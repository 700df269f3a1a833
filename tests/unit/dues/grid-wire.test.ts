import { describe, expect, it } from 'vitest';
import type { CellState, GridRow, YearGrid } from '../../../shared/dues/grid';
import { packYearGrid, unpackYearGrid } from '../../../shared/dues/grid-wire';
import { monthsOfYear } from '../../../shared/dues/months';

const STATES: CellState[] = ['paid', 'unpaid', 'exempt', 'none', 'future'];

function row(i: number, baseFen: number | null): GridRow {
  const cells = monthsOfYear(2025).map((month, m) => {
    const state = STATES[(i + m) % STATES.length]!;
    return {
      month,
      state,
      paidFen: state === 'paid' ? 1000 + i * 13 + m : 0,
      exemptReason: state === 'exempt' ? (i % 2 ? '退休' : '免缴：长期病假') : '',
    };
  });
  return {
    memberId: `m${i}`,
    name: `会员${i}`,
    department: i % 2 ? '车间' : '办公室',
    baseFen,
    monthlyFen: baseFen === null ? 0 : Math.round(baseFen * 0.005),
    cells,
    totalFen: cells.reduce((s, c) => s + c.paidFen, 0),
    note: i === 1 ? '3月退休；免缴' : '',
  };
}

const grid: YearGrid = {
  year: 2025,
  throughMonth: '2025-08',
  rows: [row(0, 600_000), row(1, null), row(2, 0), row(3, 1_234_567_89)],
  monthTotals: monthsOfYear(2025).map((_, m) => m * 100),
  totalFen: 6600,
  expectedFen: 90_000,
  collectedDueFen: 51_000,
  collectionRate: 51 / 90,
};

describe('the year grid as it crosses from the office worker', () => {
  it('comes back whole after the copy between threads: every cell, a missing base, each 免缴 reason', () => {
    expect(unpackYearGrid(structuredClone(packYearGrid(grid)))).toEqual(grid);
  });

  it('sends the cells as blocks of memory, not an object per cell', () => {
    const packed = packYearGrid(grid);
    expect(packed.states).toBeInstanceOf(Uint8Array);
    expect(packed.states.length).toBe(grid.rows.length * 12);
    expect(packed.paidFen).toBeInstanceOf(Float64Array);
    // each reason once
    expect(packed.reasons).toEqual(['', '免缴：长期病假', '退休']);
  });

  it('round-trips an empty year', () => {
    const empty: YearGrid = { ...grid, rows: [], totalFen: 0, expectedFen: 0, collectedDueFen: 0, collectionRate: 1 };
    expect(unpackYearGrid(structuredClone(packYearGrid(empty)))).toEqual(empty);
  });

  it('refuses a row that is not twelve months rather than shift every later cell', () => {
    const short = { ...grid, rows: [{ ...row(0, 1), cells: row(0, 1).cells.slice(0, 11) }] };
    expect(() => packYearGrid(short)).toThrow(/11 months/);
  });
});
