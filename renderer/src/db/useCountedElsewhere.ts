import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type DependencyList } from 'react';
import { useServices } from '../app/services';

/**
 * An answer counted elsewhere (the office worker reads and sums the book there), asked again
 * whenever one of `tables` changes or `deps` do. The page only counts those tables' rows to learn
 * that they changed — counting reads none — so a long book's read and sum never hold the window.
 * One question is out at a time: what changes meanwhile is asked once when it returns (an autosave
 * every second on a long book would otherwise queue counts faster than the worker does them), and
 * an answer overtaken by a newer question is not shown. The last answer stays until the next.
 * `undefined` until the first answer. `ask` gives its failure as an answer (a message to show).
 *
 * `enabled: false` asks nothing and watches nothing (a closed dialog); `clearWhileAsking` shows
 * `undefined` from each question until its answer, where a stale answer would mislead (a preview of
 * what a button will do). `tables` must be the same array from render to render (a module constant).
 */
export function useCountedElsewhere<T>(
  tables: readonly string[],
  ask: () => Promise<T>,
  deps: DependencyList,
  options: { enabled?: boolean; clearWhileAsking?: boolean } = {},
): T | undefined {
  const { db } = useServices();
  const enabled = options.enabled ?? true;
  const clear = options.clearWhileAsking ?? false;
  // A new array after every write to one of the tables.
  const changed = useLiveQuery(() => (enabled ? Promise.all(tables.map((t) => db.table(t).count())) : undefined), [db, tables, enabled]);
  const [answer, setAnswer] = useState<T | undefined>(undefined);
  const latest = useRef(ask);
  latest.current = ask;
  const asking = useRef({ out: false, again: false, mounted: true });

  useEffect(() => {
    const state = asking.current;
    state.mounted = true;
    return () => {
      state.mounted = false;
    };
  }, []);

  useEffect(() => {
    if (changed === undefined || !enabled) return;
    const state = asking.current;
    if (clear) setAnswer(undefined);
    if (state.out) {
      state.again = true;
      return;
    }
    const run = () => {
      state.out = true;
      void latest.current().then((next) => {
        if (state.again && state.mounted) {
          state.again = false;
          run();
          return;
        }
        state.out = false;
        state.again = false;
        if (state.mounted) setAnswer(next);
      });
    };
    run();
  }, [changed, enabled, ...deps]); // eslint-disable-line react-hooks/exhaustive-deps -- `ask` is new each render; what it asks is named by `deps`

  return answer;
}
