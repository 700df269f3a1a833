import Dexie, {
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';

/** One written row: as it was (absent for a new row) and as it is now (absent for a row removed). */
export interface RowChange<T = unknown> {
  before?: T;
  after?: T;
}

/**
 * A store computed from the rows of some tables alone (`$deskCounts`, `$duesMonths`, …): never
 * synced, never backed up, kept in step by `derivedStoreMiddleware` in the same transaction as
 * every write to its tables.
 */
export interface DerivedStore<Row extends { id: string } = { id: string }> {
  /** The store's own table. */
  name: string;
  /** The tables whose writes it follows. */
  tables: readonly string[];
  /** Ids of the store's rows that `changes` to `table` touch (read them, then `fold`). */
  touched(table: string, changes: readonly RowChange[]): string[];
  /**
   * The touched rows after `changes`, from `current` (the stored rows by id; absent: none yet),
   * left untouched. A row mapped to undefined holds nothing any more and is deleted.
   */
  fold(table: string, current: ReadonlyMap<string, Row>, changes: readonly RowChange[]): Map<string, Row | undefined>;
  /** The store's rows that hold nothing once `table` is cleared (a restore, a replaced book). */
  clearedBy(table: string): DBCoreKeyRange;
}

const ANY_RANGE = 3;

/** Every row of a store: what clearing its one source table leaves empty. */
export const ALL_ROWS: DBCoreKeyRange = { type: ANY_RANGE } as DBCoreKeyRange;

/** The rows whose ids start with `prefix`. */
export function prefixRange(prefix: string): DBCoreKeyRange {
  return { type: 2, lower: prefix, upper: `${prefix}\uffff`, lowerOpen: false, upperOpen: false } as DBCoreKeyRange;
}

/**
 * Keeps every derived store in step with every write to its tables, in the same IndexedDB
 * transaction: a read-write transaction over any of them always includes the store, and each write
 * reads the rows it replaces or removes once, however many stores follow the table, and gives each
 * store what changed. Restores, imports, sync pulls and the book engine all write through here, so
 * none of them can leave a store behind. An upgrade writes nothing here: the version that adds a
 * store builds it from the rows as they are.
 */
export function derivedStoreMiddleware(stores: readonly DerivedStore[]): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    // Named after its stores: Dexie keeps one middleware per name.
    name: `DerivedStores(${stores.map((s) => s.name).join(',')})`,
    create(down) {
      const present = new Set(down.schema.tables.map((t) => t.name));
      const kept = stores.filter((s) => present.has(s.name));
      if (kept.length === 0) return {};
      const derivedNames = new Set(kept.map((s) => s.name));
      const followers = new Map<string, DerivedStore[]>();
      for (const s of kept) for (const t of s.tables) followers.set(t, [...(followers.get(t) ?? []), s]);
      return {
        transaction(scope, mode, options) {
          if (mode !== 'readwrite') return down.transaction(scope, mode, options);
          const extra = kept.filter((s) => !scope.includes(s.name) && s.tables.some((t) => scope.includes(t))).map((s) => s.name);
          return down.transaction(extra.length > 0 ? [...scope, ...extra] : scope, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (derivedNames.has(name)) return readingPending(table, down);
          const following = followers.get(name);
          if (!following) return table;
          return {
            ...table,
            mutate: (req) => (upgrading(req.trans) ? table.mutate(req) : mutateDeriving(name, table, following, down, req)),
          };
        },
      };
    },
  };
}

/**
 * A derived store whose reads, while its writes are held, first write what folds left pending for
 * it in the same transaction, so a group reads its own writes. Otherwise the read goes straight down.
 */
function readingPending(table: DBCoreTable, core: DBCore): DBCoreTable {
  const after = <T>(trans: DBCoreTransaction, read: () => Promise<T>): Promise<T> => {
    const deriving = derivings.get(trans);
    // Only a group holding its derived writes (holdDerivedWrites) leaves rows pending between its
    // writes for long; every other transaction reads as it always did.
    if (!deriving || deriving.held === 0 || !pendingFor(deriving, table.name)) return read();
    // Dexie's promise: its continuations keep the transaction's context. Only IndexedDB requests
    // (the folds' reads, this store's write) are waited for before the read is issued.
    return Dexie.Promise.resolve(deriving.queue)
      .then(() => flush(core, trans, deriving, table.name))
      .then(read);
  };
  return {
    ...table,
    get: (req) => after(req.trans, () => table.get(req)),
    getMany: (req) => after(req.trans, () => table.getMany(req)),
    query: (req) => after(req.trans, () => table.query(req)),
    openCursor: (req) => after(req.trans, () => table.openCursor(req)),
    count: (req) => after(req.trans, () => table.count(req)),
  };
}

function pendingFor(deriving: Deriving, store: string): boolean {
  return (deriving.queued.get(store) ?? 0) > 0 || (deriving.stores.get(store)?.unwritten.size ?? 0) > 0;
}

function upgrading(trans: DBCoreTransaction): boolean {
  return (trans as unknown as IDBTransaction).mode === 'versionchange';
}

/** One store within one transaction: its rows as they now stand, and those folded but not yet written. */
interface StoreState {
  known: Map<string, { id: string } | undefined>;
  unwritten: Set<string>;
}

/**
 * Per transaction: the folds in the order they were asked for (the chunks of one insert are written
 * while the next is prepared, and each fold reads what the one before it left), how many are asked
 * for and not yet done, and each store's state.
 */
interface Deriving {
  queue: Promise<void>;
  /** While another fold waits, a fold leaves the rows it changed to that one to write. */
  waiting: number;
  /** Per store, the folds into it asked for and not yet done (a read of the store waits for them). */
  queued: Map<string, number>;
  /** While above 0, folds leave the rows they changed unwritten, for `writeHeld` to write once (holdDerivedWrites). */
  held: number;
  /** The database below the middleware, where the folds read and write the stores' rows. */
  core?: DBCore;
  stores: Map<string, StoreState>;
}
const derivings = new WeakMap<DBCoreTransaction, Deriving>();

function derivingOf(trans: DBCoreTransaction): Deriving {
  let state = derivings.get(trans);
  if (!state) {
    state = { queue: Promise.resolve(), waiting: 0, queued: new Map(), held: 0, stores: new Map() };
    derivings.set(trans, state);
  }
  return state;
}

function storeStateOf(deriving: Deriving, name: string): StoreState {
  let state = deriving.stores.get(name);
  if (!state) {
    state = { known: new Map(), unwritten: new Set() };
    deriving.stores.set(name, state);
  }
  return state;
}

async function mutateDeriving(
  name: string,
  table: DBCoreTable,
  following: readonly DerivedStore[],
  core: DBCore,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const deriving = derivingOf(trans);
  deriving.core = core;
  // The layer below may answer with a plain promise; awaiting it as Dexie's keeps this
  // transaction's context, which the reads and writes after it need.
  const below = (work: Promise<DBCoreMutateResponse>) => Dexie.Promise.resolve(work);
  const count = (by: number) => following.forEach((s) => deriving.queued.set(s.name, (deriving.queued.get(s.name) ?? 0) + by));
  const enqueue = (work: () => Promise<void>) => {
    deriving.waiting++;
    count(1);
    const done = deriving.queue.then(work).finally(() => {
      deriving.waiting--;
      count(-1);
    });
    deriving.queue = done.catch(() => undefined);
    return done;
  };
  const foldAll = (changes: readonly RowChange[]) => fold(core, trans, deriving, name, following, changes);

  if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
    const res = await below(table.mutate(req));
    await enqueue(async () => {
      await flush(core, trans, deriving);
      for (const s of following) {
        await core.table(s.name).mutate({ type: 'deleteRange', trans, range: s.clearedBy(name) });
        // Rows outside the range stay as written; the next fold reads them again.
        storeStateOf(deriving, s.name).known.clear();
      }
    });
    return res;
  }
  if (req.type === 'add') {
    // New rows have nothing to take out: they are folded while they are written, and rows the
    // database refused are taken out again.
    const added = req.values as Record<string, unknown>[];
    const folded = enqueue(() => foldAll(added.map((after) => ({ after }))));
    const res = await below(table.mutate(req));
    await folded;
    if (res.numFailures > 0) {
      const failed = Object.keys(res.failures).map((i) => ({ before: added[Number(i)] }));
      await enqueue(() => foldAll(failed));
    }
    return res;
  }
  const keys = keysOf(req);
  const before = (
    req.type === 'deleteRange'
      ? (await table.query({ trans, query: { index: table.schema.primaryKey, range: req.range }, values: true })).result
      : await table.getMany({ trans, keys })
  ) as (Record<string, unknown> | undefined)[];
  const res = await below(table.mutate(req));
  const changes: RowChange[] = [];
  if (req.type === 'put') {
    // A put may carry only changes (Dexie's modify): fold what is stored now, not what was sent.
    const after = (await table.getMany({ trans, keys })) as (Record<string, unknown> | undefined)[];
    for (let i = 0; i < after.length; i++) if (!res.failures[i]) changes.push({ before: before[i], after: after[i] });
  } else {
    for (let i = 0; i < before.length; i++) if (!res.failures[i]) changes.push({ before: before[i] });
  }
  await enqueue(() => foldAll(changes));
  return res;
}

function keysOf(req: DBCoreMutateRequest): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return [];
  return req.keys ?? req.values.map((v: { id: string }) => v.id);
}

/**
 * Folds `changes` to `table` into each store following it: the rows they touch are read once per
 * transaction (all stores at once), folded, and written by the last fold of a run, so the chunks
 * of one large insert write a store's rows once instead of once per chunk.
 */
async function fold(
  core: DBCore,
  trans: DBCoreTransaction,
  deriving: Deriving,
  table: string,
  following: readonly DerivedStore[],
  changes: readonly RowChange[],
): Promise<void> {
  const touched = following.map((s) => (changes.length > 0 ? s.touched(table, changes) : []));
  await Promise.all(
    following.map(async (s, k) => {
      const { known } = storeStateOf(deriving, s.name);
      const unknown = touched[k]!.filter((id) => !known.has(id));
      if (unknown.length === 0) return;
      const stored = (await core.table(s.name).getMany({ trans, keys: unknown })) as ({ id: string } | undefined)[];
      unknown.forEach((id, i) => known.set(id, stored[i]));
    }),
  );
  following.forEach((s, k) => {
    if (touched[k]!.length === 0) return;
    const state = storeStateOf(deriving, s.name);
    const current = new Map<string, { id: string }>();
    for (const id of touched[k]!) {
      const row = state.known.get(id);
      if (row) current.set(id, row);
    }
    for (const [id, row] of s.fold(table, current, changes)) {
      state.known.set(id, row);
      state.unwritten.add(id);
    }
  });
  if (deriving.waiting > 1 || deriving.held > 0) return;
  await flush(core, trans, deriving);
}

/**
 * From now on in `trans`, the derived stores' rows that writes change are folded but not written,
 * until `writeHeld`: a month's posting adds its payments a chunk at a time, and each chunk rewrote
 * the month's `$duesMonths` rows whole (their member-id arrays growing to the whole roster) and
 * `$deskCounts` — about 19 writes of ever-larger rows for 5,000 members where one does. Reads of a
 * store in between still see every write before them (`readingPending`). Pairs with `writeHeld`.
 */
export function holdDerivedWrites(trans: DBCoreTransaction): void {
  derivingOf(trans).held++;
}

/**
 * Ends one `holdDerivedWrites` of `trans`; at the last, writes what the folds left pending, once
 * they are done. Call it right after the group's last write (or read) has been awaited, as any
 * other IndexedDB request in the transaction: it waits for nothing else, so the transaction
 * cannot commit before it.
 */
export function writeHeld(trans: DBCoreTransaction): Promise<void> {
  const deriving = derivings.get(trans);
  if (!deriving || deriving.held === 0) return Dexie.Promise.resolve();
  deriving.held--;
  const { core } = deriving;
  // No write has been folded in the transaction yet: nothing to write.
  if (deriving.held > 0 || !core) return Dexie.Promise.resolve();
  return Dexie.Promise.resolve(deriving.queue).then(() => flush(core, trans, deriving));
}

/** Writes every store's rows folded and not yet written (deleting those left empty); only `only`'s when given. */
async function flush(core: DBCore, trans: DBCoreTransaction, deriving: Deriving, only?: string): Promise<void> {
  const writes: Promise<unknown>[] = [];
  for (const [name, state] of deriving.stores) {
    if (state.unwritten.size === 0 || (only !== undefined && name !== only)) continue;
    const kept: { id: string }[] = [];
    const emptied: string[] = [];
    for (const id of state.unwritten) {
      const row = state.known.get(id);
      if (row) kept.push(row);
      else emptied.push(id);
    }
    state.unwritten.clear();
    const store = core.table(name);
    if (kept.length > 0) writes.push(store.mutate({ type: 'put', trans, values: kept }));
    if (emptied.length > 0) writes.push(store.mutate({ type: 'delete', trans, keys: emptied }));
  }
  await Promise.all(writes);
}
