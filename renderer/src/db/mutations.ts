import Dexie from 'dexie';
import { HybridLogicalClock, parseHlc } from '../../../shared/clock/hlc';
import { stampDelete, stampInsert, stampUpdate, type ChangeEntry, type NewRecord, type WriteContext } from '../../../shared/book/changes';
import type { assertValidRow } from '../../../shared/engine/checked';
import { uuidv7 } from '../../../shared/ids/uuid7';
import { TABLE_NAMES, type BookTables, type RecordOf, type TableName } from '../../../shared/model/book';
import type { SyncMeta } from '../../../shared/model/records';
import type { UnionBooksDB } from './database';
import { DUES_MEMBERS } from './dues-member-rows';
import { pipelined } from './pipelined';
import { SYNC_KEYS } from './sync-keys';
import { WriteBudget } from './write-budget';

type Patch<T extends TableName> = Partial<Omit<RecordOf<T>, keyof SyncMeta>>;
type RowCheck = typeof assertValidRow;

// Every written row is checked against its record declaration, a sizeable module (the declarations
// of every table) that neither first screen needs: it loads after the first screen (preloadRowCheck)
// or at the first write, whichever comes first, never with the start-up code.
let loadedRowCheck: RowCheck | undefined;

/** Loads the row check; the app calls it once the first screen is shown. */
export function preloadRowCheck(): Promise<RowCheck> {
  return import('../../../shared/engine/checked').then((m) => (loadedRowCheck = m.assertValidRow));
}

/**
 * The row check at once when loaded (as it is after the first screen). Otherwise loaded: inside an
 * outer transaction, waiting for anything but IndexedDB would let it commit, so Dexie keeps it alive.
 */
function rowCheck(): RowCheck | PromiseLike<RowCheck> {
  if (loadedRowCheck) return loadedRowCheck;
  return Dexie.currentTransaction ? Dexie.waitFor(preloadRowCheck()) : preloadRowCheck();
}

/**
 * The only way the UI writes to the database. Every write stamps the row (id, HLC, device) and
 * records its change in the `$changes` outbox in the same IndexedDB transaction, so a row is
 * never saved without the change that will sync it, nor the other way round. Deletes are
 * tombstones. Features group several writes with `transaction()` to make them atomic together.
 */
export class Mutator {
  /** Sizes the steps of large inserts to a time budget each (write-budget.ts), learnt per table as they run. */
  private readonly budget = new WriteBudget();
  /** Why every write is refused (this book is being replaced), or null. */
  private refusal: string | null = null;

  constructor(
    private readonly db: UnionBooksDB,
    private readonly ctx: WriteContext,
  ) {}

  get deviceId(): string {
    return this.ctx.deviceId;
  }

  /**
   * Refuses every write from now on with `reason`: the book is being replaced by one built from
   * something else (features/backup/replace-book.ts), and a write to it now would be left behind in
   * it, unseen. Returns the function that takes the refusal back (the replacement failed).
   */
  refuseWrites(reason: string): () => void {
    this.refusal = reason;
    return () => {
      this.refusal = null;
    };
  }

  /** Runs `fn` in one read-write transaction over the given tables plus the outbox. */
  transaction<R>(tables: readonly TableName[], fn: () => Promise<R>): Promise<R> {
    if (this.refusal !== null) return Promise.reject(new Error(this.refusal));
    // The tables the book engine reads its period rules from are always in scope: every money write
    // checks them (closed month, locked year, start of books) inside its own transaction, and Dexie
    // only nests transactions over a subset of the outer one's tables.
    const scope = new Set<TableName>([...tables, 'monthCloses', 'submissions', 'openingBalances']);
    // The members' dues rows join when the members do, for the engine to read from
    // (DexieStore.duesMemberRows); not inside an outer transaction without them, which Dexie would refuse.
    const outer = Dexie.currentTransaction;
    const slim = scope.has('members') && (!outer || outer.storeNames.includes(DUES_MEMBERS)) ? [this.db.$duesMembers] : [];
    return this.db.transaction('rw', [...[...scope].map((t) => this.db.table(t)), this.db.$changes, ...slim], fn);
  }

  async insert<T extends TableName>(table: T, data: NewRecord<T>): Promise<RecordOf<T>> {
    const [record] = await this.insertMany(table, [data]);
    return record as RecordOf<T>;
  }

  /**
   * Many rows in one transaction (a month's dues for 5,000 members, a roster): each chunk is stamped
   * and checked, then written with its outbox entries while the next chunk is prepared. A row that
   * fails its check throws before its chunk is written and rolls back the chunks before it.
   */
  async insertMany<T extends TableName>(table: T, rows: readonly NewRecord<T>[]): Promise<RecordOf<T>[]> {
    const records: RecordOf<T>[] = new Array<RecordOf<T>>(rows.length);
    const target = this.db.table(table);
    const check = loadedRowCheck ?? (await rowCheck());
    await this.transaction([table], () =>
      pipelined(
        rows.length,
        () => this.budget.rows(table),
        (from, to) => {
          const start = performance.now();
          const changes: ChangeEntry[] = new Array<ChangeEntry>(to - from);
          for (let i = from; i < to; i++) {
            const stamped = stampInsert(this.ctx, table, rows[i]!);
            check(table, stamped.record);
            records[i] = stamped.record;
            changes[i - from] = stamped.change;
          }
          const issued = Promise.all([target.bulkAdd(records.slice(from, to)), this.db.$changes.bulkAdd(changes)]);
          this.budget.took(table, to - from, performance.now() - start);
          return issued;
        },
      ),
    );
    return records;
  }

  async update<T extends TableName>(table: T, id: string, patch: Patch<T>): Promise<RecordOf<T>> {
    const [record] = await this.updateMany(table, [{ id, patch }]);
    return record as RecordOf<T>;
  }

  async updateMany<T extends TableName>(table: T, edits: readonly { id: string; patch: Patch<T> }[]): Promise<RecordOf<T>[]> {
    const check = loadedRowCheck ?? (await rowCheck());
    return this.transaction([table], async () => {
      const existing = (await this.db.table(table).bulkGet(edits.map((e) => e.id))) as (RecordOf<T> | undefined)[];
      const results: RecordOf<T>[] = [];
      const changes: ChangeEntry[] = [];
      edits.forEach((edit, i) => {
        const row = existing[i];
        if (!row) throw new Error(`记录不存在：${edit.id}`);
        const stamped = stampUpdate(this.ctx, table, row, edit.patch);
        if (stamped) check(table, stamped.record);
        results.push(stamped ? stamped.record : row);
        if (stamped) changes.push(stamped.change);
      });
      await this.db.table(table).bulkPut(results);
      await this.db.$changes.bulkAdd(changes);
      return results;
    });
  }

  /** Marks a row deleted (a tombstone that syncs); the row stays so other devices learn of the delete. */
  async remove<T extends TableName>(table: T, id: string): Promise<void> {
    await this.transaction([table], async () => {
      const row = (await this.db.table(table).get(id)) as RecordOf<T> | undefined;
      if (!row) return;
      const stamped = stampDelete(this.ctx, table, row);
      if (!stamped) return;
      await this.db.table(table).put(stamped.record);
      await this.db.$changes.add(stamped.change);
    });
  }

  /**
   * Fills this database with a whole book in one transaction, clearing what it held, and empties
   * the outbox: a test's or a benchmark's starting book. The app never replaces its book this way
   * but in a database of its own, in small steps (features/backup/replace-book.ts): one book-sized
   * transaction leaves the store slower to open (db/book-directory.ts).
   */
  async replaceBook(book: BookTables): Promise<void> {
    await this.db.transaction('rw', [...this.db.userTables(), this.db.$changes, this.db.$sync], async () => {
      for (const name of TABLE_NAMES) await this.db.table(name).clear();
      for (const name of TABLE_NAMES) await this.db.table(name).bulkAdd(book[name] as unknown[]);
      await this.db.$changes.clear();
      await this.db.$sync.bulkDelete([SYNC_KEYS.bootstrap, SYNC_KEYS.cursor, SYNC_KEYS.packageBook]);
    });
  }

  /** This device's writer for another of its databases (a replacement book): the same device and the same clock, never set back. */
  forDatabase(db: UnionBooksDB): Mutator {
    return new Mutator(db, this.ctx);
  }

  /** Moves this device's clock past a stamp pulled from the server, so its next write is later than everything it has seen. */
  observeClock(stamp: string): void {
    observe(this.ctx.clock, stamp);
  }
}

/** A stamp from a device whose clock runs far ahead is not followed: the clock keeps its own time rather than jump with it. */
function observe(clock: HybridLogicalClock, stamp: string): void {
  if (!stamp) return;
  try {
    clock.receive(stamp);
  } catch {
    // receive refuses stamps more than a day ahead; that refusal is the point, not an error here.
  }
}

const DEVICE_KEY = 'deviceId';

/** Opens the mutation layer for this device: a device id made once and kept, and a clock that never runs backwards across restarts. */
export async function openMutator(db: UnionBooksDB, wallClock: () => number = () => Date.now()): Promise<Mutator> {
  // Read side by side: the app's first screen waits for them.
  const [device, last, seenRow] = await Promise.all([
    db.$sync.get(DEVICE_KEY),
    db.$changes.orderBy('changeId').last(),
    db.$sync.get(SYNC_KEYS.clockSeen),
  ]);
  let deviceId = device?.value as string | undefined;
  if (!deviceId) {
    deviceId = uuidv7().replace(/-/g, '').slice(-16);
    await db.$sync.put({ key: DEVICE_KEY, value: deviceId });
  }
  // The clock starts at this device's own last write, however far ahead of the PC clock that was
  // (its own writes are never refused): a later edit must win over it, even after the PC clock was
  // set back. It also moves past the latest clock pulled from the server, tolerantly.
  const clock = new HybridLogicalClock(deviceId, wallClock, last ? parseHlc(last.hlc) : undefined);
  const seen = seenRow?.value as string | undefined;
  if (seen) observe(clock, seen);
  return new Mutator(db, { deviceId, clock });
}
