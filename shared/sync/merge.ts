import { compareHlc } from '../clock/hlc';
import type { RemoteRow, WireChange } from './protocol';

/** A row as the merge sees it: values and, per field, the clock of the write that set it. */
export interface MergedRow {
  data: Record<string, unknown>;
  clocks: Record<string, string>;
}

/**
 * Last-writer-wins per field: a change's field replaces the stored one only when its clock is
 * later. Applying the same changes in any order, any number of times, gives the same row — which
 * is what lets devices converge and makes a retried batch harmless even before exactly-once.
 * Returns whether anything changed.
 */
export function applyChange(row: MergedRow, change: Pick<WireChange, 'hlc' | 'fields'>): boolean {
  let changed = false;
  for (const [field, value] of Object.entries(change.fields)) {
    const current = row.clocks[field];
    if (current === undefined || compareHlc(change.hlc, current) > 0) {
      row.data[field] = value;
      row.clocks[field] = change.hlc;
      changed = true;
    }
  }
  return changed;
}

/** The latest clock of a row: what its `updatedAt` is. */
export function latestClock(clocks: Record<string, string>): string {
  let max = '';
  for (const c of Object.values(clocks)) if (compareHlc(c, max) > 0) max = c;
  return max;
}

/** A local write not yet acknowledged by the server. */
export interface PendingWrite {
  hlc: string;
  fields: Record<string, unknown>;
}

/**
 * What a device keeps after pulling a row. The server's row already holds every acknowledged
 * write merged per field, so it is taken as the base; a local write still waiting in the outbox
 * keeps its fields where its clock beats the server's — the server will agree once it is pushed.
 * Returns the fields of the record (updatedAt included) and the latest clock seen.
 */
export function resolvePulledRow(
  remote: Pick<RemoteRow, 'data' | 'clocks'>,
  pending: readonly PendingWrite[],
): MergedRow & { updatedAt: string } {
  const row: MergedRow = { data: { ...remote.data }, clocks: { ...remote.clocks } };
  for (const write of [...pending].sort((a, b) => compareHlc(a.hlc, b.hlc))) applyChange(row, write);
  return { ...row, updatedAt: latestClock(row.clocks) };
}
