import type { OfficeApi } from './office-api';
import { connect, type Remote } from './rpc';

/** The worker could not be started or loaded (a browser or a packaging without module workers). */
class WorkerUnavailable extends Error {
  override readonly name = 'WorkerUnavailable';
}

const remote = connect<OfficeApi>((fail) => {
  // No workers at all (Node, where the app's code also runs under test): the page does the work.
  if (typeof Worker === 'undefined') throw new WorkerUnavailable('no Worker');
  const worker = new Worker(new URL('./office.worker.ts', import.meta.url), { type: 'module', name: 'office' });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    fail(new WorkerUnavailable(event.message || 'worker failed'));
  });
  return worker;
});

let unavailable = false;

/**
 * The office worker, started on first use and kept for the session: roster files are read and
 * planned, workbooks and Word documents written there, while the window stays responsive. Where a
 * worker cannot run at all, the same functions run on the page, slower but with the same results.
 */
export const office = new Proxy({} as Remote<OfficeApi>, {
  get:
    (_target, op: keyof OfficeApi) =>
    async (...args: unknown[]) => {
      const local = async () => ((await import('./office-api')).OFFICE[op] as (...a: unknown[]) => unknown)(...args);
      if (unavailable) return local();
      try {
        return await (remote[op] as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        if (!(error instanceof WorkerUnavailable) && !(error instanceof TypeError && /Worker/.test(error.message))) throw error;
        unavailable = true;
        return local();
      }
    },
});
