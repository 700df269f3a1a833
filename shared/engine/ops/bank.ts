import { bankEntries, lineEffect, proposeMatches } from '../../bank/match';
import { bankState, type BankBook } from '../../bank/reconcile';
import { readStatementFile, type ParsedStatement } from '../../bank/statement';
import { monthLabel } from '../../finance/period';
import type { BankMatch, BankSkip, IsoMonth } from '../../model/records';
import { formatYuan } from '../../money/fen';
import { uuidv7 } from '../../ids/uuid7';
import { lineContentKey, matchId, nextGeneration, statementLineIds } from '../../bank/line-ids';
import { BookError } from '../errors';
import type { BookStore } from '../store';

export const BANK_TABLES = ['bankLines', 'bankMatches', 'bankSkips', 'transactions', 'openingBalances', 'union'] as const;

export async function readBankBook(store: BookStore): Promise<BankBook> {
  const [transactions, openingBalances, bankLines, bankMatches, bankSkips] = await Promise.all([
    store.all('transactions'),
    store.all('openingBalances'),
    store.all('bankLines'),
    store.all('bankMatches'),
    store.all('bankSkips'),
  ]);
  return { transactions, openingBalances, bankLines, bankMatches, bankSkips };
}

/** What an import did, for the command line's report and the page's message. */
export interface BankImportReport {
  fileName: string;
  layout: ParsedStatement['layout'];
  /** Lines read from the file. */
  read: number;
  imported: number;
  /** Lines already in the book (the same statement, or an overlapping one, imported before). */
  duplicates: number;
  /** Pairs made automatically by this import. */
  matched: number;
  /** After the import, over the whole book: statement lines without an entry, bank entries (from the first statement day) without a line. */
  unmatchedLines: { date: string; summary: string; amountFen: number; rowNumber: number }[];
  unmatchedEntries: { date: string; summary: string; amountFen: number; voucherNumber: string }[];
  warnings: string[];
}

/** Pairs every unmatched line with an unmatched entry where the rule finds one; returns how many pairs it made. */
export async function autoMatchBank(store: BookStore): Promise<number> {
  return store.transaction(BANK_TABLES, async () => {
    const state = bankState(await readBankBook(store));
    const lines = state.lines.filter((l) => !state.lineOf.has(l.id));
    const entries = state.entries.filter((e) => !state.entryOf.has(e.transaction.id));
    const pairs = proposeMatches(lines, entries);
    const rows = new Map((await store.all('bankMatches')).map((m) => [m.id, m]));
    await store.insert(
      'bankMatches',
      pairs.map((p) => ({ ...p, id: nextGeneration(matchId(p.lineId, p.transactionId), rows).id, kind: 'auto' as const })),
    );
    return pairs.length;
  });
}

/**
 * 导入对账单: reads the file, adds the lines the book does not have yet and matches automatically,
 * all or nothing. A file with a bad row is refused whole, with every bad row named.
 */
export async function importBankStatement(store: BookStore, fileName: string, bytes: Uint8Array): Promise<BankImportReport> {
  const parsed = await readStatementFile(fileName, bytes);
  return store.transaction(BANK_TABLES, async () => {
    const all = await store.all('bankLines');
    const rows = new Map(all.map((l) => [l.id, l]));
    // Lines imported before ids were derived from the content are recognised by their content.
    const existing = new Set(all.filter((l) => l.deleted === 0).map(lineContentKey));
    const union = (await store.all('union')).find((u) => u.deleted === 0);
    const ids = statementLineIds(union?.id ?? '', parsed.lines);
    const importId = uuidv7();
    const fresh = parsed.lines
      .map((l, i) => ({ ...l, at: nextGeneration(ids[i]!, rows) }))
      .filter((l) => !l.at.live && !existing.has(lineContentKey(l)));
    await store.insert(
      'bankLines',
      fresh.map(({ at, ...l }) => ({ ...l, id: at.id, importId, fileName: fileName.slice(0, 200) })),
    );
    const matched = await autoMatchBank(store);
    const report = unmatchedReport(await readBankBook(store));
    return {
      fileName,
      layout: parsed.layout,
      read: parsed.lines.length,
      imported: fresh.length,
      duplicates: parsed.lines.length - fresh.length,
      matched,
      ...report,
      warnings: parsed.warnings,
    };
  });
}

/** Unmatched on each side, over the whole book; entries before the first statement day are not expected on it. */
export function unmatchedReport(book: BankBook): Pick<BankImportReport, 'unmatchedLines' | 'unmatchedEntries'> {
  const state = bankState(book);
  const start = state.lines[0]?.date;
  return {
    unmatchedLines: state.lines
      .filter((l) => !state.lineOf.has(l.id))
      .map((l) => ({ date: l.date, summary: l.summary, amountFen: lineEffect(l), rowNumber: l.rowNumber })),
    unmatchedEntries:
      start === undefined
        ? []
        : state.entries
            .filter((e) => !state.entryOf.has(e.transaction.id) && e.transaction.date >= start)
            .map((e) => ({
              date: e.transaction.date,
              summary: e.transaction.summary,
              amountFen: e.effectFen,
              voucherNumber: e.transaction.voucherNumber,
            })),
  };
}

/** 手工勾对: one line with one bank entry of the same amount, neither already matched. */
export async function matchBankLine(store: BookStore, lineId: string, transactionId: string): Promise<BankMatch> {
  return store.transaction(BANK_TABLES, async () => {
    const state = bankState(await readBankBook(store));
    const line = state.lines.find((l) => l.id === lineId);
    if (!line) throw new BookError('要勾对的对账单行不存在');
    const entry = bankEntries(await store.all('transactions')).find((e) => e.transaction.id === transactionId);
    if (!entry) throw new BookError('要勾对的日记账记录不存在，或它不涉及银行存款');
    if (state.lineOf.has(lineId)) throw new BookError(`对账单 ${line.date} 这一行已经勾对过，请先取消勾对`);
    if (state.entryOf.has(transactionId)) throw new BookError(`${entry.transaction.voucherNumber} 已经勾对过，请先取消勾对`);
    if (lineEffect(line) !== entry.effectFen)
      throw new BookError(
        `金额不一致：对账单 ${formatYuan(lineEffect(line))} 元，${entry.transaction.voucherNumber} 对银行存款 ${formatYuan(entry.effectFen)} 元；金额不同的不能勾对`,
      );
    const rows = new Map((await store.all('bankMatches')).map((m) => [m.id, m]));
    const id = nextGeneration(matchId(lineId, transactionId), rows).id;
    return (await store.insert('bankMatches', [{ id, lineId, transactionId, kind: 'manual' }]))[0]!;
  });
}

/** 取消勾对: the match in force for a line (or an entry) is tombstoned. */
export async function unmatchBank(store: BookStore, id: { lineId?: string; transactionId?: string }): Promise<void> {
  await store.transaction(BANK_TABLES, async () => {
    const state = bankState(await readBankBook(store));
    const match = id.lineId ? state.lineOf.get(id.lineId) : id.transactionId ? state.entryOf.get(id.transactionId) : undefined;
    if (!match) throw new BookError('这一行没有勾对');
    for (const m of await store.all('bankMatches'))
      if (m.deleted === 0 && (m.lineId === match.lineId || m.transactionId === match.transactionId))
        await store.remove('bankMatches', m.id);
  });
}

/** Removes the lines of one import (a wrong file), with their matches. */
export async function removeBankImport(store: BookStore, importId: string): Promise<number> {
  return store.transaction(BANK_TABLES, async () => {
    const lines = (await store.all('bankLines')).filter((l) => l.deleted === 0 && l.importId === importId);
    if (lines.length === 0) throw new BookError('这次导入的对账单行已不存在');
    const ids = new Set(lines.map((l) => l.id));
    for (const m of await store.all('bankMatches')) if (m.deleted === 0 && ids.has(m.lineId)) await store.remove('bankMatches', m.id);
    for (const l of lines) await store.remove('bankLines', l.id);
    return lines.length;
  });
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 跳过本月对账, with the reason 结账 shows; said again, the reason is replaced. */
export async function skipBankMonth(store: BookStore, month: IsoMonth, reason: string): Promise<BankSkip> {
  if (!MONTH.test(month)) throw new BookError(`月份格式不对：${month}`, 'month');
  if (reason.trim().length < 2) throw new BookError('请填写跳过银行对账的原因（至少两个字）', 'reason');
  return store.transaction(['bankSkips'], async () => {
    const current = (await store.all('bankSkips')).filter((s) => s.deleted === 0 && s.month === month);
    for (const s of current) await store.remove('bankSkips', s.id);
    return (await store.insert('bankSkips', [{ month, reason: reason.trim().slice(0, 500) }]))[0]!;
  });
}

export async function unskipBankMonth(store: BookStore, month: IsoMonth): Promise<void> {
  await store.transaction(['bankSkips'], async () => {
    const current = (await store.all('bankSkips')).filter((s) => s.deleted === 0 && s.month === month);
    if (current.length === 0) throw new BookError(`${monthLabel(month)}没有跳过银行对账`);
    for (const s of current) await store.remove('bankSkips', s.id);
  });
}
