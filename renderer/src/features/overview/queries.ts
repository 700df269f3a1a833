import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';

export interface OverviewCounts {
  members: number;
  women: number;
  duesThisYearFen: number;
  activitiesThisYear: number;
  welfareThisYear: number;
  transactionsThisYear: number;
}

/** Headline counts for 概览, for the given calendar year; recomputed live as the book changes. */
export function useOverviewCounts(year: number): OverviewCounts | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const members = await db.members
      .where('status')
      .anyOf('active', 'retired', 'unemployed')
      .filter((m) => m.deleted === 0)
      .toArray();
    const dues = await db.duesPayments
      .where('month')
      .between(`${year}-01`, `${year}-12`, true, true)
      .filter((p) => p.deleted === 0)
      .toArray();
    return {
      members: members.length,
      women: members.filter((m) => m.gender === '女').length,
      duesThisYearFen: dues.reduce((s, p) => s + p.amountFen, 0),
      activitiesThisYear: await db.activities
        .where('startDate')
        .between(from, to, true, true)
        .filter((a) => a.deleted === 0)
        .count(),
      welfareThisYear: await db.welfare
        .where('date')
        .between(from, to, true, true)
        .filter((w) => w.deleted === 0)
        .count(),
      transactionsThisYear: await db.transactions
        .where('date')
        .between(from, to, true, true)
        .filter((t) => t.deleted === 0)
        .count(),
    };
  }, [db, year]);
}
