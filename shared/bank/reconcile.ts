import { balancesAt, type FinanceBook } from '../finance/balances';
import { monthLabel } from '../finance/period';
import type { BankLine, BankMatch, BankSkip, Fen, IsoDate, IsoMonth } from '../model/records';
import { formatYuan } from '../money/fen';
import { activeMatches, bankEntries, compareLines, lineEffect, type BankEntry } from './match';

/** What bank reconciliation reads of a book. */
export interface BankBook extends FinanceBook {
  bankLines: readonly BankLine[];
  bankMatches: readonly BankMatch[];
  bankSkips: readonly BankSkip[];
}

/** An item of the 调节表: an entry the bank has not shown yet, or a line the journal has not booked yet. */
export interface ReconcilingItem {
  id: string;
  date: IsoDate;
  summary: string;
  /** Positive amount; the section says whether it came in or went out. */
  amountFen: Fen;
  /** 凭证号 for an entry, the statement row for a line. */
  reference: string;
}

/** 银行存款余额调节表 at a month-end. */
export interface Reconciliation {
  month: IsoMonth;
  monthEnd: IsoDate;
  /** 银行对账单余额: the 余额 of the last statement line on or before the month-end; null when there is none. */
  statementBalanceFen: Fen | null;
  /** Date of that last line. */
  statementThrough: IsoDate | null;
  /** 银行存款日记账余额 at the month-end. */
  journalBalanceFen: Fen;
  /** 企业已收银行未收 / 企业已付银行未付. */
  bookReceived: ReconcilingItem[];
  bookPaid: ReconcilingItem[];
  /** 银行已收企业未收 / 银行已付企业未付. */
  bankReceived: ReconcilingItem[];
  bankPaid: ReconcilingItem[];
  /** 对账单余额 + 企业已收银行未收 − 企业已付银行未付. */
  adjustedStatementFen: Fen | null;
  /** 日记账余额 + 银行已收企业未收 − 银行已付企业未付. */
  adjustedJournalFen: Fen;
  /** adjustedJournalFen − adjustedStatementFen; 0 when it balances. */
  differenceFen: Fen;
  balanced: boolean;
  /** Why it does not balance, each sentence a thing to check; empty when it balances. */
  reasons: string[];
}

const sum = (items: readonly ReconcilingItem[]): Fen => items.reduce((s, i) => s + i.amountFen, 0);

export function monthEndOf(month: IsoMonth): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

function dayBefore(date: IsoDate): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** What reconciliation reads of a book, worked out once (bankState) and shared by every month a check covers. */
export interface BankState {
  lines: BankLine[];
  entries: BankEntry[];
  matches: BankMatch[];
  lineOf: Map<string, BankMatch>;
  entryOf: Map<string, BankMatch>;
  lineById: Map<string, BankLine>;
  entryById: Map<string, BankEntry>;
}

/** The book's statement lines, bank entries and matches in force, read once. */
export function bankState(book: BankBook): BankState {
  const lines = book.bankLines.filter((l) => l.deleted === 0).sort(compareLines);
  const entries = bankEntries(book.transactions);
  const lineById = new Map(lines.map((l) => [l.id, l]));
  const entryById = new Map(entries.map((e) => [e.transaction.id, e]));
  const matches = activeMatches(book.bankMatches, lineById, entryById);
  return {
    lines,
    entries,
    matches,
    lineOf: new Map(matches.map((m) => [m.lineId, m])),
    entryOf: new Map(matches.map((m) => [m.transactionId, m])),
    lineById,
    entryById,
  };
}

const entryItem = (e: BankEntry): ReconcilingItem => ({
  id: e.transaction.id,
  date: e.transaction.date,
  summary: e.transaction.summary,
  amountFen: Math.abs(e.effectFen),
  reference: e.transaction.voucherNumber,
});

const lineItem = (l: BankLine): ReconcilingItem => ({
  id: l.id,
  date: l.date,
  summary: l.summary,
  amountFen: Math.abs(lineEffect(l)),
  reference: `对账单第 ${l.rowNumber} 行`,
});

/**
 * The 调节表 at the end of `month`. The statement starts with its first line: journal entries
 * before that day are taken to be in the bank's opening balance unless they are matched to a line.
 * An entry matched to a line after the month-end is still outstanding at the month-end, and so is a
 * line matched to a later entry. An entry and its 红字 reversal, both unmatched, cancel and are left out.
 * A caller checking many months gives `state`, worked out once: per month, a long book's 交接 took seconds.
 */
export function reconcile(book: BankBook, month: IsoMonth, state: BankState = bankState(book)): Reconciliation {
  const monthEnd = monthEndOf(month);
  const { lines, entries, lineOf, entryOf, lineById, entryById } = state;
  const upToEnd = lines.filter((l) => l.date <= monthEnd);
  const lastLine = upToEnd[upToEnd.length - 1];
  const start = lines[0]?.date ?? null;
  const journalBalanceFen = balancesAt(book, monthEnd).bankFen;

  const clearedBy = (entryId: string) => {
    const m = entryOf.get(entryId);
    const line = m ? lineById.get(m.lineId) : undefined;
    return line && line.date <= monthEnd ? line : undefined;
  };
  let outstanding = entries.filter(
    (e) =>
      e.transaction.date <= monthEnd &&
      !clearedBy(e.transaction.id) &&
      ((start !== null && e.transaction.date >= start) || entryOf.has(e.transaction.id)),
  );
  const ids = new Set(outstanding.map((e) => e.transaction.id));
  const cancelled = new Set(
    outstanding
      .filter((e) => e.transaction.reversalOf && ids.has(e.transaction.reversalOf))
      .flatMap((e) => [e.transaction.id, e.transaction.reversalOf]),
  );
  outstanding = outstanding.filter((e) => !cancelled.has(e.transaction.id));

  const bankOnly = upToEnd.filter((l) => {
    const m = lineOf.get(l.id);
    const entry = m ? entryById.get(m.transactionId) : undefined;
    return !entry || entry.transaction.date > monthEnd;
  });

  const bookReceived = outstanding.filter((e) => e.effectFen > 0).map(entryItem);
  const bookPaid = outstanding.filter((e) => e.effectFen < 0).map(entryItem);
  const bankReceived = bankOnly.filter((l) => lineEffect(l) > 0).map(lineItem);
  const bankPaid = bankOnly.filter((l) => lineEffect(l) < 0).map(lineItem);
  const statementBalanceFen = lastLine ? lastLine.balanceFen : null;
  const adjustedStatementFen = statementBalanceFen === null ? null : statementBalanceFen + sum(bookReceived) - sum(bookPaid);
  const adjustedJournalFen = journalBalanceFen + sum(bankReceived) - sum(bankPaid);
  const differenceFen = adjustedStatementFen === null ? 0 : adjustedJournalFen - adjustedStatementFen;
  const balanced = adjustedStatementFen !== null && differenceFen === 0;
  const reconciliation: Reconciliation = {
    month,
    monthEnd,
    statementBalanceFen,
    statementThrough: lastLine?.date ?? null,
    journalBalanceFen,
    bookReceived,
    bookPaid,
    bankReceived,
    bankPaid,
    adjustedStatementFen,
    adjustedJournalFen,
    differenceFen,
    balanced,
    reasons: [],
  };
  reconciliation.reasons = reasonsFor(reconciliation, book, { upToEnd, entries, entryOf, lineById });
  return reconciliation;
}

/**
 * Where a difference comes from. With every match pairing equal amounts, the difference is exactly
 * the gap between the journal and the statement on the day before the statement starts, plus the
 * lines whose 余额 does not follow from the line before: each is named with its amount.
 */
function reasonsFor(
  r: Reconciliation,
  book: BankBook,
  s: { upToEnd: BankLine[]; entries: BankEntry[]; entryOf: Map<string, BankMatch>; lineById: Map<string, BankLine> },
): string[] {
  if (r.adjustedStatementFen === null) return [`${monthLabel(r.month)}末以前没有导入银行对账单，无法对账`];
  if (r.balanced) return [];
  const out: string[] = [];
  const first = s.upToEnd[0]!;
  const before = dayBefore(first.date);
  const statementOpening = first.balanceFen - lineEffect(first);
  // Entries before the statement that it shows (matched to one of its lines) are not in its opening balance.
  const shownLater = s.entries
    .filter((e) => e.transaction.date < first.date && s.entryOf.has(e.transaction.id))
    .reduce((t, e) => t + e.effectFen, 0);
  const journalOpening = balancesAt(book, before).bankFen - shownLater;
  let explained = 0;
  if (journalOpening !== statementOpening) {
    const gap = journalOpening - statementOpening;
    explained += gap;
    out.push(
      `对账单从 ${first.date} 开始：此前日记账的银行存款余额为 ${formatYuan(journalOpening)} 元，对账单的期初余额为 ${formatYuan(statementOpening)} 元，相差 ${formatYuan(gap)} 元。请核对开账（或年初）银行存款，以及 ${first.date} 以前的银行收支记录。`,
    );
  }
  for (let i = 1; i < s.upToEnd.length; i++) {
    const prev = s.upToEnd[i - 1]!;
    const line = s.upToEnd[i]!;
    const expected = prev.balanceFen + lineEffect(line);
    if (expected === line.balanceFen) continue;
    explained += expected - line.balanceFen;
    out.push(
      `对账单 ${line.date}（第 ${line.rowNumber} 行）的余额 ${formatYuan(line.balanceFen)} 元与上一行不衔接，按上一行应为 ${formatYuan(expected)} 元，相差 ${formatYuan(line.balanceFen - expected)} 元：对账单可能缺行或重复导入。`,
    );
  }
  if (explained !== r.differenceFen)
    out.push(`另有 ${formatYuan(r.differenceFen - explained)} 元差额未能自动找到原因，请逐笔核对已勾对的记录。`);
  return out;
}

export type ReconciliationState = 'reconciled' | 'unbalanced' | 'no-statement' | 'skipped';

export interface ReconciliationStatus {
  month: IsoMonth;
  state: ReconciliationState;
  /** 调节后 journal minus statement; 0 unless unbalanced. */
  differenceFen: Fen;
  /** One Chinese sentence for a check list. */
  message: string;
}

/** The treasurer's latest live skip of a month, if any. */
export function skipOf(skips: readonly BankSkip[], month: IsoMonth): BankSkip | undefined {
  let best: BankSkip | undefined;
  for (const s of skips) if (s.deleted === 0 && s.month === month && (!best || s.updatedAt > best.updatedAt)) best = s;
  return best;
}

/**
 * Whether a month's bank is reconciled, for 结账's check list: 'reconciled' when the statement
 * reaches into the month (or the journal has no bank entry in it) and the 调节表 balances;
 * otherwise 'skipped' when the treasurer chose to skip it, else 'unbalanced' or 'no-statement'.
 */
export function reconciliationStatus(book: BankBook, month: IsoMonth, state: BankState = bankState(book)): ReconciliationStatus {
  const label = monthLabel(month);
  const r = reconcile(book, month, state);
  const from = `${month}-01`;
  const journalMoved = state.entries.some((e) => e.transaction.date >= from && e.transaction.date <= r.monthEnd);
  const reaches = state.lines.some((l) => l.date >= from);
  const covered = r.statementBalanceFen !== null && (reaches || !journalMoved);
  if (covered && r.balanced) return { month, state: 'reconciled', differenceFen: 0, message: `${label}银行存款已对账，余额调节相符` };
  const skip = skipOf(book.bankSkips, month);
  if (skip) return { month, state: 'skipped', differenceFen: 0, message: `${label}银行对账已跳过：${skip.reason}` };
  if (!covered) return { month, state: 'no-statement', differenceFen: 0, message: `${label}还没有导入银行对账单` };
  return {
    month,
    state: 'unbalanced',
    differenceFen: r.differenceFen,
    message: `${label}银行存款余额调节不符，相差 ${formatYuan(r.differenceFen)} 元`,
  };
}
