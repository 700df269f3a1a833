import { describe, expect, it } from 'vitest';
import { statementLineIds } from '../../../shared/bank/line-ids';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { MemoryStore } from '../../../shared/engine/memory-store';
import { importBankStatement, removeBankImport } from '../../../shared/engine/ops/bank';
import type { ChangeEntry } from '../../../shared/book/changes';
import { applyChange, type MergedRow } from '../../../shared/sync/merge';
import { bankFixture, journalBook, TODAY } from './book';

/** A second device holding the same book, with a clock of its own (as after a sync). */
function otherDevice(from: MemoryStore, deviceId: string): MemoryStore {
  let tick = 0;
  const clock = new HybridLogicalClock(deviceId, () => Date.UTC(2025, 11, 15, 8) + tick++);
  return new MemoryStore(structuredClone(from.book), { deviceId, clock }, () => TODAY);
}

/** What the server holds after both devices push: every change merged per field by its clock. */
function merged(...batches: ChangeEntry[][]): Map<string, MergedRow & { table: string }> {
  const rows = new Map<string, MergedRow & { table: string }>();
  for (const change of batches.flat()) {
    const key = `${change.table}:${change.rowId}`;
    const row = rows.get(key) ?? { table: change.table, data: {}, clocks: {} };
    applyChange(row, change);
    rows.set(key, row);
  }
  return rows;
}

const live = (rows: Map<string, MergedRow & { table: string }>, table: string) =>
  [...rows.values()].filter((r) => r.table === table && r.data.deleted === 0);

describe('bank statement line ids', () => {
  it('are the same for the same line anywhere, differ for twins by their ordinal and for another account', () => {
    const line = { date: '2025-11-30', inFen: 0, outFen: 1500, balanceFen: 100_000, summary: '手续费' };
    const twins = statementLineIds('union-a', [line, { ...line, summary: '结息' }, line]);
    expect(statementLineIds('union-a', [line, { ...line, summary: '结息' }, line])).toEqual(twins);
    expect(new Set(twins).size).toBe(3);
    expect(twins.every((id) => /^bank-[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(statementLineIds('union-b', [line])[0]).not.toBe(twins[0]);
  });

  it('the same statement imported on two offline devices is one set of lines and matches after the merge', async () => {
    const a = await journalBook();
    const b = otherDevice(a, 'device-b');
    const [fromA, fromB] = [a.changes.length, b.changes.length];
    const reportA = await importBankStatement(a, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    const reportB = await importBankStatement(b, '收支-明细.xlsx', bankFixture('收支-明细.xlsx'));
    expect([reportA.imported, reportB.imported, reportA.matched, reportB.matched]).toEqual([11, 11, 9, 9]);
    const server = merged(a.changes.slice(fromA), b.changes.slice(fromB));
    expect(live(server, 'bankLines')).toHaveLength(11);
    expect(live(server, 'bankMatches')).toHaveLength(9);
    expect(new Set(live(server, 'bankMatches').map((m) => m.data.lineId)).size).toBe(9);
  });

  it('an import removed and imported again comes back, on the next generation of the same ids', async () => {
    const store = await journalBook();
    const first = await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    expect((await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'))).duplicates).toBe(11);
    const importId = store.book.bankLines.find((l) => l.deleted === 0)!.importId;
    expect(await removeBankImport(store, importId)).toBe(11);
    const again = await importBankStatement(store, '借贷-明细.csv', bankFixture('借贷-明细.csv'));
    expect([first.imported, again.imported, again.matched]).toEqual([11, 11, 9]);
    const lines = store.book.bankLines.filter((l) => l.deleted === 0);
    expect(lines.every((l) => l.id.endsWith('.2'))).toBe(true);
  });
});
