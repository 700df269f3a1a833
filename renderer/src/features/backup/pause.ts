/**
 * Lets the window paint and answer input during long reading: a pause once `budgetMs` of work has
 * passed since the last, so a large book is read in slices well under 100 ms.
 */
export function pauseEvery(budgetMs = 40): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
}
