import { findAccount } from '../accounts/chart';
import type { Fen, MoneyPlace } from '../model/records';
import { isTransfer, transferTarget } from './effect';
import type { Journal, JournalRow } from './journal';

/** One line of a 库存现金日记账 or 银行存款日记账. */
export interface PlaceJournalRow {
  row: JournalRow;
  /** 收入 (借方) of this place: money that arrived, negative for a 红字 reversal of an arrival. */
  inFen: Fen;
  /** 支出 (贷方) of this place: money that left, negative for a 红字 reversal of a payment. */
  outFen: Fen;
  /** This place's balance after the line, and never the other place's. */
  balanceFen: Fen;
}

export interface PlaceMonthTotal {
  month: string;
  inFen: Fen;
  outFen: Fen;
  /** 本年累计 through the end of this month. */
  yearInFen: Fen;
  yearOutFen: Fen;
  balanceFen: Fen;
}

export interface PlaceJournal {
  place: MoneyPlace;
  year: number;
  /** 上年结余 (or the balance typed in at the start of books) of this place. */
  openingFen: Fen;
  rows: PlaceJournalRow[];
  /** 本月合计 for each month with lines, in order. */
  months: PlaceMonthTotal[];
  inFen: Fen;
  outFen: Fen;
  closingFen: Fen;
}

/**
 * Whether an entry brings money into `place` (its line goes in 收入) rather than taking money out
 * (支出): income received there, 代管经费 or a returned advance received there (flow 'in'), and a
 * transfer whose destination is `place`. A reversal stays in the
 * column of what it reverses, with the negated amount, as a 红字 line does in a hand-kept journal.
 */
function arrives(row: JournalRow, place: MoneyPlace): boolean {
  const t = row.transaction;
  if (isTransfer(t)) return transferTarget(t.accountCode) === place;
  if (t.flow) return t.flow === 'in';
  return findAccount(t.accountCode)?.kind === 'income';
}

/**
 * 库存现金日记账 or 银行存款日记账 of a year: every entry that moves this place's money (a 提现 or 存现
 * appears in both journals), with this place's own running balance and monthly totals.
 */
export function placeJournal(journal: Journal, place: MoneyPlace): PlaceJournal {
  const openingFen = place === 'cash' ? journal.opening.cashFen : journal.opening.bankFen;
  const rows: PlaceJournalRow[] = [];
  const months: PlaceMonthTotal[] = [];
  let inFen = 0;
  let outFen = 0;
  for (const row of journal.rows) {
    const moved = place === 'cash' ? row.cashFen : row.bankFen;
    if (moved === 0) continue;
    const balanceFen = place === 'cash' ? row.cashBalanceFen : row.bankBalanceFen;
    const line: PlaceJournalRow = arrives(row, place)
      ? { row, inFen: moved, outFen: 0, balanceFen }
      : { row, inFen: 0, outFen: -moved, balanceFen };
    rows.push(line);
    inFen += line.inFen;
    outFen += line.outFen;
    const month = row.transaction.date.slice(0, 7);
    let m = months[months.length - 1];
    if (!m || m.month !== month) {
      m = { month, inFen: 0, outFen: 0, yearInFen: 0, yearOutFen: 0, balanceFen };
      months.push(m);
    }
    m.inFen += line.inFen;
    m.outFen += line.outFen;
    m.yearInFen = inFen;
    m.yearOutFen = outFen;
    m.balanceFen = balanceFen;
  }
  return { place, year: journal.year, openingFen, rows, months, inFen, outFen, closingFen: openingFen + inFen - outFen };
}
