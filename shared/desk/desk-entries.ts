import { unsavedEntry } from '../model/entry';
import type { Fen, IsoDate, IsoMonth, Transaction } from '../model/records';

/**
 * The live entries of one month folded per day and per what decides an entry's effect (account,
 * place, direction, whether it settles an advance): what 概览 computes its balances, budget use,
 * monthly spending, cash check and open months from, so it reads a few dozen rows instead of every
 * entry of the book. An entry's effect is linear in its amount and its part owed upward, so one
 * stand-in entry per group carrying the group's sums has the effect of the entries it stands for.
 * Kept beside the entries in the same transaction as every write to them (the database layer folds
 * each written row in with `foldEntries`); never synced and never backed up.
 */
export interface DeskEntryMonthRow {
  /** The month, `YYYY-MM`. */
  id: IsoMonth;
  /** `date|accountCode|place|flow|advance`, one per group. */
  groups: string[];
  /** Sum of `amountFen` per group (same order). */
  amountFen: Fen[];
  /** Sum of `payableFen` per group (same order). */
  payableFen: Fen[];
  /** Live entries per group (same order); 0 drops the group. */
  rows: number[];
}

type Folded = Pick<Transaction, 'date' | 'place' | 'accountCode' | 'amountFen' | 'payableFen' | 'flow' | 'advanceId' | 'deleted'>;

function groupOf(t: Folded): string {
  return `${t.date}|${t.accountCode}|${t.place}|${t.flow ?? ''}|${t.advanceId ? 1 : 0}`;
}

export function emptyEntryMonth(id: IsoMonth): DeskEntryMonthRow {
  return { id, groups: [], amountFen: [], payableFen: [], rows: [] };
}

/** The month rows a set of changes touches (read them, then fold with `foldEntries`). */
export function entryMonthIdsOf(changes: readonly { before?: Folded; after?: Folded }[]): IsoMonth[] {
  const ids = new Set<IsoMonth>();
  for (const c of changes) {
    if (c.before && c.before.deleted === 0) ids.add(c.before.date.slice(0, 7));
    if (c.after && c.after.deleted === 0) ids.add(c.after.date.slice(0, 7));
  }
  return [...ids];
}

/**
 * Folds written entries into their month rows: each `before` (the row as it was, undefined for a
 * new row) taken out and each `after` (undefined for a row removed) put in. `current` holds the
 * stored rows by id (absent: none yet) and is left untouched; returns the rows that changed, a row
 * left with no group meaning the month holds no live entry.
 */
export function foldEntries(
  current: ReadonlyMap<string, DeskEntryMonthRow>,
  changes: readonly { before?: Folded; after?: Folded }[],
): Map<string, DeskEntryMonthRow> {
  const changed = new Map<string, { row: DeskEntryMonthRow; at: Map<string, number> }>();
  const open = (id: IsoMonth) => {
    let entry = changed.get(id);
    if (!entry) {
      const from = current.get(id) ?? emptyEntryMonth(id);
      const row: DeskEntryMonthRow = {
        id,
        groups: [...from.groups],
        amountFen: [...from.amountFen],
        payableFen: [...from.payableFen],
        rows: [...from.rows],
      };
      entry = { row, at: new Map(row.groups.map((g, i) => [g, i])) };
      changed.set(id, entry);
    }
    return entry;
  };
  const add = (t: Folded, sign: 1 | -1) => {
    if (t.deleted !== 0) return;
    const { row, at } = open(t.date.slice(0, 7));
    const group = groupOf(t);
    let i = at.get(group);
    if (i === undefined) {
      i = row.groups.length;
      at.set(group, i);
      row.groups.push(group);
      row.amountFen.push(0);
      row.payableFen.push(0);
      row.rows.push(0);
    }
    row.amountFen[i]! += sign * t.amountFen;
    row.payableFen[i]! += sign * (t.payableFen ?? 0);
    row.rows[i]! += sign;
  };
  for (const c of changes) {
    if (c.before) add(c.before, -1);
    if (c.after) add(c.after, 1);
  }
  const out = new Map<string, DeskEntryMonthRow>();
  for (const [id, { row }] of changed) out.set(id, compact(row));
  return out;
}

/** Drops groups left with no live entry, so a month's arrays hold only what is there. */
function compact(row: DeskEntryMonthRow): DeskEntryMonthRow {
  if (row.rows.every((n) => n > 0)) return row;
  const out = emptyEntryMonth(row.id);
  row.groups.forEach((g, i) => {
    if (row.rows[i]! <= 0) return;
    out.groups.push(g);
    out.amountFen.push(row.amountFen[i]!);
    out.payableFen.push(row.payableFen[i]!);
    out.rows.push(row.rows[i]!);
  });
  return out;
}

/** The month rows of a set of entries from scratch (rebuilding the store, checking it in tests), by id. */
export function entryMonthsOf(entries: readonly Folded[]): DeskEntryMonthRow[] {
  return [
    ...foldEntries(
      new Map(),
      entries.map((after) => ({ after })),
    ).values(),
  ]
    .filter((r) => r.groups.length > 0)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * One live entry per group standing for the group's entries, for the finance computations the desk
 * runs (balances, budget use, spending per month, the cash check, open months): their sums and
 * dates read the same as from the entries themselves.
 */
export function standInEntries(rows: readonly DeskEntryMonthRow[]): Transaction[] {
  const out: Transaction[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.groups.length; i++) {
      const [date, accountCode, place, flow, advance] = row.groups[i]!.split('|') as [
        IsoDate,
        string,
        Transaction['place'],
        string,
        string,
      ];
      const t = unsavedEntry({ id: `${row.id}:${i}`, date, place, accountCode, amountFen: row.amountFen[i]! });
      if (row.payableFen[i] !== 0) t.payableFen = row.payableFen[i]!;
      if (flow) t.flow = flow as Transaction['flow'];
      if (advance === '1') t.advanceId = 'folded';
      out.push(t);
    }
  }
  return out;
}

/** The stand-in entries of the years before `year`, and of `year` on, as the desk computes from them. */
export function deskEntriesOf(rows: readonly DeskEntryMonthRow[], year: number): { before: Transaction[]; fromYear: Transaction[] } {
  const from = `${year}-01`;
  return { before: standInEntries(rows.filter((r) => r.id < from)), fromYear: standInEntries(rows.filter((r) => r.id >= from)) };
}
