import type { WriteContext } from '../../../shared/book/changes';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { TABLE_NAMES, type BookTables } from '../../../shared/model/book';

/** A write context for editing a book file: its clock starts past every stamp in the book, so new writes win merges. */
export function bookWriteContext(book: BookTables, deviceId = 'cli'): WriteContext {
  const clock = new HybridLogicalClock(deviceId);
  let latest = '';
  for (const name of TABLE_NAMES) for (const row of book[name]) if (row.updatedAt > latest) latest = row.updatedAt;
  if (latest) clock.receive(latest);
  return { deviceId, clock };
}
