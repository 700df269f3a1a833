import type { Fen, FixedAsset, FixedAssetCategory } from '../model/records';

/** 资本性支出 from which an item is a fixed asset: 1,000 yuan in general, 1,500 for 专用设备 (工会会计制度). */
export const ASSET_THRESHOLD_FEN: Record<FixedAssetCategory, Fen> = { general: 100_000, special: 150_000 };

export const ASSET_CATEGORY_LABEL: Record<FixedAssetCategory, string> = { general: '一般设备', special: '专用设备' };

/** 507 sub-accounts whose purchases are 专用设备 by default. */
const SPECIAL_ACCOUNTS = new Set(['50703']);

export function defaultCategory(accountCode: string): FixedAssetCategory {
  return SPECIAL_ACCOUNTS.has(accountCode) ? 'special' : 'general';
}

/** Whether a 资本性支出 of this amount should be offered for registration as a fixed asset. */
export function offersAssetRegistration(accountCode: string, amountFen: Fen): boolean {
  return accountCode.startsWith('507') && amountFen >= ASSET_THRESHOLD_FEN[defaultCategory(accountCode)];
}

/** Held on that day: acquired on or before it, not disposed of on or before it. */
export function heldOn(asset: FixedAsset, date: string): boolean {
  return asset.deleted === 0 && asset.acquiredDate <= date && (asset.disposedDate === '' || asset.disposedDate > date);
}

/** 固定资产 at the end of a day: the original value of every asset held then. */
export function fixedAssetsAt(assets: readonly FixedAsset[], date: string): Fen {
  return assets.reduce((sum, a) => (heldOn(a, date) ? sum + a.valueFen : sum), 0);
}
