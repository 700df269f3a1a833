import { TABLE_NAMES, type BookTables } from '../model/book';
import { upgradeRow } from '../records/upgrade';

/** A book written by an older version (a backup, a device): every row gets the fields this version declares. */
export function upgradeBook(book: BookTables): BookTables {
  const out = {} as Record<string, unknown[]>;
  for (const table of TABLE_NAMES) {
    const rows: unknown = book[table];
    out[table] = Array.isArray(rows)
      ? rows.map((r: unknown) =>
          typeof r === 'object' && r !== null && !Array.isArray(r) ? upgradeRow(table, r as Record<string, unknown>) : r,
        )
      : [];
  }
  return out as unknown as BookTables;
}
