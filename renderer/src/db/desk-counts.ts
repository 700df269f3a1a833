import Dexie, {
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { countDeltas, isCountedTable, type CountedRow, type CountedTable, type DeskCountRow } from '../../../shared/desk/desk-counts';

/** The store of 概览's running counts (shared/desk/desk-counts.ts); bookkeeping, never synced. */
export const DESK_COUNTS = '$deskCounts';

const RANGE = 2;
const ANY_RANGE = 3;

type Change = { before?: CountedRow; after?: CountedRow };

/**
 * Keeps `$deskCounts` in step with every write to the counted tables, in the same IndexedDB
 * transaction: a read-write transaction over any of them always includes it, and each write adds
 * what the rows it added, replaced or removed change. Restores, imports, sync pulls and the book
 * engine all write through here. An upgrade writes nothing here: the version that adds the store
 * counts the rows as they are.
 */
export const deskCountsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'DeskCounts',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === DESK_COUNTS)) return {};
    const counts = down.table(DESK_COUNTS);
    return {
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.some(isCountedTable) && !stores.includes(DESK_COUNTS) ? [...stores, DESK_COUNTS] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!isCountedTable(name)) return table;
        return {
          ...table,
          mutate: (req) =>
            (req.trans as unknown as IDBTransaction).mode === 'versionchange'
              ? table.mutate(req)
              : mutateCounting(name, table, counts, req),
        };
      },
    };
  },
};

/** Per transaction: the count rows as they now stand, and the folds in the order they were asked for. */
interface Counting {
  queue: Promise<void>;
  known: Map<string, number>;
}
const countings = new WeakMap<DBCoreTransaction, Counting>();

function countingOf(trans: DBCoreTransaction): Counting {
  let state = countings.get(trans);
  if (!state) {
    state = { queue: Promise.resolve(), known: new Map() };
    countings.set(trans, state);
  }
  return state;
}

/** The count ids of one table: `table/` up to the next prefix. */
function rangeOf(table: CountedTable): DBCoreKeyRange {
  return { type: RANGE, lower: `${table}/`, upper: `${table}/\uffff`, lowerOpen: false, upperOpen: false };
}

async function mutateCounting(
  name: CountedTable,
  table: DBCoreTable,
  counts: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const counting = countingOf(trans);
  // The payments' own layer below answers with a plain promise; awaiting it as Dexie's keeps this
  // transaction's context, which the reads and writes after it need.
  const down = (work: Promise<DBCoreMutateResponse>) => Dexie.Promise.resolve(work);
  const enqueue = (work: () => Promise<void>) => {
    const done = counting.queue.then(work);
    counting.queue = done.catch(() => undefined);
    return done;
  };
  if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
    const res = await down(table.mutate(req));
    await enqueue(async () => {
      for (const id of [...counting.known.keys()]) if (id.startsWith(`${name}/`)) counting.known.delete(id);
      await counts.mutate({ type: 'deleteRange', trans, range: rangeOf(name) });
    });
    return res;
  }
  if (req.type === 'add') {
    // New rows have nothing to take out; rows the database refused are left out.
    const res = await down(table.mutate(req));
    const added = (req.values as CountedRow[]).filter((_, i) => !res.failures[i]).map((after) => ({ after }));
    await enqueue(() => fold(name, counts, trans, counting.known, added));
    return res;
  }
  const keys = keysOf(req);
  const before: (CountedRow | undefined)[] =
    req.type === 'deleteRange'
      ? ((await table.query({ trans, query: { index: table.schema.primaryKey, range: req.range }, values: true })).result as CountedRow[])
      : ((await table.getMany({ trans, keys })) as (CountedRow | undefined)[]);
  const res = await down(table.mutate(req));
  const changes: Change[] = [];
  if (req.type === 'put') {
    // A put may carry only changes (Dexie's modify): count what is stored now, not what was sent.
    const after = (await table.getMany({ trans, keys })) as (CountedRow | undefined)[];
    for (let i = 0; i < after.length; i++) if (!res.failures[i]) changes.push({ before: before[i], after: after[i] });
  } else {
    for (let i = 0; i < before.length; i++) if (!res.failures[i]) changes.push({ before: before[i] });
  }
  await enqueue(() => fold(name, counts, trans, counting.known, changes));
  return res;
}

function keysOf(req: DBCoreMutateRequest): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return [];
  return req.keys ?? req.values.map((v: { id: string }) => v.id);
}

async function fold(
  name: CountedTable,
  counts: DBCoreTable,
  trans: DBCoreTransaction,
  known: Map<string, number>,
  changes: readonly Change[],
): Promise<void> {
  const deltas = countDeltas(name, changes);
  if (deltas.size === 0) return;
  const unknown = [...deltas.keys()].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const stored = (await counts.getMany({ trans, keys: unknown })) as (DeskCountRow | undefined)[];
    unknown.forEach((id, i) => known.set(id, stored[i]?.n ?? 0));
  }
  const kept: DeskCountRow[] = [];
  const emptied: string[] = [];
  for (const [id, delta] of deltas) {
    const n = known.get(id)! + delta;
    known.set(id, n);
    if (n === 0) emptied.push(id);
    else kept.push({ id, n });
  }
  if (kept.length > 0) await counts.mutate({ type: 'put', trans, values: kept });
  if (emptied.length > 0) await counts.mutate({ type: 'delete', trans, keys: emptied });
}
