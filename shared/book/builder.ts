import { HybridLogicalClock } from '../clock/hlc';
import { uuidv7 } from '../ids/uuid7';
import { emptyBook, type BookTables, type RecordOf, type TableName } from '../model/book';
import type { NewRecord } from './changes';

/**
 * Builds a whole book in memory (demo data, `unionbooks init`, tests). Records are stamped like
 * any write, but no outbox entries are made: a new book has nothing synced yet, so its first
 * sync sends every row anyway.
 */
export class BookBuilder {
  readonly book: BookTables = emptyBook();
  private readonly clock: HybridLogicalClock;

  constructor(
    readonly deviceId: string,
    wallClock: () => number = () => Date.now(),
    readonly newId: () => string = () => uuidv7(),
  ) {
    this.clock = new HybridLogicalClock(deviceId, wallClock);
  }

  insert<T extends TableName>(table: T, data: NewRecord<T>): RecordOf<T> {
    const record = {
      ...data,
      id: data.id ?? this.newId(),
      updatedAt: this.clock.now(),
      deviceId: this.deviceId,
      deleted: 0,
    } as RecordOf<T>;
    (this.book[table] as RecordOf<T>[]).push(record);
    return record;
  }
}
