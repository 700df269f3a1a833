import type { MoneyPlace } from '../model/records';

/** Default activity categories; the list is editable in 设置, these are the starting set. */
export const ACTIVITY_CATEGORIES = [
  '政治学习/主题教育',
  '文体活动',
  '教育培训',
  '劳动和技能竞赛',
  '职代会/厂务公开',
  '志愿服务',
  '春秋游/疗休养',
  '女职工工作',
  '其他',
] as const;

/** The expense account an activity of a category is usually booked to. */
export const CATEGORY_ACCOUNT: Record<string, string> = {
  '政治学习/主题教育': '50103',
  文体活动: '50102',
  教育培训: '50101',
  劳动和技能竞赛: '50301',
  '职代会/厂务公开': '50502',
  志愿服务: '50106',
  '春秋游/疗休养': '50105',
  女职工工作: '50106',
  其他: '50106',
};

export const DEFAULT_PLACE: MoneyPlace = 'bank';
