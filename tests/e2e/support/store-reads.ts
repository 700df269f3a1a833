import type { Page } from '@playwright/test';

/**
 * Records each object store the window itself reads many rows of at once (Dexie's toArray and
 * bulk reads are a getAll); a worker's reads are its own and not seen. Install before the page
 * loads; the returned function gives the stores read since its last call.
 */
export async function watchStoreReads(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const reads: string[] = [];
    (window as unknown as { storeReads: string[] }).storeReads = reads;
    const getAll = IDBObjectStore.prototype.getAll;
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
      reads.push(this.name);
      return getAll.apply(this, args);
    };
  });
  return () => page.evaluate(() => (window as unknown as { storeReads: string[] }).storeReads.splice(0));
}
