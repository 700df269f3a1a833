/** What the page uses of a one-shot worker: a Worker, or in tests a stand-in. */
export interface OneShotWorker<Request, Reply> {
  postMessage(message: Request): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Reply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'messageerror', listener: (event: MessageEvent) => void): void;
  terminate(): void;
}

/** Starts one kind of one-shot worker, or says none can start; `giveUp` when a started one did not load. */
export interface WorkerStarter<W> {
  start: () => W | null;
  giveUp: () => void;
}

/**
 * Where a worker cannot start or load (Node under test, a browser without module workers) the work is
 * done on the page, and once one has failed every later one goes straight there. `create` holds the
 * `new Worker(new URL('./x.worker.ts', import.meta.url))` itself: the bundler finds the worker's file there.
 */
export function workerStarter<W>(create: () => W): WorkerStarter<W> {
  let unavailable = false;
  return {
    start: () => {
      if (unavailable || typeof Worker === 'undefined') return null;
      try {
        return create();
      } catch {
        unavailable = true;
        return null;
      }
    },
    giveUp: () => void (unavailable = true),
  };
}
