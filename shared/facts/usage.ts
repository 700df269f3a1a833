import type { Transaction } from '../model/records';

/** How many purposes a report names for one account before it says 等. */
const NAMED = 3;

/**
 * What an account's money was for, from the entries' 摘要: the purposes that carry the most money,
 * largest first, joined as running text ("节日慰问品、生日慰问、职工篮球联赛等"). A 摘要 names a
 * purpose and often a person or a period ("住院慰问：张三", "3月会费收入（工资代扣）"); only the
 * purpose is kept, so a report names no member.
 */
export function usageOf(entries: readonly Pick<Transaction, 'summary' | 'amountFen'>[]): string {
  const totals = new Map<string, number>();
  for (const t of entries) {
    const purpose = purposeOf(t.summary);
    if (purpose) totals.set(purpose, (totals.get(purpose) ?? 0) + t.amountFen);
  }
  const ranked = [...totals].filter(([, fen]) => fen > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
  const named = ranked.slice(0, NAMED).map(([p]) => p);
  return named.join('、') + (ranked.length > NAMED ? '等' : '');
}

export function purposeOf(summary: string): string {
  return summary
    .split(/[：:]/)[0]!
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/^(?:\d{4}年)?(?:\d{1,2}月(?:份)?|第?[一二三四1-4]季度)/, '')
    .replace(/(?:费用|经费支出|支出)$/, '')
    .trim();
}

/**
 * Visits and activities an account's entries pay for, counted by the entry they are booked on (a
 * visit or an activity whose expense was reversed in full is not counted).
 */
export function linkedCounts(entries: readonly Pick<Transaction, 'welfareId' | 'activityId' | 'amountFen'>[]): {
  visits: number;
  activities: number;
} {
  const visits = new Map<string, number>();
  const activities = new Map<string, number>();
  for (const t of entries) {
    if (t.welfareId) visits.set(t.welfareId, (visits.get(t.welfareId) ?? 0) + t.amountFen);
    if (t.activityId) activities.set(t.activityId, (activities.get(t.activityId) ?? 0) + t.amountFen);
  }
  const positive = (m: Map<string, number>) => [...m.values()].filter((v) => v > 0).length;
  return { visits: positive(visits), activities: positive(activities) };
}
