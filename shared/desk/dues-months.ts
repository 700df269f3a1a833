import type { DuesPayment, Fen, IsoDate, IsoMonth } from '../model/records';

/**
 * The live dues payments of one month, folded per member: what 概览 counts arrears and the year's
 * dues from, so it reads a few dozen rows instead of every payment since the start of last year.
 * Kept beside the payments in the same transaction as every write to them (the database layer
 * folds each written row in with `foldPayments`); never synced and never backed up, since it is
 * computed from the payments alone.
 */
export interface DuesMonthRow {
  /** `month/bucket`: a month's members are spread over a few rows, so one payment rewrites a short row. */
  id: string;
  month: IsoMonth;
  /** Members with live payments (reversals included) in the month, each once. */
  memberIds: string[];
  /** Net fen of those payments, per member (same order). */
  netFen: Fen[];
  /** How many live payment rows each member has in the month (same order); 0 drops the member. */
  rows: number[];
  /**
   * The latest paid date of any live payment ever folded in: never earlier than the latest one
   * now live. A month whose latest date is after the counting day holds a payment not yet paid
   * on that day, and is read row by row instead.
   */
  latestPaidDate: IsoDate | '';
}

type Folded = Pick<DuesPayment, 'memberId' | 'month' | 'amountFen' | 'paidDate' | 'deleted'>;

/** Rows a month's members are spread over. */
export const DUES_MONTH_BUCKETS = 32;

/** The row of the month a member's payments are folded into. */
export function duesMonthId(month: IsoMonth, memberId: string): string {
  let h = 0;
  for (let i = 0; i < memberId.length; i++) h = (h * 31 + memberId.charCodeAt(i)) | 0;
  return `${month}/${String((h >>> 0) % DUES_MONTH_BUCKETS).padStart(2, '0')}`;
}

export function emptyDuesMonth(id: string): DuesMonthRow {
  return { id, month: id.slice(0, 7), memberIds: [], netFen: [], rows: [], latestPaidDate: '' };
}

/** The month rows a set of changes touches (read them, then fold with `foldPayments`). */
export function duesMonthIdsOf(changes: readonly { before?: Folded; after?: Folded }[]): string[] {
  const ids = new Set<string>();
  for (const c of changes) {
    if (c.before && c.before.deleted === 0) ids.add(duesMonthId(c.before.month, c.before.memberId));
    if (c.after && c.after.deleted === 0) ids.add(duesMonthId(c.after.month, c.after.memberId));
  }
  return [...ids];
}

/**
 * Folds written payments into their month rows: each `before` (the row as it was, or undefined for
 * a new row) is taken out and each `after` (undefined for a row removed from the table) put in.
 * `current` holds the stored rows by id (absent: none yet). Returns the rows that changed, with
 * `current` left untouched.
 */
export function foldPayments(
  current: ReadonlyMap<string, DuesMonthRow>,
  changes: readonly { before?: Folded; after?: Folded }[],
): Map<string, DuesMonthRow> {
  const changed = new Map<string, { row: DuesMonthRow; at: Map<string, number> }>();
  const open = (id: string) => {
    let entry = changed.get(id);
    if (!entry) {
      const from = current.get(id) ?? emptyDuesMonth(id);
      const row: DuesMonthRow = {
        id,
        month: from.month,
        memberIds: [...from.memberIds],
        netFen: [...from.netFen],
        rows: [...from.rows],
        latestPaidDate: from.latestPaidDate,
      };
      entry = { row, at: new Map(row.memberIds.map((member, i) => [member, i])) };
      changed.set(id, entry);
    }
    return entry;
  };
  const add = (p: Folded, sign: 1 | -1) => {
    if (p.deleted !== 0) return;
    const { row, at } = open(duesMonthId(p.month, p.memberId));
    let i = at.get(p.memberId);
    if (i === undefined) {
      i = row.memberIds.length;
      at.set(p.memberId, i);
      row.memberIds.push(p.memberId);
      row.netFen.push(0);
      row.rows.push(0);
    }
    row.netFen[i]! += sign * p.amountFen;
    row.rows[i]! += sign;
    if (sign === 1 && p.paidDate > row.latestPaidDate) row.latestPaidDate = p.paidDate;
  };
  for (const c of changes) {
    if (c.before) add(c.before, -1);
    if (c.after) add(c.after, 1);
  }
  const out = new Map<string, DuesMonthRow>();
  for (const [id, { row }] of changed) out.set(id, compact(row));
  return out;
}

/** Drops members left with no live rows, so a month's arrays hold only what is there. */
function compact(row: DuesMonthRow): DuesMonthRow {
  if (row.rows.every((n) => n > 0)) return row;
  const out = emptyDuesMonth(row.id);
  out.latestPaidDate = row.latestPaidDate;
  row.memberIds.forEach((id, i) => {
    if (row.rows[i]! <= 0) return;
    out.memberIds.push(id);
    out.netFen.push(row.netFen[i]!);
    out.rows.push(row.rows[i]!);
  });
  return out;
}

/** The month rows of a set of payments from scratch (rebuilding the store, checking it in tests), by id. */
export function duesMonthsOf(payments: readonly Folded[]): DuesMonthRow[] {
  return [
    ...foldPayments(
      new Map(),
      payments.map((after) => ({ after })),
    ).values(),
  ]
    .filter((r) => r.memberIds.length > 0)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Whether every payment folded into the month was paid by `asOf`, so its net amounts hold on that day. */
export function settledBy(row: DuesMonthRow, asOf: IsoDate): boolean {
  return row.latestPaidDate <= asOf;
}

/**
 * One payment per member and month standing for the month's live payments, for the dues
 * computations that take payments (arrears, this month's to-do, the year's dues): its amount is the
 * net of the month, so sums and "paid" read the same as from the rows. Only for months settled by
 * the counting day; a month that is not is read as its own rows.
 */
export function standInPayments(row: DuesMonthRow): DuesPayment[] {
  const out = new Array<DuesPayment>(row.memberIds.length);
  for (let i = 0; i < row.memberIds.length; i++) {
    out[i] = {
      id: `${row.month}:${row.memberIds[i]!}`,
      memberId: row.memberIds[i]!,
      month: row.month,
      amountFen: row.netFen[i]!,
      paidDate: row.latestPaidDate,
      method: '工资代扣',
      receiptNumber: '',
      reversalOf: '',
      batchId: '',
      updatedAt: '',
      deviceId: '',
      deleted: 0,
    };
  }
  return out;
}

/** Months among `rows` holding a payment not yet paid on `asOf`: the desk reads their payments as rows. */
export function unsettledMonths(rows: readonly DuesMonthRow[], asOf: IsoDate): IsoMonth[] {
  return [...new Set(rows.filter((r) => !settledBy(r, asOf)).map((r) => r.month))].sort();
}

/**
 * The payments the desk computes from on `asOf`: one stand-in per member and settled month, and
 * the live rows themselves (`unsettled`, read by month) for the months `unsettledMonths` names.
 */
export function deskPayments(rows: readonly DuesMonthRow[], asOf: IsoDate, unsettled: readonly DuesPayment[]): DuesPayment[] {
  const byRows = new Set(unsettledMonths(rows, asOf));
  const out: DuesPayment[] = [];
  for (const row of rows) if (!byRows.has(row.month)) for (const p of standInPayments(row)) out.push(p);
  for (const p of unsettled) if (p.deleted === 0 && byRows.has(p.month)) out.push(p);
  return out;
}

/** The year's dues as the books hold them: the net of every live payment of its months. */
export function duesFenOfYear(rows: readonly DuesMonthRow[], year: number): Fen {
  const prefix = `${year}-`;
  let fen = 0;
  for (const row of rows) if (row.month.startsWith(prefix)) for (const n of row.netFen) fen += n;
  return fen;
}
