import type { Activity, DuesPayment, Fen, Member, Transaction, WelfareVisit } from '../model/records';
import type { HeadlineCounts } from './counts';
import { IN_SERVICE } from './counts';

/**
 * The six figures of 概览 as running totals: members in service and women among them, and per
 * year the live activities, welfare rows and entries and the net dues of the year's months. Kept
 * beside the rows in the same transaction as every write to them (the database layer folds each
 * written row in with `foldCounts`), so the first screen reads a handful of rows instead of the
 * roster and a walk over two date indexes. Never synced and never backed up: computed from the
 * rows alone.
 */
export interface DeskCountRow {
  /** `table/bucket`: `members/inService`, `members/women`, `transactions/2026`, … */
  id: string;
  /** Rows counted, or fen for `duesPayments/<year>`. */
  n: number;
}

/** The tables whose rows the counts are kept from. */
export const COUNTED_TABLES = ['members', 'activities', 'welfare', 'transactions', 'duesPayments'] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

type Counted = {
  members: Pick<Member, 'deleted' | 'status' | 'gender'>;
  activities: Pick<Activity, 'deleted' | 'startDate'>;
  welfare: Pick<WelfareVisit, 'deleted' | 'date'>;
  transactions: Pick<Transaction, 'deleted' | 'date'>;
  duesPayments: Pick<DuesPayment, 'deleted' | 'month' | 'amountFen'>;
};
export type CountedRow = Counted[CountedTable];

export function isCountedTable(name: string): name is CountedTable {
  return (COUNTED_TABLES as readonly string[]).includes(name);
}

/** What one row adds to the counts: `[id, amount]` pairs (none for a deleted row). */
export function contributionOf(table: CountedTable, row: CountedRow): [string, number][] {
  if (row.deleted !== 0) return [];
  switch (table) {
    case 'members': {
      const m = row as Counted['members'];
      if (!IN_SERVICE.has(m.status)) return [];
      return m.gender === '女'
        ? [
            ['members/inService', 1],
            ['members/women', 1],
          ]
        : [['members/inService', 1]];
    }
    case 'activities':
      return [[`activities/${(row as Counted['activities']).startDate.slice(0, 4)}`, 1]];
    case 'welfare':
      return [[`welfare/${(row as Counted['welfare']).date.slice(0, 4)}`, 1]];
    case 'transactions':
      return [[`transactions/${(row as Counted['transactions']).date.slice(0, 4)}`, 1]];
    case 'duesPayments': {
      const p = row as Counted['duesPayments'];
      return [[`duesPayments/${p.month.slice(0, 4)}`, p.amountFen]];
    }
  }
}

/**
 * The net change a set of writes makes to the counts: each `before` (the row as it was, undefined
 * for a new row) taken out and each `after` (undefined for a row removed) put in, by id; ids the
 * writes leave as they were are left out.
 */
export function countDeltas(table: CountedTable, changes: readonly { before?: CountedRow; after?: CountedRow }[]): Map<string, number> {
  const deltas = new Map<string, number>();
  const add = (row: CountedRow | undefined, sign: 1 | -1) => {
    if (!row) return;
    for (const [id, n] of contributionOf(table, row)) deltas.set(id, (deltas.get(id) ?? 0) + sign * n);
  };
  for (const c of changes) {
    add(c.before, -1);
    add(c.after, 1);
  }
  for (const [id, n] of deltas) if (n === 0) deltas.delete(id);
  return deltas;
}

/** The counts of a book from scratch (rebuilding the store, checking it in tests), by id, zeros left out. */
export function deskCountsOf(tables: { [K in CountedTable]: readonly Counted[K][] }): DeskCountRow[] {
  const totals = new Map<string, number>();
  for (const table of COUNTED_TABLES) {
    for (const row of tables[table]) {
      for (const [id, n] of contributionOf(table, row)) totals.set(id, (totals.get(id) ?? 0) + n);
    }
  }
  return [...totals]
    .filter(([, n]) => n !== 0)
    .map(([id, n]) => ({ id, n }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The count ids the six figures of `year` read. */
export function headlineCountIds(year: number): string[] {
  return [
    'members/inService',
    'members/women',
    ...(['activities', 'welfare', 'transactions', 'duesPayments'] as const).map((t) => `${t}/${year}`),
  ];
}

/** The six figures of `year` from the stored counts (absent rows count as zero). */
export function headlineFromCounts(rows: readonly (DeskCountRow | undefined)[], year: number): HeadlineCounts {
  const n = (id: string) => rows.find((r) => r?.id === id)?.n ?? 0;
  return {
    members: n('members/inService'),
    women: n('members/women'),
    duesThisYearFen: n(`duesPayments/${year}`) as Fen,
    activitiesThisYear: n(`activities/${year}`),
    welfareThisYear: n(`welfare/${year}`),
    transactionsThisYear: n(`transactions/${year}`),
  };
}
