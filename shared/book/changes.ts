import type { HybridLogicalClock } from '../clock/hlc';
import { uuidv7 } from '../ids/uuid7';
import type { RecordOf, TableName } from '../model/book';
import type { SyncMeta } from '../model/records';

/**
 * One write, as it goes into the `$changes` outbox and up to the server. `fields` holds only the
 * fields the write set (for a new row: all of them), so the server can merge field by field.
 */
export interface ChangeEntry {
  /** Device id + the write's HLC stamp: unique per device and strictly increasing, so a retried batch is recognised. */
  changeId: string;
  table: TableName;
  rowId: string;
  hlc: string;
  fields: Record<string, unknown>;
  /**
   * 0 = waiting to be pushed, 1 = acknowledged by the server (or given up by the user),
   * 2 = refused by the server and set aside until the user retries or gives it up.
   */
  synced: 0 | 1 | 2;
}

export interface WriteContext {
  deviceId: string;
  clock: HybridLogicalClock;
}

export type NewRecord<T extends TableName> = Omit<RecordOf<T>, keyof SyncMeta> & Partial<Pick<SyncMeta, 'id'>>;

export interface StampedWrite<T extends TableName> {
  record: RecordOf<T>;
  change: ChangeEntry;
}

function changeFor(ctx: WriteContext, table: TableName, rowId: string, hlc: string, fields: Record<string, unknown>): ChangeEntry {
  return { changeId: `${ctx.deviceId}:${hlc}`, table, rowId, hlc, fields, synced: 0 };
}

export function stampInsert<T extends TableName>(ctx: WriteContext, table: T, data: NewRecord<T>): StampedWrite<T> {
  const hlc = ctx.clock.now();
  const record = { ...data, id: data.id ?? uuidv7(), updatedAt: hlc, deviceId: ctx.deviceId, deleted: 0 } as RecordOf<T>;
  const { updatedAt: _u, deviceId: _d, ...fields } = record as unknown as Record<string, unknown>;
  return { record, change: changeFor(ctx, table, record.id, hlc, fields) };
}

/** Applies a patch; only fields whose value really changes are recorded. Returns null when nothing changes. */
export function stampUpdate<T extends TableName>(
  ctx: WriteContext,
  table: T,
  existing: RecordOf<T>,
  patch: Partial<Omit<RecordOf<T>, keyof SyncMeta>> | { deleted: 0 | 1 },
): StampedWrite<T> | null {
  const changed: Record<string, unknown> = {};
  const before = existing as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || key === 'updatedAt' || key === 'deviceId') continue;
    if (!sameValue(before[key], value)) changed[key] = value;
  }
  if (Object.keys(changed).length === 0) return null;
  const hlc = ctx.clock.now();
  const record = { ...existing, ...changed, updatedAt: hlc, deviceId: ctx.deviceId } as RecordOf<T>;
  return { record, change: changeFor(ctx, table, existing.id, hlc, changed) };
}

export function stampDelete<T extends TableName>(ctx: WriteContext, table: T, existing: RecordOf<T>): StampedWrite<T> | null {
  return stampUpdate(ctx, table, existing, { deleted: 1 });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return false;
}
