import type { FixedAsset, Transaction } from '../../model/records';
import type { AmountOptions } from '../rules/amounts';
import type { BookStore } from '../store';
import { registerAsset, type AssetInput } from './assets';
import { ENTRY_TABLES, postEntry, type EntryInput, type NewFile } from './entries';

export type PurchaseAsset = Omit<AssetInput, 'transactionId' | 'acquiredDate'>;

/**
 * 记一笔 of a 资本性支出 and 登记固定资产 in one step: the entry and the asset are written together or
 * not at all, so a refused registration (a value above what was paid, say) leaves no entry behind.
 */
export async function postPurchase(
  store: BookStore,
  input: EntryInput,
  asset: PurchaseAsset,
  files: readonly NewFile[] = [],
  options: AmountOptions = {},
): Promise<{ transaction: Transaction; asset: FixedAsset }> {
  return store.transaction(ENTRY_TABLES, async () => {
    const transaction = await postEntry(store, input, files, options);
    const registered = await registerAsset(store, { ...asset, acquiredDate: transaction.date, transactionId: transaction.id }, options);
    return { transaction, asset: registered };
  });
}
