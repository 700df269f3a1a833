import { placeEffect } from '../finance/effect';
import { compareEntries } from '../finance/journal';
import type { BankLine, BankMatch, Fen, IsoDate, Transaction } from '../model/records';

/** A statement line and a journal entry are paired automatically only when their dates are at most this many days apart. */
export const MATCH_WINDOW_DAYS = 5;

/** A bank-journal entry: any live entry that moves money in or out of 102 银行存款, transfers included. */
export interface BankEntry {
  transaction: Transaction;
  /** What the entry does to the bank balance (+ in, − out), by the sign rule. */
  effectFen: Fen;
}

export function bankEntries(transactions: readonly Transaction[]): BankEntry[] {
  const out: BankEntry[] = [];
  for (const t of transactions) {
    if (t.deleted !== 0) continue;
    const effectFen = placeEffect(t, 'bank');
    if (effectFen !== 0) out.push({ transaction: t, effectFen });
  }
  return out.sort((a, b) => compareEntries(a.transaction, b.transaction));
}

/** What a statement line does to the bank balance. */
export const lineEffect = (l: Pick<BankLine, 'inFen' | 'outFen'>): Fen => l.inFen - l.outFen;

/** Statement order: by date, then by the file and row the line came from. */
export function compareLines(a: BankLine, b: BankLine): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.importId !== b.importId) return a.importId < b.importId ? -1 : 1;
  if (a.rowNumber !== b.rowNumber) return a.rowNumber - b.rowNumber;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round(Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

/**
 * The matches in force: live rows whose line and entry both still exist, each line and each entry
 * at most once. Two devices may pair the same line while apart; the earlier write (by its clock) wins.
 */
export function activeMatches(
  matches: readonly BankMatch[],
  lines: ReadonlyMap<string, BankLine>,
  entries: ReadonlyMap<string, BankEntry>,
): BankMatch[] {
  const usedLines = new Set<string>();
  const usedEntries = new Set<string>();
  const out: BankMatch[] = [];
  const ordered = matches
    .filter((m) => m.deleted === 0)
    .sort((a, b) => (a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? -1 : 1) : a.id < b.id ? -1 : 1));
  for (const m of ordered) {
    if (!lines.has(m.lineId) || !entries.has(m.transactionId)) continue;
    if (usedLines.has(m.lineId) || usedEntries.has(m.transactionId)) continue;
    usedLines.add(m.lineId);
    usedEntries.add(m.transactionId);
    out.push(m);
  }
  return out;
}

/**
 * Pairs unmatched lines with unmatched entries of the same signed amount whose dates are at most
 * {@link MATCH_WINDOW_DAYS} apart, one to one. The closest dates pair first; ties go by statement
 * order, then journal order, so the same book always gives the same pairs.
 */
export function proposeMatches(lines: readonly BankLine[], entries: readonly BankEntry[]): { lineId: string; transactionId: string }[] {
  const byAmount = new Map<Fen, BankEntry[]>();
  for (const e of entries) {
    const list = byAmount.get(e.effectFen) ?? [];
    list.push(e);
    byAmount.set(e.effectFen, list);
  }
  const sortedLines = [...lines].sort(compareLines);
  const candidates: { line: number; entry: BankEntry; days: number }[] = [];
  sortedLines.forEach((line, i) => {
    for (const entry of byAmount.get(lineEffect(line)) ?? []) {
      const days = daysBetween(line.date, entry.transaction.date);
      if (days <= MATCH_WINDOW_DAYS) candidates.push({ line: i, entry, days });
    }
  });
  candidates.sort((a, b) => a.days - b.days || a.line - b.line || compareEntries(a.entry.transaction, b.entry.transaction));
  const usedLines = new Set<number>();
  const usedEntries = new Set<string>();
  const out: { lineId: string; transactionId: string }[] = [];
  for (const c of candidates) {
    if (usedLines.has(c.line) || usedEntries.has(c.entry.transaction.id)) continue;
    usedLines.add(c.line);
    usedEntries.add(c.entry.transaction.id);
    out.push({ lineId: sortedLines[c.line]!.id, transactionId: c.entry.transaction.id });
  }
  return out;
}
