import type { ChangeEntry } from '../../../../shared/book/changes';
import type { TableName } from '../../../../shared/model/book';
import { fieldLabel } from '../../../../shared/records/tables';
import { decodeFields } from '../../../../shared/sync/wire';
import type { UnionBooksDB } from '../../db/database';
import { formatFileSize } from '../attachments/file-size';
import type { Refused } from './isolate';
import { wireBytes } from './outgoing';

/**
 * Why the server refused a change, kept on its `$changes` entry (an unindexed property, so no
 * schema version). While set aside the entry has `synced: 2`: it is not sent, but it still counts
 * as a local write when rows are pulled, so the record on this device stays as the user left it.
 */
export interface Refusal {
  /** The server's reason, in Chinese. */
  reason: string;
  /** The field the reason is about, where it could be told ('' otherwise). */
  field: string;
  /** When the server refused it (ISO). */
  at: string;
  /** When the user gave it up (ISO): the entry is then `synced: 1` and never sent. */
  droppedAt?: string;
}

export type OutboxEntry = ChangeEntry & { refused?: Refusal };

function mentions(message: string, word: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9])${word}([^A-Za-z0-9]|$)`).test(message);
}

/** The field a refusal is about: by its label in quotes (“姓名”), its path (fields.name) or its bare name; for 413 the largest. */
export function refusedField(table: TableName, fields: readonly Record<string, unknown>[], message: string, status: number): string {
  const keys = [...new Set(fields.flatMap((f) => Object.keys(f)))];
  if (status === 413) {
    const size = (key: string) => Math.max(...fields.map((f) => (key in f ? wireBytes({ [key]: f[key] }) : 0)));
    return keys.reduce((best, key) => (best && size(best) >= size(key) ? best : key), '');
  }
  return (
    keys.find((k) => fieldLabel(table, k) !== k && message.includes(`“${fieldLabel(table, k)}”`)) ??
    keys.find((k) => mentions(message, `fields\\.${k}`)) ??
    keys.find((k) => mentions(message, k)) ??
    ''
  );
}

function reasonOf(refused: Refused): string {
  if (refused.status !== 413) return refused.reason;
  const bytes = refused.changes.reduce((n, c) => n + wireBytes(c.fields), 0);
  return `内容约 ${formatFileSize(bytes)}，超过服务器一次能接收的大小`;
}

/**
 * Sets refused changes aside with the server's reason. A change of a first sync has no outbox
 * entry yet; it gets one, so it is listed, retried and dropped like any other.
 */
export async function setAside(db: UnionBooksDB, refused: readonly Refused[]): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction('rw', db.$changes, async () => {
    for (const r of refused) {
      const table = r.changes[0]!.table;
      const mark: Refusal = {
        reason: reasonOf(r),
        field: refusedField(
          table,
          r.changes.map((c) => c.fields),
          r.reason,
          r.status,
        ),
        at,
      };
      for (const c of r.changes) {
        const entry = (await db.$changes.get(c.changeId)) ?? { ...c, fields: decodeFields(c.fields), synced: 0 as const };
        const aside: OutboxEntry = { ...entry, synced: 2, refused: mark };
        await db.$changes.put(aside);
      }
    }
  });
}

async function entriesOf(db: UnionBooksDB, table: TableName, rowId: string, synced: readonly (0 | 2)[]): Promise<OutboxEntry[]> {
  return db.$changes
    .where('synced')
    .anyOf(synced)
    .filter((c) => c.table === table && c.rowId === rowId)
    .toArray();
}

/**
 * Sends a record's set-aside changes again (with those held back behind them), carrying the
 * values the record holds now: after the user corrected it, which wrote a newer change, the old
 * change no longer carries the value the server refused. A value under an older clock only lands
 * where the server holds nothing newer, so this never undoes another device's later edit.
 */
export async function retryRefused(db: UnionBooksDB, table: TableName, rowId: string): Promise<void> {
  await db.transaction('rw', [db.$changes, db.table(table)], async () => {
    const record = (await db.table(table).get(rowId)) as Record<string, unknown> | undefined;
    for (const entry of await entriesOf(db, table, rowId, [0, 2])) {
      const { refused: _r, ...rest } = entry;
      const fields = Object.fromEntries(Object.entries(entry.fields).map(([k, v]) => [k, record && k in record ? record[k] : v]));
      await db.$changes.put({ ...rest, fields, synced: 0 });
    }
  });
}

/** Gives up a record's refused changes: the record on this device stays as it is; the changes are never sent. */
export async function dropRefused(db: UnionBooksDB, table: TableName, rowId: string): Promise<void> {
  const droppedAt = new Date().toISOString();
  await db.transaction('rw', db.$changes, async () => {
    for (const entry of await entriesOf(db, table, rowId, [2])) {
      const dropped: OutboxEntry = { ...entry, synced: 1, refused: { ...entry.refused!, droppedAt } };
      await db.$changes.put(dropped);
    }
  });
}
