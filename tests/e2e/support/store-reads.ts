import type { Page } from '@playwright/test';

/** Rows the window read, per object store. */
export type StoreReads = Record<string, number>;

/**
 * Counts the rows the window itself reads from each object store — Dexie's toArray and bulk reads
 * are a getAll, its filtered and ordered reads a cursor, on the store or one of its indexes;
 * counting rows reads none. A worker's reads are its own and not seen. Install before the page
 * loads; the returned function gives the rows read since its last call.
 */
export async function watchStoreReads(page: Page): Promise<() => Promise<StoreReads>> {
  await page.addInitScript(() => {
    const reads: Record<string, number> = {};
    (window as unknown as { storeReads: Record<string, number> }).storeReads = reads;
    const count = (request: IDBRequest, store: string, rows: () => number) => {
      request.addEventListener('success', () => {
        reads[store] = (reads[store] ?? 0) + rows();
      });
      return request;
    };
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
      const storeOf = (source: IDBObjectStore | IDBIndex) => ('objectStore' in source ? source.objectStore.name : source.name);
      const getAll = proto.getAll as (...args: unknown[]) => IDBRequest<unknown[]>;
      proto.getAll = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        const request = getAll.apply(this, args);
        return count(request, storeOf(this), () => request.result.length);
      } as never;
      const openCursor = proto.openCursor as (...args: unknown[]) => IDBRequest<IDBCursor | null>;
      proto.openCursor = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        // a cursor's request succeeds once per row it reaches, and once more at the end with no row
        const request = openCursor.apply(this, args);
        return count(request, storeOf(this), () => (request.result ? 1 : 0));
      } as never;
    }
  });
  return () =>
    page.evaluate(() => {
      const reads = (window as unknown as { storeReads: Record<string, number> }).storeReads;
      const since = { ...reads };
      for (const key of Object.keys(reads)) delete reads[key];
      return since;
    });
}

/**
 * The most rows of a store the window may read while a long job runs elsewhere: a lookup of the
 * first or last row (the years a page offers), never the store's rows themselves.
 */
export const LOOKUP_ROWS = 4;
