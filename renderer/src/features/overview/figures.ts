import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect } from 'react';
import { thisYear } from '../../../../shared/clock/today';
import type { HeadlineCounts } from '../../../../shared/desk/counts';
import { headlineCountIds, headlineFromCounts } from '../../../../shared/desk/desk-counts';
import { useServices } from '../../app/services';
import type { BookDatabase } from '../../db/book-database';

/**
 * The six figures of 概览: six rows of the running counts the database keeps beside the rows
 * (`$deskCounts`). Kept apart from the rest of the desk (./desk-queries.ts), since start-up reads them too.
 */
export async function readDeskCounts(db: BookDatabase, year: number): Promise<HeadlineCounts> {
  return headlineFromCounts(await db.$deskCounts.bulkGet(headlineCountIds(year)), year);
}

/** 概览's figures as start-up read them, for the year they count. */
export interface StartupCounts {
  year: number;
  counts: HeadlineCounts;
}

/**
 * The figures read beside the union when the book opens on 概览 (App.tsx), so that the page's first
 * render shows them rather than waiting a render and a read for its own query. They stand only until
 * that query has answered once: after that, a later visit to 概览 must not show them, as they may be
 * out of date by then.
 */
export const StartupCountsContext = createContext<{ current: StartupCounts | undefined }>({ current: undefined });

/**
 * The six figures of 概览, apart from the rest of the desk so they show as soon as they are
 * counted. Until the live query first answers, the figures start-up read with the union stand in
 * (for this year only), so the page's first render shows them; once it has, they are dropped.
 */
export function useDeskCounts(): HeadlineCounts | undefined {
  const { db } = useServices();
  const startup = useContext(StartupCountsContext);
  const year = thisYear();
  const first = startup.current?.year === year ? startup.current.counts : undefined;
  const counts = useLiveQuery(() => readDeskCounts(db, year), [db, year]);
  useEffect(() => {
    if (counts !== undefined) startup.current = undefined;
  }, [counts, startup]);
  return counts ?? first;
}
