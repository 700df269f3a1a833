import { afterFirstScreen } from './first-screen';

type Idle = (callback: () => void) => () => void;

const whenIdle: Idle =
  typeof requestIdleCallback === 'function'
    ? (callback) => {
        const handle = requestIdleCallback(callback, { timeout: 5_000 });
        return () => cancelIdleCallback(handle);
      }
    : (callback) => {
        const handle = setTimeout(callback, 200);
        return () => clearTimeout(handle);
      };

/**
 * Loads code the user will probably need, one module per idle period and in order, so that
 * preloading never competes with what the user is doing. Nothing starts before the first screen has
 * been painted (./first-screen.ts), and the first `afterMs` after that, so that the rest of the first
 * page filling in does not count as idle. A failed preload is ignored: the real use loads again and
 * reports its own error. Returns a function that stops what has not started.
 */
export function preloadWhenIdle(loaders: readonly (() => Promise<unknown>)[], afterMs = 0): () => void {
  let cancel: (() => void) | null = null;
  let stopped = false;
  const next = (i: number) => {
    if (stopped || i >= loaders.length) return;
    cancel = whenIdle(() => {
      const load = loaders[i];
      if (!load) return;
      void load()
        .catch(() => undefined)
        .finally(() => next(i + 1));
    });
  };
  let start: ReturnType<typeof setTimeout> | undefined;
  void afterFirstScreen().then(() => {
    if (!stopped) start = setTimeout(() => next(0), afterMs);
  });
  return () => {
    clearTimeout(start);
    stopped = true;
    cancel?.();
  };
}
