import type { WriteContext } from '../../../shared/book/changes';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { TABLE_NAMES, type BookTables } from '../../../shared/model/book';

/**
 * A write context for editing a book file: its clock starts past every stamp in the book, and past
 * every change still waiting in an enrolled book's outbox, so new writes win merges and no change id repeats.
 */
export function bookWriteContext(book: BookTables, deviceId = 'cli', sync?: { outbox: readonly { hlc: string }[] } | null): WriteContext {
  const clock = new HybridLogicalClock(deviceId);
  let latest = '';
  for (const name of TABLE_NAMES) for (const row of book[name]) if (row.updatedAt > latest) latest = row.updatedAt;
  for (const change of sync?.outbox ?? []) if (change.hlc > latest) latest = change.hlc;
  if (latest) clock.receive(latest);
  return { deviceId, clock };
}
