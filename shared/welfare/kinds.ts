import type { WelfareKind } from '../model/records';

export const WELFARE_KINDS: readonly WelfareKind[] = ['生日', '结婚', '生育', '住院', '去世', '退休', '节日', '困难帮扶', '送温暖'];

export const WELFARE_SUBKINDS: Partial<Record<WelfareKind, readonly string[]>> = {
  住院: ['无手术', '手术'],
  去世: ['会员本人', '直系亲属'],
  节日: ['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆'],
  送温暖: ['春送岗位', '夏送清凉', '金秋助学', '冬送温暖'],
};

/**
 * The expense account a welfare visit is booked to (工会会计制度 2021): gifts and condolences for
 * members are 50105 会员活动支出; hardship help is 50404; 送温暖 is 50405.
 */
export function welfareAccount(kind: WelfareKind): string {
  if (kind === '困难帮扶') return '50404';
  if (kind === '送温暖') return '50405';
  return '50105';
}
