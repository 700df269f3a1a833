/**
 * The window's turn between slices of long work, so it paints and answers input. A message rather
 * than a timer: a hidden or minimised window throttles timers to one a second or less, which would
 * stretch a first sync running in the background into hours; and a hidden window, which no one is
 * looking at, is not paused at all.
 */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

const hidden = () => typeof document === 'undefined' || document.visibilityState === 'hidden';

/**
 * A pause that gives the window its turn once `budgetMs` of work has passed since the last one: the
 * one pause of every long work in the window (reading a backup, restoring, the first sync), so each
 * runs in slices well under 100 ms. `isHidden` is for measuring it outside a window.
 */
export function turnEvery(budgetMs = 40, turn: () => Promise<void> = nextTurn, isHidden: () => boolean = hidden): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs || isHidden()) return;
    await turn();
    since = performance.now();
  };
}
