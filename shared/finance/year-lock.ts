import type { YearSubmission } from '../model/records';

/**
 * A year's money records are locked from the moment its report is submitted upward until the upper
 * union returns it: the submitted figures must stay the figures in the books.
 */
export function isYearLockedBy(submissions: readonly YearSubmission[], year: number): boolean {
  const latest = submissions.filter((s) => s.deleted === 0 && s.year === year).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
  return latest?.status === 'submitted' || latest?.status === 'accepted';
}

export function lockedYearMessage(year: number): string {
  return `${year}年度报告已报送上级工会，该年的收支、会费和慰问记录已锁定；如需更正，请待上级工会退回后再改。`;
}
