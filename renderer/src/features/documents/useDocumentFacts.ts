import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../../shared/model/records';
import { errorText } from '../../../../shared/error-text';
import { useServices } from '../../app/services';
import { YEAR_BOOK_TABLES } from '../../db/read-year-book';
import type { DocumentFacts } from '../../workers/office-api';
import { office } from '../../workers/office';

export interface YearFacts extends DocumentFacts {
  /** The year and day these facts are for: while the next ones are counted, the last stay shown. */
  year: number;
  date: IsoDate;
}

/**
 * A year's facts as of the document date, counted in the office worker and counted again whenever
 * the book changes. The page only counts rows (which reads none of them) to learn that it changed:
 * reading a long book's year and summing it here held the window for seconds at every change.
 * `undefined` until the first answer.
 */
export function useDocumentFacts(year: number, date: IsoDate): YearFacts | undefined {
  const { db } = useServices();
  // A new array after every write to one of the tables a year's documents are read from.
  const changed = useLiveQuery(() => Promise.all(YEAR_BOOK_TABLES.map((t) => db.table(t).count())), [db]);
  const [shown, setShown] = useState<YearFacts | undefined>(undefined);

  useEffect(() => {
    if (changed === undefined) return;
    let current = true;
    office.documentFacts(db.name, year, date).then(
      (answer) => {
        if (current) setShown({ ...answer, year, date });
      },
      (error: unknown) => {
        if (current) setShown({ facts: null, error: `无法汇总${year}年的数据：${errorText(error)}`, photos: [], year, date });
      },
    );
    // A later year, day or change supersedes this answer: only the newest is shown.
    return () => {
      current = false;
    };
  }, [db, year, date, changed]);

  return shown;
}
