import type { Fen } from '../model/records';
import { monthsOfYear } from './months';
import type { CellState, GridCell, GridRow, YearGrid } from './grid';
import type { DuesYearView } from './year-view';

/**
 * A year grid in the form it crosses from the office worker to the window: a column per field and
 * the 12 × members cells as typed arrays, instead of one object per cell. Copying 60,000 small
 * objects between threads held the window for tens of milliseconds on a large union's book (more
 * on an old PC); typed arrays are copied as blocks of memory, and the window then makes the cells
 * in one plain loop.
 */
export interface PackedYearGrid {
  year: number;
  throughMonth: YearGrid['throughMonth'];
  monthTotals: Fen[];
  totalFen: Fen;
  expectedFen: Fen;
  collectedDueFen: Fen;
  collectionRate: number;
  memberIds: string[];
  names: string[];
  departments: string[];
  notes: string[];
  /** NaN where the member has no wage base that year (null in the grid). */
  baseFen: Float64Array;
  monthlyFen: Float64Array;
  totalRowFen: Float64Array;
  /** Row-major: row r's month i at r * 12 + i. */
  states: Uint8Array;
  paidFen: Float64Array;
  /** Index into `reasons` of each cell's 免缴 reason ('' is index 0). */
  reasonOf: Uint16Array;
  reasons: string[];
}

const STATES: readonly CellState[] = ['paid', 'unpaid', 'exempt', 'none', 'future'];
const STATE_CODE = new Map(STATES.map((s, i) => [s, i]));
const MONTHS = 12;

export function packYearGrid(grid: YearGrid): PackedYearGrid {
  const n = grid.rows.length;
  const reasons = [''];
  const reasonCode = new Map([['', 0]]);
  const packed: PackedYearGrid = {
    year: grid.year,
    throughMonth: grid.throughMonth,
    monthTotals: grid.monthTotals,
    totalFen: grid.totalFen,
    expectedFen: grid.expectedFen,
    collectedDueFen: grid.collectedDueFen,
    collectionRate: grid.collectionRate,
    memberIds: new Array<string>(n),
    names: new Array<string>(n),
    departments: new Array<string>(n),
    notes: new Array<string>(n),
    baseFen: new Float64Array(n),
    monthlyFen: new Float64Array(n),
    totalRowFen: new Float64Array(n),
    states: new Uint8Array(n * MONTHS),
    paidFen: new Float64Array(n * MONTHS),
    reasonOf: new Uint16Array(n * MONTHS),
    reasons,
  };
  grid.rows.forEach((row, r) => {
    if (row.cells.length !== MONTHS) throw new Error(`grid row ${row.memberId} has ${row.cells.length} months, not 12`);
    packed.memberIds[r] = row.memberId;
    packed.names[r] = row.name;
    packed.departments[r] = row.department;
    packed.notes[r] = row.note;
    packed.baseFen[r] = row.baseFen ?? Number.NaN;
    packed.monthlyFen[r] = row.monthlyFen;
    packed.totalRowFen[r] = row.totalFen;
    row.cells.forEach((cell, i) => {
      const at = r * MONTHS + i;
      packed.states[at] = STATE_CODE.get(cell.state) ?? 0;
      packed.paidFen[at] = cell.paidFen;
      let code = reasonCode.get(cell.exemptReason);
      if (code === undefined) {
        code = reasons.length;
        reasons.push(cell.exemptReason);
        reasonCode.set(cell.exemptReason, code);
      }
      packed.reasonOf[at] = code;
    });
  });
  return packed;
}

export function unpackYearGrid(p: PackedYearGrid): YearGrid {
  const months = monthsOfYear(p.year);
  const rows: GridRow[] = new Array<GridRow>(p.memberIds.length);
  for (let r = 0; r < rows.length; r++) {
    const cells: GridCell[] = new Array<GridCell>(MONTHS);
    for (let i = 0; i < MONTHS; i++) {
      const at = r * MONTHS + i;
      cells[i] = { month: months[i]!, state: STATES[p.states[at]!]!, paidFen: p.paidFen[at]!, exemptReason: p.reasons[p.reasonOf[at]!]! };
    }
    const base = p.baseFen[r]!;
    rows[r] = {
      memberId: p.memberIds[r]!,
      name: p.names[r]!,
      department: p.departments[r]!,
      baseFen: Number.isNaN(base) ? null : base,
      monthlyFen: p.monthlyFen[r]!,
      cells,
      totalFen: p.totalRowFen[r]!,
      note: p.notes[r]!,
    };
  }
  const { year, throughMonth, monthTotals, totalFen, expectedFen, collectedDueFen, collectionRate } = p;
  return { year, throughMonth, rows, monthTotals, totalFen, expectedFen, collectedDueFen, collectionRate };
}

/** A year's 会费 view as it crosses threads: its grid packed (the rest is small). */
export type PackedDuesYearView = Omit<DuesYearView, 'grid'> & { grid: PackedYearGrid };

export const packDuesYearView = (view: DuesYearView): PackedDuesYearView => ({ ...view, grid: packYearGrid(view.grid) });

export const unpackDuesYearView = (view: PackedDuesYearView): DuesYearView => ({ ...view, grid: unpackYearGrid(view.grid) });
