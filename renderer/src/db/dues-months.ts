import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { duesMonthIdsOf, foldPayments, type DuesMonthRow } from '../../../shared/desk/dues-months';
import type { DuesPayment } from '../../../shared/model/records';

/** The store of the payments folded per month (shared/desk/dues-months.ts); bookkeeping, never synced. */
export const DUES_MONTHS = '$duesMonths';

const PAYMENTS = 'duesPayments';
const ANY_RANGE = 3;

type Change = { before?: DuesPayment; after?: DuesPayment };

/**
 * Keeps `$duesMonths` in step with every write to the payments, in the same IndexedDB transaction:
 * a read-write transaction over the payments always includes it, and each write folds the rows it
 * added, replaced or removed into their months. Restores, imports, sync pulls and the book engine
 * all write through here, so none of them can leave it behind. An upgrade writes nothing here: the
 * version that adds the store builds it from the payments.
 */
export const duesMonthsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'DuesMonths',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === DUES_MONTHS)) return {};
    const months = down.table(DUES_MONTHS);
    return {
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.includes(PAYMENTS) && !stores.includes(DUES_MONTHS) ? [...stores, DUES_MONTHS] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== PAYMENTS) return table;
        return { ...table, mutate: (req) => (upgrading(req.trans) ? table.mutate(req) : mutateFolding(table, months, req)) };
      },
    };
  },
};

function upgrading(trans: DBCoreTransaction): boolean {
  return (trans as unknown as IDBTransaction).mode === 'versionchange';
}

/**
 * Per transaction: the folds in the order they were asked for (two chunks of one insert are written
 * at once, and each fold reads what the one before it wrote), and the month rows as they now stand.
 */
interface Folding {
  queue: Promise<void>;
  rows: Map<string, DuesMonthRow | undefined>;
  /** Folds asked for and not yet done: while another waits, a fold leaves its rows to that one to write. */
  waiting: number;
  /** Rows folded but not yet written (undefined: emptied, to be deleted). */
  unwritten: Set<string>;
}
const foldings = new WeakMap<DBCoreTransaction, Folding>();

async function mutateFolding(table: DBCoreTable, months: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  let state = foldings.get(trans);
  if (!state) {
    state = { queue: Promise.resolve(), rows: new Map(), waiting: 0, unwritten: new Set() };
    foldings.set(trans, state);
  }
  const folding = state;
  const enqueue = (work: () => Promise<void>) => {
    folding.waiting++;
    const done = folding.queue.then(work).finally(() => folding.waiting--);
    folding.queue = done.catch(() => undefined);
    return done;
  };
  if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
    const res = await table.mutate(req);
    await enqueue(async () => {
      folding.rows.clear();
      folding.unwritten.clear();
      await months.mutate({ type: 'deleteRange', trans, range: req.range });
    });
    return res;
  }
  if (req.type === 'add') {
    // New rows have nothing to take out: their months are folded while they are written.
    const added = req.values as DuesPayment[];
    const folded = enqueue(() =>
      fold(
        months,
        trans,
        folding,
        added.map((after) => ({ after })),
      ),
    );
    const res = await table.mutate(req);
    await folded;
    if (res.numFailures > 0) {
      const failed = Object.keys(res.failures).map((i) => ({ before: added[Number(i)] }));
      await enqueue(() => fold(months, trans, folding, failed));
    }
    return res;
  }
  const keys = keysOf(req);
  const before: (DuesPayment | undefined)[] =
    req.type === 'deleteRange'
      ? ((await table.query({ trans, query: { index: table.schema.primaryKey, range: req.range }, values: true })).result as DuesPayment[])
      : ((await table.getMany({ trans, keys })) as (DuesPayment | undefined)[]);
  const res = await table.mutate(req);
  const changes: Change[] = [];
  if (req.type === 'put') {
    // A put may carry only changes (Dexie's modify): fold what is stored now, not what was sent.
    const after = (await table.getMany({ trans, keys })) as (DuesPayment | undefined)[];
    for (let i = 0; i < after.length; i++) if (!res.failures[i]) changes.push({ before: before[i], after: after[i] });
  } else {
    for (let i = 0; i < before.length; i++) if (!res.failures[i]) changes.push({ before: before[i] });
  }
  await enqueue(() => fold(months, trans, folding, changes));
  return res;
}

function keysOf(req: DBCoreMutateRequest): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return [];
  return req.keys ?? req.values.map((v: { id: string }) => v.id);
}

/**
 * Folds `changes` into the month rows. The rows are written by the last fold of a run: the chunks
 * of one large insert each fold, and only the fold with none waiting after it writes what they all
 * changed, so a month's rows are written once per insert instead of once per chunk.
 */
async function fold(months: DBCoreTable, trans: DBCoreTransaction, folding: Folding, changes: readonly Change[]): Promise<void> {
  const known = folding.rows;
  const ids = duesMonthIdsOf(changes);
  if (ids.length > 0) {
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const stored = (await months.getMany({ trans, keys: unknown })) as (DuesMonthRow | undefined)[];
      unknown.forEach((id, i) => known.set(id, stored[i]));
    }
    const current = new Map<string, DuesMonthRow>();
    for (const id of ids) {
      const row = known.get(id);
      if (row) current.set(id, row);
    }
    for (const r of foldPayments(current, changes).values()) {
      known.set(r.id, r.memberIds.length > 0 ? r : undefined);
      folding.unwritten.add(r.id);
    }
  }
  if (folding.waiting > 1 || folding.unwritten.size === 0) return;
  const kept: DuesMonthRow[] = [];
  const emptied: string[] = [];
  for (const id of folding.unwritten) {
    const row = known.get(id);
    if (row) kept.push(row);
    else emptied.push(id);
  }
  folding.unwritten.clear();
  if (kept.length > 0) await months.mutate({ type: 'put', trans, values: kept });
  if (emptied.length > 0) await months.mutate({ type: 'delete', trans, keys: emptied });
}
