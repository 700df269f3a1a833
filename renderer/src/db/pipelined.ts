/**
 * Runs `step` over `count` items in chunks inside one IndexedDB transaction, keeping the database
 * one chunk ahead: chunk k+1 is prepared (and its requests issued) while the database still writes
 * chunk k, and between chunks the page gets its turn to paint and take input. The transaction
 * stays open throughout, because the next requests are always issued from the completion of earlier
 * ones — never after an unrelated wait.
 */
export async function pipelined(
  count: number,
  chunk: number | (() => number),
  step: (from: number, to: number) => Promise<unknown>,
): Promise<void> {
  let inFlight: Promise<unknown> | null = null;
  // A function sizes each chunk as it comes (a time budget); at least one row, so the loop always ends.
  const size = typeof chunk === 'number' ? () => chunk : chunk;
  for (let from = 0, to = 0; from < count; from = to) {
    to = Math.min(from + Math.max(1, size()), count);
    const issued = step(from, to);
    // A failure of the chunk not awaited yet surfaces when it is awaited, or aborts the transaction first.
    issued.catch(() => undefined);
    if (inFlight) await inFlight;
    inFlight = issued;
  }
  if (inFlight) await inFlight;
}
