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

async function mutateFolding(table: DBCoreTable, months: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
    const res = await table.mutate(req);
    await months.mutate({ type: 'deleteRange', trans, range: req.range });
    return res;
  }
  const keys = keysOf(req);
  const before: (DuesPayment | undefined)[] =
    req.type === 'add'
      ? []
      : req.type === 'deleteRange'
        ? ((await table.query({ trans, query: { index: table.schema.primaryKey, range: req.range }, values: true }))
            .result as DuesPayment[])
        : ((await table.getMany({ trans, keys })) as (DuesPayment | undefined)[]);
  const removedKeys = req.type === 'deleteRange' ? before.map((b) => b?.id) : keys;
  const res = await table.mutate(req);
  const changes: Change[] = [];
  if (req.type === 'add' || req.type === 'put') {
    // A put may carry only changes (Dexie's modify): fold what is stored now, not what was sent.
    const after =
      req.type === 'add' ? (req.values as DuesPayment[]) : ((await table.getMany({ trans, keys })) as (DuesPayment | undefined)[]);
    for (let i = 0; i < after.length; i++) {
      if (res.failures[i]) continue;
      changes.push({ before: before[i], after: after[i] });
    }
  } else {
    for (let i = 0; i < removedKeys.length; i++) if (!res.failures[i]) changes.push({ before: before[i] });
  }
  await fold(months, trans, changes);
  return res;
}

function keysOf(req: DBCoreMutateRequest): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return [];
  return req.keys ?? req.values.map((v: { id: string }) => v.id);
}

async function fold(months: DBCoreTable, trans: DBCoreTransaction, changes: readonly Change[]): Promise<void> {
  const ids = duesMonthIdsOf(changes);
  if (ids.length === 0) return;
  const stored = (await months.getMany({ trans, keys: ids })) as (DuesMonthRow | undefined)[];
  const current = new Map<string, DuesMonthRow>();
  stored.forEach((row) => row && current.set(row.id, row));
  const next = [...foldPayments(current, changes).values()];
  const kept = next.filter((r) => r.memberIds.length > 0);
  const emptied = next.filter((r) => r.memberIds.length === 0 && current.has(r.id)).map((r) => r.id);
  if (kept.length > 0) await months.mutate({ type: 'put', trans, values: kept });
  if (emptied.length > 0) await months.mutate({ type: 'delete', trans, keys: emptied });
}
