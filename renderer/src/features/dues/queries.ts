import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildDuesIndex, type DuesData, type DuesIndex } from '../../../../shared/dues/data';
import { checkDuesAgreement, type DuesAgreement } from '../../../../shared/dues/agreement';
import { useServices } from '../../app/services';
import { todayIso } from '../../../../shared/clock/today';
import { paymentsFrom } from './payments-by-month';

/**
 * What dues pages compute from, re-read whenever any of it changes. Payments are read from
 * `fromMonth` on (the year shown and the one before it): a ten-year book of a large union holds
 * hundreds of thousands of payments that no screen needs at once.
 */
export function useDuesData(fromMonth: string): DuesData | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [members, memberships, wageBases, duesPayments] = await Promise.all([
      db.members.toArray(),
      db.memberships.toArray(),
      db.wageBases.toArray(),
      paymentsFrom(db, fromMonth),
    ]);
    return { members, memberships, wageBases, duesPayments };
  }, [db, fromMonth]);
}

/** The dues data for `year` (and the year before it, for arrears and 上年基数), with its lookups built once. */
export function useDuesIndex(year: number): { data: DuesData; index: DuesIndex } | undefined {
  const current = Number(todayIso().slice(0, 4));
  const data = useDuesData(`${Math.min(year, current) - 1}-01`);
  return useMemo(() => (data ? { data, index: buildDuesIndex(data) } : undefined), [data]);
}

/**
 * Dues ↔ books for one year. Payments and 401 entries are read in one query: two separate live
 * queries would refresh one after the other and flash a false mismatch right after a posting.
 */
export function useDuesAgreement(year: number): DuesAgreement | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [payments, entries] = await Promise.all([
      paymentsFrom(db, ''),
      db.transactions
        .where('date')
        .between(`${year}-01-01`, `${year}-12-31`, true, true)
        .filter((t) => t.accountCode === '401')
        .toArray(),
    ]);
    return checkDuesAgreement(payments, entries, year);
  }, [db, year]);
}

export { todayIso } from '../../../../shared/clock/today';
