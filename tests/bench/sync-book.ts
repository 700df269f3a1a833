import { generateDemoBook, LARGE_DEMO } from '../../shared/demo/generator';
import { TABLE_NAMES, type BookTables } from '../../shared/model/book';
import type { WireChange } from '../../shared/sync/protocol';
import { toWire } from '../../renderer/src/features/sync/outgoing';

/** The large demo book the sync benchmarks send: the same book in the server process and in the client process. */
export function largeBook(): BookTables {
  return generateDemoBook({ ...LARGE_DEMO, endMonth: '2025-12' });
}

/** Every row as one change stamped with the row's own clock, as the app's first sync sends a book without an outbox. */
export function bookChanges(book: BookTables, deviceId: string): WireChange[] {
  const out: WireChange[] = [];
  for (const table of TABLE_NAMES) {
    for (const row of book[table] as unknown as Record<string, unknown>[]) {
      const { updatedAt, deviceId: _d, ...fields } = row;
      out.push(
        toWire({
          changeId: `${deviceId}:boot:${table}:${String(row.id)}:${String(updatedAt)}`,
          table,
          rowId: String(row.id),
          hlc: String(updatedAt),
          fields,
        }),
      );
    }
  }
  // BENCH_SYNC_ROWS cuts the book for quick iterations; reported figures use the whole book.
  return out.slice(0, Number(process.env.BENCH_SYNC_ROWS) || undefined);
}
