import { TABLE_LABELS, type TableName } from '../../../../shared/model/book';
import { fieldLabel } from '../../../../shared/records/tables';
import type { UnionBooksDB } from '../../db/database';
import { recordTitle } from './record-title';
import type { OutboxEntry } from './refusals';

/** A record whose changes the server refused, as the 同步 page lists it. */
export interface RefusedRecord {
  table: TableName;
  rowId: string;
  tableLabel: string;
  /** The record's human name (member's name, voucher and 摘要, file name …). */
  title: string;
  /** Label of the field the reason is about, '' when the server did not say. */
  field: string;
  reason: string;
  at: string;
  /** Refused changes of the record, and later ones held back behind them. */
  refused: number;
  held: number;
}

export async function refusedRecords(db: UnionBooksDB): Promise<RefusedRecord[]> {
  const aside = (await db.$changes.where('synced').equals(2).toArray()) as OutboxEntry[];
  if (!aside.length) return [];
  const groups = new Map<string, OutboxEntry[]>();
  for (const c of aside) groups.set(`${c.table}/${c.rowId}`, [...(groups.get(`${c.table}/${c.rowId}`) ?? []), c]);
  const held = new Map<string, number>();
  await db.$changes
    .where('synced')
    .equals(0)
    .each((c) => {
      const key = `${c.table}/${c.rowId}`;
      if (groups.has(key)) held.set(key, (held.get(key) ?? 0) + 1);
    });
  const out: RefusedRecord[] = [];
  for (const [key, entries] of groups) {
    const { table, rowId, refused } = entries[entries.length - 1]!;
    const row = (await db.table(table).get(rowId)) as Record<string, unknown> | undefined;
    const memberId = typeof row?.memberId === 'string' ? row.memberId : '';
    const member = memberId ? ((await db.members.get(memberId))?.name ?? '') : '';
    const title = recordTitle(table, row, member);
    out.push({
      table,
      rowId,
      tableLabel: TABLE_LABELS[table],
      title,
      field: refused?.field ? fieldLabel(table, refused.field) : '',
      // The server names the row by its id; a person knows it by its name.
      reason: (refused?.reason ?? '').split(rowId).join(title),
      at: refused?.at ?? '',
      refused: entries.length,
      held: held.get(key) ?? 0,
    });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
