import { formatYuan } from '../../money/fen';
import { ASSET_CATEGORY_LABEL, ASSET_THRESHOLD_FEN } from '../../finance/fixed-assets';
import type { FixedAsset, FixedAssetCategory } from '../../model/records';
import { BookError, throwIfAny } from '../errors';
import { positiveAmountProblem, type AmountOptions } from '../rules/amounts';
import { formatDate, futureDateProblem, moneyDateProblem } from '../rules/dates';
import type { BookStore } from '../store';
import { PERIOD_TABLES, periodState } from './state';

export interface AssetInput {
  name: string;
  category: FixedAssetCategory;
  acquiredDate: string;
  valueFen: number;
  location: string;
  keeper: string;
  /** The 507 entry that paid for it; '' for an asset the union held before the start of books. */
  transactionId: string;
}

const ASSET_TABLES = ['fixedAssets', 'transactions', ...PERIOD_TABLES] as const;

/**
 * 登记固定资产. An asset bought here is registered from its 资本性支出 entry (same date, value not
 * above what was paid, at least the threshold of its category); one held before the start of books
 * is registered with the date it was acquired and no entry.
 */
export async function registerAsset(store: BookStore, input: AssetInput, options: AmountOptions = {}): Promise<FixedAsset> {
  const problems: { field: string; message: string }[] = [];
  const name = input.name.trim();
  if (name === '') problems.push({ field: 'name', message: '资产名称：请填写' });
  if (input.category !== 'general' && input.category !== 'special')
    problems.push({ field: 'category', message: '资产类别：请选择一般设备或专用设备' });
  const amount = positiveAmountProblem('原值', input.valueFen, options);
  if (amount) problems.push({ field: 'valueFen', message: amount });
  else if (input.category in ASSET_THRESHOLD_FEN && input.valueFen < ASSET_THRESHOLD_FEN[input.category])
    problems.push({
      field: 'valueFen',
      message: `原值：${ASSET_CATEGORY_LABEL[input.category]}单价 ${formatYuan(ASSET_THRESHOLD_FEN[input.category])} 元以上才作为固定资产登记`,
    });
  const date = futureDateProblem('取得日期', input.acquiredDate, store.today());
  if (date) problems.push({ field: 'acquiredDate', message: date });
  throwIfAny(problems);
  return store.transaction(ASSET_TABLES, async () => {
    if (input.transactionId) {
      const when = moneyDateProblem(input.acquiredDate, await periodState(store), '取得日期');
      if (when) throw new BookError(when, 'acquiredDate');
      const tx = await store.get('transactions', input.transactionId);
      if (!tx || tx.deleted !== 0) throw new BookError('购置支出：对应的收支记录不存在', 'transactionId');
      if (!tx.accountCode.startsWith('507') || tx.reversalOf)
        throw new BookError('购置支出：只有 507 资本性支出可以登记为固定资产', 'transactionId');
      if ((await store.where('transactions', 'reversalOf', tx.id)).some((r) => r.deleted === 0))
        throw new BookError(`购置支出：${tx.voucherNumber} 已冲销`, 'transactionId');
      if (tx.date !== input.acquiredDate)
        throw new BookError(`取得日期：应与购置支出 ${tx.voucherNumber} 的日期（${formatDate(tx.date)}）一致`, 'acquiredDate');
      const already = (await store.all('fixedAssets')).filter((a) => a.deleted === 0 && a.transactionId === tx.id);
      const registered = already.reduce((s, a) => s + a.valueFen, 0);
      if (registered + input.valueFen > tx.amountFen)
        throw new BookError(
          `原值：${tx.voucherNumber} 支出 ${formatYuan(tx.amountFen)} 元，已登记 ${formatYuan(registered)} 元，再登记 ${formatYuan(input.valueFen)} 元就超过了`,
          'valueFen',
        );
    } else {
      const state = await periodState(store);
      if (!state.booksStart || input.acquiredDate.slice(0, 7) >= state.booksStart)
        throw new BookError('购置支出：开账以后取得的固定资产请从对应的资本性支出登记', 'transactionId');
    }
    return (
      await store.insert('fixedAssets', [
        {
          name,
          category: input.category,
          acquiredDate: input.acquiredDate,
          valueFen: input.valueFen,
          location: input.location.trim(),
          keeper: input.keeper.trim(),
          transactionId: input.transactionId,
          disposedDate: '',
          disposalReason: '',
        },
      ])
    )[0]!;
  });
}

/** 处置固定资产 (报废, 出售, 移交): dated, with a reason; a closed month or locked year refuses it like money. */
export async function disposeAsset(store: BookStore, id: string, date: string, reason: string): Promise<FixedAsset> {
  return store.transaction(ASSET_TABLES, async () => {
    const asset = await store.get('fixedAssets', id);
    if (!asset || asset.deleted !== 0) throw new BookError('要处置的固定资产不存在');
    if (asset.disposedDate) throw new BookError(`${asset.name}已于${formatDate(asset.disposedDate)}处置`);
    const problems: { field: string; message: string }[] = [];
    const when = moneyDateProblem(date, await periodState(store), '处置日期');
    if (when) problems.push({ field: 'disposedDate', message: when });
    else if (date < asset.acquiredDate) problems.push({ field: 'disposedDate', message: '处置日期：不能早于取得日期' });
    if (reason.trim() === '') problems.push({ field: 'disposalReason', message: '处置原因：请填写（报废、出售、调拨等）' });
    throwIfAny(problems);
    return (await store.update('fixedAssets', [{ id, patch: { disposedDate: date, disposalReason: reason.trim() } }]))[0]!;
  });
}

/** A registration made by mistake is removed (a tombstone) while its month is open. */
export async function removeAsset(store: BookStore, id: string): Promise<void> {
  await store.transaction(ASSET_TABLES, async () => {
    const asset = await store.get('fixedAssets', id);
    if (!asset || asset.deleted !== 0) throw new BookError('要删除的固定资产不存在');
    if (asset.transactionId) {
      const when = moneyDateProblem(asset.acquiredDate, await periodState(store), '取得日期');
      if (when) throw new BookError(when);
    }
    if (asset.disposedDate) throw new BookError(`${asset.name}已处置，处置记录需保留`);
    await store.remove('fixedAssets', id);
  });
}

/** Why an entry that paid for registered assets cannot be reversed yet, or null. */
export async function assetsOfEntryProblem(store: BookStore, transactionId: string): Promise<string | null> {
  const held = (await store.all('fixedAssets')).filter((a) => a.deleted === 0 && a.transactionId === transactionId);
  if (held.length === 0) return null;
  return `这笔支出已登记为固定资产（${held.map((a) => a.name).join('、')}），请先删除或处置固定资产登记`;
}
