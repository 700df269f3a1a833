import type { IsoDate } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { TABLE_NAMES } from '../../../../shared/model/book';
import { useCountedElsewhere } from '../../db/useCountedElsewhere';
import type { DocumentFacts } from '../../workers/office-api';
import { office } from '../../workers/office';
import { yearFactsError } from '../../workers/count-errors';

export interface YearFacts extends DocumentFacts {
  /** The year and day these facts are for: while the next ones are counted, the last stay shown. */
  year: number;
  date: IsoDate;
}

/**
 * A year's facts as of the document date, counted in the office worker and counted again whenever
 * the book changes: reading a long book's year and summing it on the page held the window for
 * seconds at every change. `undefined` until the first answer.
 */
export function useDocumentFacts(year: number, date: IsoDate): YearFacts | undefined {
  const { db } = useServices();
  // Any table of the book: the few the year's facts do not read cost a recount, never a stale figure.
  return useCountedElsewhere(
    TABLE_NAMES,
    () =>
      office.documentFacts(db.name, year, date).then(
        (answer): YearFacts => ({ ...answer, year, date }),
        (error: unknown): YearFacts => ({ facts: null, error: yearFactsError(year, error), photos: [], year, date }),
      ),
    [db, year, date],
  );
}
