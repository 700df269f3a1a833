import type { SpendingLimits } from '../../../../shared/limits/types';

type FenKey = Exclude<keyof SpendingLimits, 'holiday'>;

/** The per-event limits in the order the settings page shows them. */
export const EVENT_LIMIT_FIELDS: readonly { key: FenKey; label: string }[] = [
  { key: 'birthdayFen', label: '生日' },
  { key: 'weddingFen', label: '结婚' },
  { key: 'birthFen', label: '生育' },
  { key: 'hospitalFen', label: '住院（无手术）' },
  { key: 'hospitalSurgeryFen', label: '住院（手术）' },
  { key: 'deathMemberFen', label: '会员本人去世' },
  { key: 'deathRelativeFen', label: '直系亲属去世' },
  { key: 'retirementFen', label: '退休' },
];

export function yuanText(fen: number | null): string {
  return fen === null ? '不限' : `${fen / 100} 元`;
}

export function describeHoliday(h: SpendingLimits['holiday']): string {
  if (h.mode === 'share-of-budget') return `全年节日慰问品总额不超过当年预算收入的 ${h.percent}%`;
  if (h.mode === 'per-person-year') return `每人每年合计 ${yuanText(h.annualFen)}`;
  return `春节每人 ${yuanText(h.springFestivalFen)}，其他节日每人每节 ${yuanText(h.otherHolidayFen)}`;
}
