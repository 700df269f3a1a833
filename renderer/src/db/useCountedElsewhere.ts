import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type DependencyList } from 'react';
import { useServices } from '../app/services';

/**
 * An answer counted elsewhere (the office worker reads and sums the book there), asked again
 * whenever one of `tables` changes. The page only counts those tables' rows to learn that they
 * changed — counting reads none — so a long book's read and sum never hold the window. The last
 * answer stays until the next arrives; only the newest question's answer is kept. `undefined`
 * until the first answer. `ask` gives its failure as an answer (a message to show): it must not reject.
 */
export function useCountedElsewhere<T>(tables: readonly string[], ask: () => Promise<T>, deps: DependencyList): T | undefined {
  const { db } = useServices();
  // A new array after every write to one of the tables.
  const changed = useLiveQuery(() => Promise.all(tables.map((t) => db.table(t).count())), [db, tables]);
  const [answer, setAnswer] = useState<T | undefined>(undefined);

  useEffect(() => {
    if (changed === undefined) return;
    let current = true;
    void ask().then((next) => {
      if (current) setAnswer(next);
    });
    return () => {
      current = false;
    };
  }, [changed, ...deps]); // eslint-disable-line react-hooks/exhaustive-deps -- `ask` is new each render; what it asks is named by `deps`

  return answer;
}
